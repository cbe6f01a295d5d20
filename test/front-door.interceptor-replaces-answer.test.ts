/**
 * An interceptor may answer in the service's place, change the service's
 * answer, or fail: the writer puts whatever it returns on the wire, in its
 * header order, and a failing interceptor is a bare 500, never a stack trace.
 */
import { createGlanceMock, type GlanceMock } from '../src';
import { parseRaw, rawRequest } from './helpers/raw-http';
import { serveHandle } from './helpers/serve-handle';

const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1' };

describe('an interceptor replacing the answer', () => {
  let mock: GlanceMock;
  let served: Awaited<ReturnType<typeof serveHandle>>;
  beforeEach(async () => {
    mock = createGlanceMock();
    served = await serveHandle(mock);
  });
  afterEach(() => served.close());

  it('when it answers without calling the service, then that answer goes out and nothing is created', async () => {
    let created = false;
    mock.frontDoor.use(async (request, next) => {
      if (request.method !== 'POST') return next();
      return {
        status: 503,
        reason: 'Service Unavailable',
        headers: [
          ['X-First', 'a'],
          ['Content-Type', 'text/plain'],
          ['Content-Length', '4'],
        ],
        body: Buffer.from('busy'),
      };
    });
    mock.frontDoor.use(async (request, next) => {
      created = created || request.method === 'POST';
      return next();
    });
    const raw = parseRaw(
      await rawRequest(
        served.port,
        'POST /v2/images HTTP/1.1\r\nHost: h\r\nX-Identity-Status: Confirmed\r\nX-Project-Id: p1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
      ),
    );
    expect(raw.statusLine).toBe('HTTP/1.1 503 Service Unavailable');
    expect(raw.headers.slice(0, 3)).toEqual(['X-First: a', 'Content-Type: text/plain', 'Content-Length: 4']);
    expect(raw.body).toBe('busy');
    expect(created).toBe(false);
    const list = await fetch(`${served.url}/v2/images`, { headers: OWNER });
    expect(((await list.json()) as { images: unknown[] }).images).toEqual([]);
  });

  it("when it changes the service's answer, then the changed answer goes out", async () => {
    mock.frontDoor.use(async (_request, next) => {
      const response = await next();
      return { ...response, headers: [...response.headers, ['X-Seen', 'yes']] };
    });
    const res = await fetch(`${served.url}/v2/images`, { headers: OWNER });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-seen')).toBe('yes');
    expect(((await res.json()) as { images: unknown[] }).images).toEqual([]);
  });

  it('when it is removed, then the answers are the services’ own again', async () => {
    const teapot = async () => ({
      status: 418,
      reason: '',
      headers: [['Content-Length', '0']] as Array<[string, string]>,
      body: undefined,
    });
    mock.frontDoor.use(teapot);
    expect((await fetch(`${served.url}/versions`)).status).toBe(418);
    mock.frontDoor.remove(teapot);
    expect((await fetch(`${served.url}/versions`)).status).toBe(200);
  });

  it('when it throws, then the caller gets a bare 500 and the mock goes on serving', async () => {
    let fail = true;
    mock.frontDoor.use(async (_request, next) => {
      if (fail) throw new Error('broken interceptor');
      return next();
    });
    const broken = await fetch(`${served.url}/versions`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe('');
    fail = false;
    expect((await fetch(`${served.url}/versions`)).status).toBe(200);
  });

  it('when its answer has a header Node cannot write, then the caller gets a bare 500', async () => {
    mock.frontDoor.use(async () => ({ status: 200, reason: '', headers: [['X-Bad', 'line\r\nbreak']], body: Buffer.from('x') }));
    const res = await fetch(`${served.url}/versions`);
    expect(res.status).toBe(500);
    expect(res.headers.get('x-bad')).toBeNull();
  });
});
