/**
 * The limits of Glance's HTTP server (eventlet.wsgi with Glance's
 * max_header_line 16384, over Python's http.server), measured on a real Glance
 * Zed with raw sockets: the thresholds and the bytes it answers with.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { parseRaw, rawRequest } from './helpers/raw-http';

const SCHEMA = '/v2/schemas/member';
const HEAD = 'Host: h\r\nX-Identity-Status: Confirmed\r\nX-Project-Id: p1\r\nX-Roles: member\r\n';

/** A GET of the member schema whose request line (CRLF included) is `length` bytes. */
function requestLineOf(length: number): string {
  const fixed = `GET ${SCHEMA}? HTTP/1.1\r\n`.length;
  return `GET ${SCHEMA}?${'a'.repeat(length - fixed)} HTTP/1.1\r\n`;
}

/** A header line (CRLF included) of `length` bytes. */
const headerLineOf = (length: number, name = 'X-A') => `${name}: ${'v'.repeat(length - name.length - 4)}\r\n`;

const PYTHON_431 =
  '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n' +
  '    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 431</p>\n' +
  '        <p>Message: Too many headers.</p>\n        <p>Error code explanation: 431 - got more than 256 headers.</p>\n' +
  '    </body>\n</html>\n';

describe("Glance's HTTP server limits", () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  const send = async (text: string) => parseRaw(await rawRequest(glance.port, text));
  const get = (extraHeaders = '', requestLine = `GET ${SCHEMA} HTTP/1.1\r\n`) =>
    send(`${requestLine}${HEAD}${extraHeaders}Connection: close\r\n\r\n`);

  it('when the request line is 8191 bytes, then it is served', async () => {
    expect((await get('', requestLineOf(8191))).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it("when the request line is 8192 bytes, then eventlet's bare 414", async () => {
    const res = await get('', requestLineOf(8192));
    expect(res.statusLine).toBe('HTTP/1.0 414 Request URI Too Long');
    expect(res.headers).toEqual(['Connection: close', 'Content-Length: 0']);
    expect(res.body).toBe('');
  });

  it('when the URL is 16 KiB, then 414, not a 404', async () => {
    expect((await get('', `GET /v2/${'x'.repeat(16 * 1024)} HTTP/1.1\r\n`)).statusLine).toBe('HTTP/1.0 414 Request URI Too Long');
  });

  it('when a header line is 16383 bytes, then it is served', async () => {
    expect((await get(headerLineOf(16383))).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it.each([16384, 100 * 1024])("when a header line is %i bytes, then eventlet's 400 Header Line Too Long", async (length) => {
    const res = await get(headerLineOf(length));
    expect(res.statusLine).toBe('HTTP/1.0 400 Header Line Too Long');
    expect(res.headers).toEqual(['Connection: close', 'Content-length: 0']);
    expect(res.body).toBe('');
  });

  /** Header lines of under 16 KiB each adding up, with the request's own, to `total` bytes (the empty line included). */
  function headersTotalling(total: number): string {
    let remaining = total - (HEAD.length + 'Connection: close\r\n'.length + 2);
    let lines = '';
    for (let i = 0; remaining > 0; i++) {
      const length = Math.min(remaining, 16000);
      lines += headerLineOf(length, `X-${String(i).padStart(5, '0')}`);
      remaining -= length;
    }
    return lines;
  }

  it('when the headers add up to 65536 bytes, then they are served', async () => {
    expect((await get(headersTotalling(65536))).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it("when they add up to 65537 bytes, then eventlet's 400 Headers Too Large", async () => {
    const res = await get(headersTotalling(65537));
    expect(res.statusLine).toBe('HTTP/1.0 400 Headers Too Large');
    expect(res.headers).toEqual(['Connection: close', 'Content-length: 0']);
  });

  const manyHeaders = (count: number) => Array.from({ length: count }, (_, i) => `X-${i}: v\r\n`).join('');

  it('when a request has 255 header fields, then it is served', async () => {
    // HEAD has 4 fields and Connection 1.
    expect((await get(manyHeaders(250))).statusLine).toBe('HTTP/1.1 200 OK');
  });

  it.each([256, 1000])("when a request has %i header fields, then Python's 431 page", async (count) => {
    const res = await get(manyHeaders(count - 5));
    expect(res.statusLine).toBe('HTTP/1.1 431 Too many headers');
    expect(res.headers).toEqual([
      'Server: BaseHTTP/0.6 Python/3.11.2',
      'Connection: close',
      'Content-Type: text/html;charset=utf-8',
      'Content-Length: 333',
    ]);
    expect(res.body).toBe(PYTHON_431);
  });

  it("when the protocol is HTTP/2.0, then Python's 505", async () => {
    const res = await send('GET /versions HTTP/2.0\r\nHost: h\r\n\r\n');
    expect(res.statusLine).toBe('HTTP/1.1 505 Invalid HTTP version (2.0)');
    expect(res.body).toContain(
      '<p>Message: Invalid HTTP version (2.0).</p>\n        <p>Error code explanation: 505 - Cannot fulfill request.</p>',
    );
  });

  it.each(['abc', '-1'])("when Content-Length is %s, then eventlet's bare 400", async (length) => {
    const res = await send(`POST /v2/images HTTP/1.1\r\n${HEAD}Content-Length: ${length}\r\n\r\n{}`);
    expect(res.statusLine).toBe('HTTP/1.0 400 Bad Request');
    expect(res.headers).toEqual(['Connection: close', 'Content-length: 0']);
  });
});
