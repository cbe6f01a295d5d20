import { RawServer } from './helpers/raw-server';

const INVALID_JSON =
  'Expecting to find valid JSON in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.';

/** Keystone hands the bytes to Python's json.loads, which detects UTF-8 (BOM allowed, surrogates passed), UTF-16 and UTF-32. */
describe('the JSON body of a token request, as bytes', () => {
  let server: RawServer;
  beforeAll(async () => {
    server = await RawServer.start();
  });
  afterAll(() => server.close());

  const issue = (body: Buffer) => server.send('POST', '/identity/v3/auth/tokens', { 'Content-Type': 'application/json' }, body);
  const messageOf = (body: string) => JSON.parse(body).error.message as string;

  it('when the body is not UTF-8, then 400 expecting valid JSON', async () => {
    const res = await issue(Buffer.concat([Buffer.from('{"auth": "'), Buffer.from([0xff]), Buffer.from('"}')]));
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toBe(INVALID_JSON);
  });

  it.each<[string, Buffer]>([
    ['a UTF-8 byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"auth": 1}')])],
    ['UTF-16 with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"auth": 1}', 'utf16le')])],
    ['UTF-16LE without one', Buffer.from('{"auth": 1}', 'utf16le')],
  ])('when the body is JSON in %s, then it is read (the schema refuses the value, not the JSON)', async (_label, body) => {
    const res = await issue(body);
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).not.toBe(INVALID_JSON);
  });

  it("when the body nests 929 containers, then Flask's 500 page without a request id", async () => {
    const res = await issue(Buffer.from(`{"x": ${'['.repeat(928)}${']'.repeat(928)}}`));
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
    expect(res.body).toBe(
      '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
        '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n',
    );
    const shallower = await issue(Buffer.from(`{"x": ${'['.repeat(927)}${']'.repeat(927)}}`));
    expect(shallower.status).toBe(400);
  });
});

describe('values of a token request printed in schema errors', () => {
  let server: RawServer;
  beforeAll(async () => {
    server = await RawServer.start();
  });
  afterAll(() => server.close());

  it.each<[string, string]>([
    ['{"auth": NaN}', "nan is not of type 'object'"],
    ['{"auth": 1.0}', "1.0 is not of type 'object'"],
    ['{"auth": "\\ud800"}', "'\\ud800' is not of type 'object'"],
  ])('when the body is %s, then the 400 prints the value as Python does', async (body, message) => {
    const res = await server.send('POST', '/identity/v3/auth/tokens', { 'Content-Type': 'application/json' }, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe(message);
  });
});
