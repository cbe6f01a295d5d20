/**
 * The order of the headers on success answers, as a real Glance Zed sends them
 * (raw sockets; Node's own Connection/Keep-Alive aside): image and member
 * answers put Content-Length first, schemas and the version list Content-Type.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { parseRaw, rawRequest, TRUSTED } from './helpers/raw-http';

describe('header order on success', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  const names = async (path: string) => {
    const { headers } = parseRaw(await rawRequest(glance.port, `GET ${path} HTTP/1.1\r\nHost: h\r\n${TRUSTED}Connection: close\r\n\r\n`));
    return headers.map((h) => h.slice(0, h.indexOf(':'))).filter((n) => n !== 'Connection' && n !== 'Keep-Alive');
  };

  it.each(['/v2/schemas/image', '/v2/schemas/members', '/v2/schemas/metadefs/namespace'])(
    'when %s is served, then Content-Type, Content-Length, X-Openstack-Request-Id',
    async (path) => {
      expect(await names(path)).toEqual(['Content-Type', 'Content-Length', 'X-Openstack-Request-Id']);
    },
  );

  it('when the image list is served, then Content-Length, Content-Type, X-Openstack-Request-Id', async () => {
    expect(await names('/v2/images')).toEqual(['Content-Length', 'Content-Type', 'X-Openstack-Request-Id']);
  });

  it('when the version list is served, then Content-Type, Content-Length', async () => {
    expect(await names('/versions')).toEqual(['Content-Type', 'Content-Length']);
  });
});
