/**
 * CONNECT: Node hands it to a tunnel handler, Glance routes it like any other
 * method. Answers from a real Glance Zed over raw sockets.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { parseRaw, rawRequest, TRUSTED } from './helpers/raw-http';

describe('CONNECT', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  it('when CONNECT goes to a route, then 405 with the methods it takes', async () => {
    const res = parseRaw(await rawRequest(glance.port, `CONNECT /v2/images HTTP/1.1\r\nHost: h\r\n${TRUSTED}Connection: close\r\n\r\n`));
    expect(res.statusLine).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(res.headers.slice(0, 3)).toEqual(['Allow: GET, POST', 'Content-Length: 80', 'Content-Type: text/plain; charset=UTF-8']);
    expect(res.body).toBe('405 Method Not Allowed\n\nThe method CONNECT is not allowed for this resource. \n\n ');
  });

  it('when CONNECT names an authority, then the version list (300)', async () => {
    const res = parseRaw(await rawRequest(glance.port, 'CONNECT h:443 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 300 Multiple Choices');
    expect(JSON.parse(res.body).versions[0].links[0].href).toBe('http://h/v2/');
  });

  it('when CONNECT comes without identity, then 401', async () => {
    const res = parseRaw(await rawRequest(glance.port, 'CONNECT /v2/images HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 401 Unauthorized');
  });
});
