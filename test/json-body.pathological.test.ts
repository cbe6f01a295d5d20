import { jsonBody } from '../src/http/json-body';
import { RawServer } from './helpers/raw-server';
import { personas } from './helpers/personas';

const MALFORMED = '400 Bad Request\n\nMalformed JSON in request body.\n\n   ';

/** An unterminated string of escaped quotes once took a regex quadratic time: minutes at 2 MiB. */
const unterminated = (bytes: number) => Buffer.from(`{"member": "${'\\"'.repeat(bytes / 2)}`);

describe('a pathological JSON body', () => {
  let server: RawServer;
  let imageId: string;
  const json = { ...personas.owner, 'Content-Type': 'application/json' };

  beforeAll(async () => {
    server = await RawServer.start();
    imageId = JSON.parse((await server.send('POST', '/v2/images', json, '{"visibility": "shared"}')).body).id;
  });
  afterAll(() => server.close());

  it('when a member body is 2 MiB of escaped quotes with no closing quote, then 400 Malformed JSON well under a second', async () => {
    const body = unterminated(2 * 1024 * 1024);
    const started = process.hrtime.bigint();
    const res = await server.send('POST', `/v2/images/${imageId}/members`, json, body);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(res.status).toBe(400);
    expect(res.body).toBe(MALFORMED);
    expect(elapsedMs).toBeLessThan(1000);
  });

  // At 20 MiB the loopback transfer alone can take a second on a busy machine: the reading itself is timed.
  it('when a body of 20 MiB of escaped quotes with no closing quote is read, then Malformed JSON well under a second', () => {
    const bytes = unterminated(20 * 1024 * 1024);
    const started = process.hrtime.bigint();
    expect(() => jsonBody({ present: true, declaredLength: bytes.length, bytes })).toThrow('Malformed JSON in request body.');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('when such a body is being answered, then other requests are answered too', async () => {
    const bodies = Array.from({ length: 3 }, () =>
      server.send('POST', `/v2/images/${imageId}/members`, json, unterminated(2 * 1024 * 1024)),
    );
    const show = server.send('GET', `/v2/images/${imageId}`, personas.owner);
    const answers = await Promise.all([...bodies, show]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 200]);
  });
});
