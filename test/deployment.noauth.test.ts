/**
 * Glance deployed without Keystone (Debian's [pipeline:glance-api], paste filter
 * `unauthenticated-context`): every caller, with any token, trusted headers or none, is an
 * admin without a project. Answers as the real Glance Zed gave them
 * (scripts/real-glance/start.sh --flavor noauth).
 */
import request from 'supertest';
import { createApp } from '../src';
import { GENERATED_REQUEST_ID } from './helpers/webob';

const JSON_TYPE = 'application/json';
const CALLERS: Array<[string, Record<string, string>]> = [
  ['no headers', {}],
  ['an unknown token', { 'X-Auth-Token': 'notused' }],
  ['trusted headers of an admin', { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1', 'X-User-Id': 'u1', 'X-Roles': 'admin' }],
];

describe('Glance without Keystone (auth noauth)', () => {
  const app = createApp({ auth: 'noauth' });
  const create = (body: unknown, headers: Record<string, string> = {}) =>
    request(app).post('/v2/images').set(headers).set('Content-Type', JSON_TYPE).set('Accept', JSON_TYPE).send(JSON.stringify(body));

  it.each(CALLERS)('when a caller with %s creates an image, then 201 and the image has no owner', async (_who, headers) => {
    const res = await create({ name: 'anonymous' }, headers);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'anonymous', owner: null, visibility: 'shared' });
  });

  it.each(CALLERS)(
    'when a caller with %s creates a public image, then 403: publicize_image needs the admin role',
    async (_who, headers) => {
      const res = await create({ name: 'p', visibility: 'public' }, headers);
      expect(res.status).toBe(403);
      expect(res.text).toBe(
        '{"message": "You are not authorized to complete publicize_image action.<br /><br />\\n\\n\\n", "code": "403 Forbidden", "title": "Forbidden"}',
      );
    },
  );

  it('when a caller creates an image for another owner, then 201 with that owner (it is an admin)', async () => {
    const res = await create({ name: 'theirs', owner: 'someone' });
    expect(res.status).toBe(201);
    expect(res.body.owner).toBe('someone');
  });

  it('when anyone adds, lists, accepts and removes members of an owner-less shared image, then Glance allows each', async () => {
    const id = (await create({ name: 'shared' })).body.id as string;
    const added = await request(app).post(`/v2/images/${id}/members`).send('{"member": "proj-a"}');
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ member_id: 'proj-a', image_id: id, status: 'pending' });
    const accepted = await request(app).put(`/v2/images/${id}/members/proj-a`).set('X-Auth-Token', 'x').send('{"status": "accepted"}');
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const listed = await request(app).get(`/v2/images/${id}/members`);
    expect(listed.body.members.map((m: { member_id: string; status: string }) => [m.member_id, m.status])).toEqual([
      ['proj-a', 'accepted'],
    ]);
    expect((await request(app).delete(`/v2/images/${id}/members/proj-a`)).status).toBe(204);
  });

  it('when an image list is asked for with no headers, then 200 with every image (never a 401)', async () => {
    const own = createApp({
      auth: 'noauth',
      seed: { images: [{ id: '11111111-2222-4333-8444-555555555555', name: 'private-of-p1', owner: 'p1', visibility: 'private' }] },
    });
    const res = await request(own).get('/v2/images');
    expect(res.status).toBe(200);
    expect(res.body.images.map((i: { name: string }) => i.name)).toEqual(['private-of-p1']);
  });

  it('when the caller sends its own X-Openstack-Request-Id, then Glance answers with a fresh one: unauthenticated-context does not read it', async () => {
    const res = await request(app).get('/v2/images').set('X-Openstack-Request-Id', 'req-mine');
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it('when X-Service-Catalog is not JSON, then it is ignored (only ContextMiddleware parses it)', async () => {
    const res = await create({ name: 'c' }, { 'X-Identity-Status': 'Confirmed', 'X-Service-Catalog': '{bad' });
    expect(res.status).toBe(201);
  });

  it('when /identity/v3 is requested, then Glance answers with its version list: there is no Keystone', async () => {
    const res = await request(app).get('/identity/v3').set('Host', '127.0.0.1:9800');
    expect(res.status).toBe(300);
    expect(res.text).toMatch(
      /^\{"versions": \[\{"id": "v2\.16", "status": "CURRENT", "links": \[\{"rel": "self", "href": "http:\/\/127\.0\.0\.1:9800\/v2\/"\}\]\}/,
    );
  });

  it('when noauth is asked for with the secure-rbac policy, then createApp refuses the combination it does not model', () => {
    expect(() => createApp({ auth: 'noauth', policy: 'secure-rbac' })).toThrow(
      'auth noauth is served with the legacy policy only (got policy secure-rbac)',
    );
  });

  it('when the option names an unknown mode, then createApp refuses it naming the option', () => {
    expect(() => createApp({ auth: 'none' as never })).toThrow('auth must be one of keystone, noauth (got none)');
  });
});

describe('Glance behind Keystone (the default)', () => {
  const app = createApp({ seed: { tokens: [{ token: 'admin-token', project: 'p1', roles: ['admin'] }] } });

  it.each(['notused', 'bogus'])(
    "when the token is %s (no seed names it), then 401 as keystonemiddleware's Glance answers",
    async (token) => {
      const res = await request(app).get('/v2/images').set('X-Auth-Token', token);
      expect(res.status).toBe(401);
      expect(res.text).toBe(
        '401 Unauthorized\n\nThis server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.\n\n   ',
      );
    },
  );

  it('when an admin creates an image, then its project owns it', async () => {
    const res = await request(app).post('/v2/images').set('X-Auth-Token', 'admin-token').send('{"name": "x"}');
    expect(res.status).toBe(201);
    expect(res.body.owner).toBe('p1');
  });
});
