/**
 * The faults an interceptor may answer with, as a real HTTP client meets them:
 * a reset connection, a connection closed without a byte, and a held one that
 * the mock closes after its bound.
 */
import { request } from 'node:http';
import { createGlanceMock, type GlanceMock } from '../src';
import type { WireResponse } from '../src/wire/types';
import { serveHandle } from './helpers/serve-handle';

type Outcome = { status: number } | { error: string; afterMs: number };

/** One GET with Node's HTTP client: the status, or the error and when it came. */
function get(url: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(`${url}/versions`, { agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', (error) => resolve({ error: error.message, afterMs: Date.now() - started }));
    req.end();
  });
}

describe('fault answers', () => {
  let mock: GlanceMock;
  let served: Awaited<ReturnType<typeof serveHandle>>;
  const answerWith = (fault: WireResponse['fault']) =>
    mock.frontDoor.use(async () => ({ status: 0, reason: '', headers: [], body: undefined, fault }));
  beforeEach(async () => {
    mock = createGlanceMock();
    served = await serveHandle(mock);
  });
  afterEach(() => served.close());

  it('when the fault is reset, then the client sees the connection reset', async () => {
    answerWith('reset');
    expect(await get(served.url)).toMatchObject({ error: 'read ECONNRESET' });
  });

  it('when the fault is empty-response, then the client sees the connection closed without an answer', async () => {
    answerWith('empty-response');
    expect(await get(served.url)).toMatchObject({ error: 'socket hang up' });
  });

  it('when the fault is hang, then nothing comes until the bound, then the connection is closed', async () => {
    mock.frontDoor.hangLimitMs = 400;
    answerWith('hang');
    const outcome = await get(served.url);
    expect(outcome).toMatchObject({ error: 'socket hang up' });
    expect((outcome as { afterMs: number }).afterMs).toBeGreaterThanOrEqual(350);
  });

  it('when a fault answers one request, then the next request is served', async () => {
    let faulted = false;
    mock.frontDoor.use(async (_request, next) => {
      if (faulted) return next();
      faulted = true;
      return { status: 0, reason: '', headers: [], body: undefined, fault: 'reset' };
    });
    expect(await get(served.url)).toMatchObject({ error: 'read ECONNRESET' });
    expect(await get(served.url)).toEqual({ status: 200 });
  });
});
