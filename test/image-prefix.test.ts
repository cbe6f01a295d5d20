/**
 * Glance as a devstack cloud serves it, mounted under /image (and still at the
 * root): discovery with hrefs carrying the prefix, the same API below it, and
 * the schemas glanceclient caches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { personas } from './helpers/personas';
import { WEBOB, expectGlanceError } from './helpers/webob';

const HOST = 'glance.example:9292';
const SCHEMA_DIR = join(__dirname, '..', 'src', 'schemas');

describe('Glance under /image', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  it.each<[string, number]>([
    ['/image', 300],
    ['/image/', 300],
    ['/image/versions', 200],
  ])('when %s is requested without identity, then %i with hrefs under /image', async (path, status) => {
    const res = await request(glance.app).get(path).set('Host', HOST);
    expect(res.status).toBe(status);
    expect(res.body.versions).toHaveLength(12);
    for (const version of res.body.versions) expect(version.links).toEqual([{ rel: 'self', href: `http://${HOST}/image/v2/` }]);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the root is asked after /image, then its hrefs are still without prefix', async () => {
    const res = await request(glance.app).get('/versions').set('Host', HOST);
    expect(res.body.versions[0].links[0].href).toBe(`http://${HOST}/v2/`);
  });

  it('when an image is created and its members handled under /image/v2, then it is the same API as /v2', async () => {
    const id = await glance.createImage({ visibility: 'shared' });
    const added = await request(glance.app).post(`/image/v2/images/${id}/members`).set(personas.owner).send('{"member": "member-project"}');
    expect(added.status).toBe(200);
    const listed = await glance.get(`/v2/images/${id}/members`);
    expect(listed.body.members.map((m: { member_id: string }) => m.member_id)).toEqual(['member-project']);
    const removed = await request(glance.app).delete(`/image/v2/images/${id}/members/member-project`).set(personas.owner);
    expect(removed.status).toBe(204);
  });

  it('when /image/v2 is asked with identity, then 302 to /image/v2/', async () => {
    const res = await request(glance.app).get('/image/v2').set(personas.owner).set('Host', HOST);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`http://${HOST}/image/v2/`);
  });

  it('when /image/v2 paths are asked without identity, then 401 as at the root', async () => {
    expectGlanceError(await request(glance.app).get('/image/v2/images'), 401, WEBOB.unauthorized);
  });

  it('when GET /image/v2/... comes with a body, then 400 as at the root', async () => {
    const res = await request(glance.app)
      .get('/image/v2/schemas/image')
      .set(personas.owner)
      .set('Content-Type', 'application/json')
      .send('{}');
    expectGlanceError(res, 400, 'A body is not expected with this request.');
  });

  it('when a bodiless GET or DELETE says Content-Type application/octet-stream (as glanceclient does), then it is served', async () => {
    const id = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(id, 'member-project');
    const get = await request(glance.app)
      .get(`/image/v2/images/${id}/members`)
      .set(personas.owner)
      .set('Content-Type', 'application/octet-stream');
    expect(get.status).toBe(200);
    const del = await request(glance.app)
      .delete(`/image/v2/images/${id}/members/member-project`)
      .set(personas.owner)
      .set('Content-Type', 'application/octet-stream');
    expect(del.status).toBe(204);
  });

  it('when openstacksdk sends ?image_id= on a member GET and a member key in the PUT body, then both are ignored as Glance does', async () => {
    const id = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(id, 'member-project');
    const shown = await request(glance.app).get(`/image/v2/images/${id}/members/member-project?image_id=${id}`).set(personas.member);
    expect(shown.status).toBe(200);
    const put = await request(glance.app)
      .put(`/image/v2/images/${id}/members/member-project`)
      .set(personas.member)
      .set('Content-Type', 'application/json')
      .send('{"status": "accepted", "member": "member-project"}');
    expect(put.status).toBe(200);
    expect(put.body.status).toBe('accepted');
  });
});

describe('the metadefs and task schemas', () => {
  const NAMES = [
    'metadefs/namespace',
    'metadefs/namespaces',
    'metadefs/resource_type',
    'metadefs/resource_types',
    'metadefs/property',
    'metadefs/properties',
    'metadefs/object',
    'metadefs/objects',
    'metadefs/tag',
    'metadefs/tags',
    'task',
    'tasks',
  ];

  it.each(NAMES)('when /image/v2/schemas/%s is requested, then 200 with the bytes the real Glance Zed sent', async (name) => {
    const res = await new GlanceClient().get(`/image/v2/schemas/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(readFileSync(join(SCHEMA_DIR, `${name.replace('/', '-')}.json`), 'utf8'));
  });

  it('the captured schemas have the sizes the real Glance sends', async () => {
    const sizes = { 'metadefs/namespace': 3100, 'metadefs/resource_type': 1260, 'metadefs/tag': 388, task: 1539 };
    for (const [name, size] of Object.entries(sizes)) {
      expect((await new GlanceClient().get(`/v2/schemas/${name}`)).headers['content-length']).toBe(String(size));
    }
  });

  it('when an unknown metadefs schema is requested, then 404 as on the real Glance', async () => {
    expectGlanceError(await new GlanceClient().get('/v2/schemas/metadefs/nosuch'), 404, WEBOB.resourceNotFound);
  });
});
