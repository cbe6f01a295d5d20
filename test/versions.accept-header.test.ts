/**
 * Media-type versioning: glance.api.middleware.version_negotiation reads the version from
 * `Accept: application/vnd.openstack.images-<version>` and then serves the path as it is
 * under /v2 (so `/images` is `/v2/images`, and `/v2/images` becomes `/v2/v2/images`).
 * Answers as the real Glance Zed gave them.
 */
import request from 'supertest';
import { createApp } from '../src';
import { personas } from './helpers/personas';

const MEDIA = 'application/vnd.openstack.images-';
const NOT_FOUND = '404 Not Found\n\nThe resource could not be found.\n\n   ';

describe('version negotiation by Accept header', () => {
  const app = createApp();
  const get = (path: string, version: string, withIdentity = true) => {
    const req = request(app).get(path).set('Accept', `${MEDIA}${version}`);
    return withIdentity ? req.set(personas.owner) : req;
  };

  it.each(['v2', 'v2.16', 'v2.1'])('when /images is requested with version %s, then the image list', async (version) => {
    const res = await get('/images', version);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"images": [], "first": "/v2/images", "schema": "/v2/schemas/images"}');
  });

  it('when /v2/images is requested with version v2, then 404: the path is served under /v2 once more', async () => {
    const res = await get('/v2/images', 'v2');
    expect(res.status).toBe(404);
    expect(res.text).toBe(NOT_FOUND);
  });

  it('when /images is requested with a known version but no identity, then 401 (the request reached the API)', async () => {
    const res = await get('/images', 'v2', false);
    expect(res.status).toBe(401);
  });

  it.each(['v2.10', 'v3', 'v2+json'])('when the version %s is not one Glance lists, then 300 with the version list', async (version) => {
    const res = await get('/images', version);
    expect(res.status).toBe(300);
    expect(res.text).toContain('{"versions": [{"id": "v2.16", "status": "CURRENT"');
  });

  it('when /versions is requested with a version Accept, then 200: /versions is answered before the Accept is read', async () => {
    const res = await get('/versions', 'v2.10');
    expect(res.status).toBe(200);
    expect(res.text).toContain('{"versions": [{"id": "v2.16", "status": "CURRENT"');
  });
});
