import { request as httpRequest } from 'node:http';
import { OWNER, running } from './running';

type Client = Awaited<ReturnType<typeof running>>;
let client: Client;

beforeAll(async () => {
  client = await running({ seed: { images: [{ id: 'a42bfade-78ec-4c95-b7b4-272ba265072c', owner: 'p1' }] } });
});
afterEach(() => client.call('POST', '/_mock/reset'));
afterAll(() => client.mock.close());

const MEMBERS = '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members';

/** A plain node:http GET: the status, or the socket error's code. */
function rawGet(path: string, timeoutMs = 5000): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(`${client.mock.url}${path}`, { headers: OWNER, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
}

describe('faults seen by a real HTTP client', () => {
  test('a bare 503 answers webob text for it, formatted by Accept, with a request id', async () => {
    await client.call('POST', '/_mock/faults', { method: 'GET', path: '/v2/images/{image_id}/members', response: { status: 503 } });
    const plain = await client.call('GET', MEMBERS, undefined, { ...OWNER, Accept: 'text/plain' });
    expect(plain.status).toBe(503);
    expect(plain.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(plain.text).toBe('503 Service Unavailable\n\nThe server is currently unavailable. Please try again at a later time.\n\n   ');
    expect(plain.headers.get('x-openstack-request-id')).toMatch(/^req-/);
    const json = await client.call('GET', MEMBERS, undefined, { ...OWNER, Accept: 'application/json' });
    expect(json.json).toEqual({
      message: 'The server is currently unavailable. Please try again at a later time.<br /><br />\n\n\n',
      code: '503 Service Unavailable',
      title: 'Service Unavailable',
    });
  });

  test('a response with headers and body is sent as given', async () => {
    await client.call('POST', '/_mock/faults', {
      path: '/v2/images',
      response: { status: 429, headers: { 'Retry-After': '3' }, body: { error: 'slow down' } },
    });
    const res = await client.call('GET', '/v2/images', undefined, OWNER);
    expect([res.status, res.headers.get('retry-after'), res.json]).toEqual([429, '3', { error: 'slow down' }]);
  });

  test('reset is a socket error, not a status', async () => {
    await client.call('POST', '/_mock/faults', { path: '/v2/images', response: { fault: 'reset' } });
    expect(await rawGet('/v2/images')).toEqual({ error: 'ECONNRESET' });
  });

  test('empty-response closes the connection without a byte', async () => {
    await client.call('POST', '/_mock/faults', { path: '/v2/images', response: { fault: 'empty-response' } });
    expect(await rawGet('/v2/images')).toEqual({ error: 'ECONNRESET' });
  });

  test('hang holds the connection until the client gives up, within its bound', async () => {
    await client.call('POST', '/_mock/faults', { path: '/v2/images', response: { fault: 'hang', hangMs: 2000 } });
    const started = Date.now();
    expect(await rawGet('/v2/images', 300)).toEqual({ error: 'TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const held = await rawGet('/v2/images', 5000);
    expect(held).toEqual({ error: 'ECONNRESET' });
  });

  test('times: the first n matching requests fail, then Glance answers; the journal shows both', async () => {
    await client.call('POST', '/_mock/faults', { path: '/v2/images', response: { status: 500 }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.call('GET', '/v2/images', undefined, OWNER)).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    const journal = await client.call('GET', '/_mock/requests');
    expect((journal.json.requests as Array<{ status: number }>).map((r) => r.status)).toEqual([500, 500, 200, 200]);
    expect((await client.call('GET', '/_mock/faults/fault-1')).json).toMatchObject({ hits: 2, remaining: 0 });
  });

  test('a seeded probability gives the same sequence after every reset', async () => {
    const sequence = async () => {
      await client.call('POST', '/_mock/reset');
      await client.call('POST', '/_mock/faults', { path: '/v2/images', response: { status: 503 }, probability: 0.5, seed: 42 });
      const out = [];
      for (let i = 0; i < 20; i++) out.push((await client.call('GET', '/v2/images', undefined, OWNER)).status);
      return out;
    };
    const first = await sequence();
    expect(await sequence()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
  });

  test('latency delays the answer by the rule', async () => {
    await client.call('POST', '/_mock/faults', { path: '/v2/images', latency: { fixedMs: 300 } });
    const started = Date.now();
    const res = await client.call('GET', '/v2/images', undefined, OWNER);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('a rule for one project spares the others', async () => {
    await client.call('POST', '/_mock/faults', { path: '/v2/images', project: 'p9', response: { status: 500 } });
    expect((await client.call('GET', '/v2/images', undefined, OWNER)).status).toBe(200);
    expect((await client.call('GET', '/v2/images', undefined, { ...OWNER, 'X-Project-Id': 'p9' })).status).toBe(500);
  });

  test('faults never touch the control API', async () => {
    await client.call('POST', '/_mock/faults', { path: '*', response: { fault: 'reset' } });
    expect((await client.call('GET', '/_mock/health')).status).toBe(200);
  });
});
