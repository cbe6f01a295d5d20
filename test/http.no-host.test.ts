/**
 * Absolute URLs without a Host header: webob's host_url falls back to the
 * address and port the connection came in on (eventlet's SERVER_NAME and
 * SERVER_PORT), and leaves out the port 80 of a Host header. Answers from a
 * real Glance Zed over raw sockets.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { parseRaw, rawRequest, TRUSTED } from './helpers/raw-http';

describe('absolute URLs when the request has no usable Host', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  const location = async (request: string) =>
    parseRaw(await rawRequest(glance.port, request)).headers.find((h) => h.startsWith('Location: '));

  it('when GET /v2 comes over HTTP/1.0 without Host, then the redirect names the address the mock listens on', async () => {
    expect(await location(`GET /v2 HTTP/1.0\r\n${TRUSTED}\r\n`)).toBe(`Location: http://127.0.0.1:${glance.port}/v2/`);
  });

  it('when HTTP/1.1 comes without Host, then it is served as eventlet serves it (302), not refused', async () => {
    const raw = await rawRequest(glance.port, `GET /v2 HTTP/1.1\r\n${TRUSTED}Connection: close\r\n\r\n`);
    expect(parseRaw(raw).statusLine).toBe('HTTP/1.1 302 Found');
    expect(parseRaw(raw).headers).toContain(`Location: http://127.0.0.1:${glance.port}/v2/`);
  });

  it('when the Host header is empty, then the listening address is used too', async () => {
    expect(await location(`GET /v2 HTTP/1.0\r\nHost: \r\n${TRUSTED}\r\n`)).toBe(`Location: http://127.0.0.1:${glance.port}/v2/`);
  });

  it('when the Host names port 80, then the port is left out', async () => {
    expect(await location(`GET /v2 HTTP/1.0\r\nHost: example.com:80\r\n${TRUSTED}\r\n`)).toBe('Location: http://example.com/v2/');
  });

  it('when the Host has another port, then it is kept as sent', async () => {
    expect(await location(`GET /v2 HTTP/1.0\r\nHost: EXAMPLE.com:0080\r\n${TRUSTED}\r\n`)).toBe('Location: http://EXAMPLE.com:0080/v2/');
  });

  it('when the version list is asked for without Host, then its hrefs name the listening address', async () => {
    const { body } = parseRaw(await rawRequest(glance.port, 'GET / HTTP/1.0\r\n\r\n'));
    expect(JSON.parse(body).versions[0].links[0].href).toBe(`http://127.0.0.1:${glance.port}/v2/`);
  });

  it('when an image is created without Host, then its Location names the listening address', async () => {
    const raw = await rawRequest(glance.port, `POST /v2/images HTTP/1.0\r\n${TRUSTED}Content-Length: 2\r\n\r\n{}`);
    const { statusLine, headers, body } = parseRaw(raw);
    expect(statusLine).toBe('HTTP/1.1 201 Created');
    const id = JSON.parse(body).id as string;
    expect(headers).toContain(`Location: http://127.0.0.1:${glance.port}/v2/images/${id}`);
    expect(JSON.parse(body).self).toBe(`/v2/images/${id}`);
  });
});
