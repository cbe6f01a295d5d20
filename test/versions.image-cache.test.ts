/**
 * A Glance without `image_cache_dir` (the upstream default) against one with it (Debian's
 * and devstack's configuration, the mock's default): glance.api.versions lists v2.16 and
 * v2.14 only with a cache, and version negotiation knows only the listed versions.
 * Bodies as the real Glance Zed sent them (scripts/real-glance/start.sh --no-image-cache).
 */
import request from 'supertest';
import { createApp } from '../src';
import { personas } from './helpers/personas';

const HOST = '127.0.0.1:9801';
const entry = (id: string, status: string) =>
  `{"id": "${id}", "status": "${status}", "links": [{"rel": "self", "href": "http://${HOST}/v2/"}]}`;
const OLDER = ['v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'].map((id) => entry(id, 'SUPPORTED'));
const WITHOUT_CACHE = `{"versions": [${[entry('v2.15', 'CURRENT'), ...OLDER].join(', ')}]}`;
const WITH_CACHE = `{"versions": [${[entry('v2.16', 'CURRENT'), entry('v2.15', 'SUPPORTED'), entry('v2.14', 'SUPPORTED'), ...OLDER].join(', ')}]}`;
const EMPTY_LIST = '{"images": [], "first": "/v2/images", "schema": "/v2/schemas/images"}';

describe('a Glance without an image cache', () => {
  const app = createApp({ imageCache: false });

  it('when /versions is requested, then v2.15 is CURRENT and neither v2.16 nor v2.14 is listed', async () => {
    const res = await request(app).get('/versions').set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.text).toBe(WITHOUT_CACHE);
    expect(Buffer.byteLength(res.text)).toBe(1053);
  });

  it.each(['/v2.16/images', '/v2.14/images'])('when %s is requested, then 300 with the version list', async (path) => {
    const res = await request(app).get(path).set(personas.owner).set('Host', HOST);
    expect(res.status).toBe(300);
    expect(res.text).toBe(WITHOUT_CACHE);
  });

  it('when /v2.15/images is requested, then it is served as /v2/images', async () => {
    const res = await request(app).get('/v2.15/images').set(personas.owner).set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.text).toBe(EMPTY_LIST);
  });
});

describe('a Glance with an image cache (the default)', () => {
  const app = createApp();

  it('when /versions is requested, then v2.16 is CURRENT, then v2.15 and v2.14', async () => {
    const res = await request(app).get('/versions').set('Host', HOST);
    expect(res.text).toBe(WITH_CACHE);
  });

  it.each(['/v2.16/images', '/v2.14/images'])('when %s is requested, then it is served as /v2/images', async (path) => {
    const res = await request(app).get(path).set(personas.owner).set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.text).toBe(EMPTY_LIST);
  });

  it('when the option is not a boolean, then createApp refuses it naming the option', () => {
    expect(() => createApp({ imageCache: 'no' as unknown as boolean })).toThrow('imageCache must be true or false (got no)');
  });
});
