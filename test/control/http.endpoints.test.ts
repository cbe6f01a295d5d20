import { MEMBER, OWNER, running } from './running';

type Client = Awaited<ReturnType<typeof running>>;
let client: Client;

beforeAll(async () => {
  client = await running({ seed: { images: [{ id: 'a42bfade-78ec-4c95-b7b4-272ba265072c', owner: 'p1', name: 'start' }] } });
});
afterEach(() => client.call('POST', '/_mock/reset'));
afterAll(() => client.mock.close());

const imageNames = async () => {
  const res = await client.call('GET', '/v2/images', undefined, OWNER);
  return (res.json.images as Array<{ name: string }>).map((i) => i.name).sort();
};

describe('the control API over HTTP', () => {
  test('health answers ok', async () => {
    const res = await client.call('GET', '/_mock/health');
    expect([res.status, res.json]).toEqual([200, { status: 'ok' }]);
  });

  test('seed adds state, answers what it created, and reset brings back the start-up seed', async () => {
    const res = await client.call('POST', '/_mock/seed', { images: [{ name: 'seeded', owner: 'p1', members: [{ member: 'p2' }] }] });
    expect(res.status).toBe(201);
    const created = res.json.created as { images: Array<{ id: string; name: string }>; imageIds: Record<string, string> };
    expect(created.images).toEqual([expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'seeded' })]);
    expect(created.imageIds).toEqual({ 0: created.images[0].id });
    expect(await imageNames()).toEqual(['seeded', 'start']);
    expect((await client.call('POST', '/_mock/reset')).status).toBe(200);
    expect(await imageNames()).toEqual(['start']);
  });

  test('a seed in YAML is read by its Content-Type', async () => {
    const yaml = 'images:\n  - name: from-yaml\n    owner: p1\n';
    const res = await client.call('POST', '/_mock/seed', yaml, { 'Content-Type': 'application/yaml' });
    expect(res.status).toBe(201);
    expect(await imageNames()).toEqual(['from-yaml', 'start']);
  });

  test.each([
    ['an unknown field', { images: [{ name: 'x', colour: 'red' }] }, undefined, '/images/0/colour'],
    ['a taken id', { images: [{ name: 'x' }, { id: 'a42bfade-78ec-4c95-b7b4-272ba265072c' }] }, undefined, '/images/1/id'],
    ['malformed JSON', '{"images": [', { 'Content-Type': 'application/json' }, '/'],
    ['malformed YAML', 'images: [\n  - {', { 'Content-Type': 'application/yaml' }, '/'],
    ['no body', undefined, undefined, '/'],
  ])('a seed with %s is a 400 naming the field and changes nothing', async (_what, body, headers, field) => {
    const res = await client.call('POST', '/_mock/seed', body, headers);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, field });
    expect(await imageNames()).toEqual(['start']);
  });

  test('another Content-Type is a 415 problem', async () => {
    const res = await client.call('POST', '/_mock/seed', 'images: []', { 'Content-Type': 'text/plain' });
    expect([res.status, res.json.field]).toEqual([415, 'Content-Type']);
  });

  test('an unknown /_mock path is a 404 problem, a known one with another method a 405 with Allow', async () => {
    const missing = await client.call('GET', '/_mock/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no control endpoint at /nothing-here' });
    const wrong = await client.call('DELETE', '/_mock/clock');
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, PUT']);
  });

  test('the journal lists requests with their route, project and request id, and filters them', async () => {
    await client.call('GET', '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members', undefined, OWNER);
    await client.call('POST', '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members', { member: 'p2' }, OWNER);
    await client.call('GET', '/v2/images', undefined, { ...MEMBER, 'X-Auth-Token': 'secret-token' });
    const all = await client.call('GET', '/_mock/requests');
    expect(all.json).toMatchObject({ count: 3, size: 3, capacity: 1000, dropped: 0 });
    const [first] = all.json.requests as Array<Record<string, unknown>>;
    expect(first).toMatchObject({
      id: 1,
      method: 'GET',
      path: '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members',
      status: 200,
      route: '/v2/images/{image_id}/members',
      project: 'p1',
      requestId: expect.stringMatching(/^req-/),
      service: 'glance',
    });
    const filtered = await client.call('GET', '/_mock/requests?method=POST&path=/v2/images/{id}/members&status=200&project=p1');
    expect((filtered.json.requests as Array<{ id: number; body: string }>).map((r) => [r.id, r.body])).toEqual([[2, '{"member":"p2"}']]);
    const masked = await client.call('GET', '/_mock/requests?project=p2');
    expect((masked.json.requests as Array<{ headers: Record<string, string> }>)[0].headers['x-auth-token']).toBe('***');
    expect(masked.text).not.toContain('secret-token');
    expect((await client.call('DELETE', '/_mock/requests')).json).toEqual({ deleted: 3 });
    expect((await client.call('GET', '/_mock/requests')).json.count).toBe(0);
  });

  test.each([
    ['status=teapot', 'status'],
    ['limit=-1', 'limit'],
    ['since=yesterday', 'since'],
    ['colour=red', '/colour'],
    ['path=%5E(', 'path'],
    ['method=GET&method=POST', 'method'],
  ])('a bad journal filter %s is a 400 naming %s', async (query, field) => {
    const res = await client.call('GET', `/_mock/requests?${query}`);
    expect([res.status, res.json.field]).toEqual([400, field]);
  });

  test('verify answers ok with the count, or 422 with near misses', async () => {
    await client.call('POST', '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members', { member: 'p2' }, OWNER);
    const ok = await client.call('POST', '/_mock/verify', { method: 'POST', path: '/v2/images/{image_id}/members', count: 1 });
    expect([ok.status, ok.json]).toEqual([200, { ok: true, count: 1 }]);
    const failed = await client.call('POST', '/_mock/verify', { method: 'POST', path: '/v2/images/{image_id}/members', status: 409 });
    expect(failed.status).toBe(422);
    expect(failed.json).toMatchObject({ ok: false, count: 0, nearMisses: [{ id: 1, status: 200, mismatched: ['status'] }] });
    const bad = await client.call('POST', '/_mock/verify', { method: 'POST', path: '/x', atLeast: 'one' });
    expect([bad.status, bad.json.field]).toEqual([400, '/atLeast']);
  });

  test('faults: add answers 201 with an id, list, show, delete one, delete all; unknown ids are 404', async () => {
    const added = await client.call('POST', '/_mock/faults', { method: 'GET', path: '/v2/images', response: { status: 503 } });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ id: 'fault-1', method: 'GET', path: '/v2/images', response: { status: 503 }, hits: 0 });
    expect((await client.call('GET', '/_mock/faults')).json.faults).toHaveLength(1);
    expect((await client.call('GET', '/_mock/faults/fault-1')).json.id).toBe('fault-1');
    expect((await client.call('GET', '/_mock/faults/fault-9')).status).toBe(404);
    expect((await client.call('DELETE', '/_mock/faults/fault-9')).status).toBe(404);
    expect((await client.call('DELETE', '/_mock/faults/fault-1')).json).toEqual({ deleted: 1 });
    await client.call('POST', '/_mock/faults', { path: '*', latency: { fixedMs: 1 } });
    expect((await client.call('DELETE', '/_mock/faults')).json).toEqual({ deleted: 1 });
    const bad = await client.call('POST', '/_mock/faults', { path: '/v2/images', response: { status: 'boom' } });
    expect([bad.status, bad.json.field]).toEqual([400, '/response/status']);
    expect((await client.call('GET', '/_mock/faults')).json.faults).toEqual([]);
  });

  test('the clock: frozen, timestamps follow it; advanced; back to the system clock', async () => {
    const frozen = await client.call('PUT', '/_mock/clock', { frozenAt: '2031-02-03T04:05:06Z' });
    expect(frozen.json).toEqual({ now: '2031-02-03T04:05:06.000Z', frozenAt: '2031-02-03T04:05:06.000Z', offsetMs: 0 });
    const created = await client.call('POST', '/v2/images', { name: 'timed' }, OWNER);
    expect(created.json.created_at).toBe('2031-02-03T04:05:06Z');
    await client.call('PUT', '/_mock/clock', { advanceBy: 60_000 });
    const patched = await client.call(
      'PATCH',
      `/v2/images/${String(created.json.id)}`,
      [{ op: 'replace', path: '/name', value: 'later' }],
      {
        ...OWNER,
        'Content-Type': 'application/openstack-images-v2.1-json-patch',
      },
    );
    expect(patched.json.updated_at).toBe('2031-02-03T04:06:06Z');
    expect((await client.call('GET', '/_mock/clock')).json.now).toBe('2031-02-03T04:06:06.000Z');
    const system = await client.call('PUT', '/_mock/clock', { system: true });
    expect(system.json.frozenAt).toBeNull();
    const bad = await client.call('PUT', '/_mock/clock', { frozenAt: 'soon' });
    expect([bad.status, bad.json.field]).toEqual([400, '/frozenAt']);
  });

  test('config: a member quota of 1 reaches Glance 413 at the second member; bad values change nothing', async () => {
    const set = await client.call('PUT', '/_mock/config', { memberQuota: 1 });
    expect(set.json).toMatchObject({ memberQuota: 1 });
    const path = '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members';
    expect((await client.call('POST', path, { member: 'p2' }, OWNER)).status).toBe(200);
    const over = await client.call('POST', path, { member: 'p3' }, OWNER);
    expect(over.status).toBe(413);
    expect(over.text).toContain(
      'The limit has been exceeded on the number of allowed image members for this image. Attempted: 2, Maximum: 1',
    );
    const bad = await client.call('PUT', '/_mock/config', { memberQuota: 5, imageTagQuota: 'many' });
    expect([bad.status, bad.json.field]).toEqual([400, '/imageTagQuota']);
    expect((await client.call('GET', '/_mock/config')).json.memberQuota).toBe(1);
    const unknown = await client.call('PUT', '/_mock/config', { dbProfile: 'sqlite' });
    expect([unknown.status, unknown.json.field]).toEqual([400, '/dbProfile']);
  });

  test('metrics are Prometheus text with requests by route, method and status', async () => {
    await client.call('GET', '/v2/images', undefined, OWNER);
    const res = await client.call('GET', '/_mock/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('glance_mock_requests_total{service="glance",route="/v2/images",method="GET",status="200"} 1');
    expect(res.text).toContain('glance_mock_images 1');
    expect(res.text).toContain('glance_mock_journal_entries 1');
  });
});
