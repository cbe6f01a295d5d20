/**
 * Requests Node's strict parser refuses and Glance's eventlet server serves:
 * both Content-Length and Transfer-Encoding (the chunked body is read), and a
 * folded header line. Answers from a real Glance Zed over raw sockets.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { parseRaw, rawRequest, TRUSTED } from './helpers/raw-http';

describe('what eventlet parses and Node would refuse', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  it('when a create comes with Content-Length and chunked Transfer-Encoding, then the chunked body is read (201)', async () => {
    const body = '{"name": "chunked"}';
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const raw = await rawRequest(
      glance.port,
      `POST /v2/images HTTP/1.1\r\nHost: h\r\n${TRUSTED}Connection: close\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`,
    );
    const res = parseRaw(raw);
    expect(res.statusLine).toBe('HTTP/1.1 201 Created');
    expect(JSON.parse(res.body).name).toBe('chunked');
  });

  it('when a header line is folded, then the request is served', async () => {
    const res = parseRaw(await rawRequest(glance.port, 'GET /versions HTTP/1.1\r\nHost: h\r\nX-A: b\r\n c\r\nConnection: close\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 200 OK');
  });
});
