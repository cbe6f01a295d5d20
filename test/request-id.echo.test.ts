/**
 * X-Openstack-Request-Id: echoed, prefixed or generated as Glance's ContextMiddleware does.
 */
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { UNKNOWN_IMAGE } from './helpers/images';
import { personas, type Headers } from './helpers/personas';
import { GENERATED_REQUEST_ID, WEBOB, expectGlanceError } from './helpers/webob';

describe("when a request id is sent or not, then X-Openstack-Request-Id follows Glance's rules", () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage();
  });

  const withId = (value: string, path = `/v2/images/${imageId}`, headers: Headers = personas.owner) =>
    request(glance.app)
      .get(path)
      .set({ ...headers, 'X-Openstack-Request-Id': value });

  it('when the client sends none, then a fresh lowercase req-<uuid4> is generated for each request', async () => {
    const first = await glance.get(`/v2/images/${imageId}`);
    const second = await glance.get(`/v2/images/${imageId}`);
    expect(first.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(second.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(first.headers['x-openstack-request-id']).not.toBe(second.headers['x-openstack-request-id']);
  });

  it.each<[string, string]>([
    ['req-12345678-1234-1234-1234-123456789abc', 'req-12345678-1234-1234-1234-123456789abc'],
    ['req-abc', 'req-abc'],
    ['my-request-id', 'req-my-request-id'],
    ['REQ-abc', 'req-REQ-abc'],
    ['abc', 'req-abc'],
    ['  spaced  ', 'req-spaced'],
    ['a,b', 'req-a,b'],
    ['req-12345678-1234-1234-1234-123456789abc req-2', 'req-12345678-1234-1234-1234-123456789abc req-2'],
    ['r'.repeat(64), `req-${'r'.repeat(64)}`],
    [`req-${'r'.repeat(60)}`, `req-${'r'.repeat(60)}`],
  ])('when the client sends %j, then the answer carries %j', async (sent, echoed) => {
    const res = await withId(sent);
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toBe(echoed);
  });

  it('when the client sends an empty value, then one is generated', async () => {
    const res = await withId('');
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it('when the header name is lowercase, then it is still read', async () => {
    const res = await request(glance.app)
      .get(`/v2/images/${imageId}`)
      .set(personas.owner)
      .set('x-openstack-request-id', 'req-aaaaaaaa-1234-1234-1234-123456789abc');
    expect(res.headers['x-openstack-request-id']).toBe('req-aaaaaaaa-1234-1234-1234-123456789abc');
  });

  it('when only X-Compute-Request-Id is sent, then it is ignored and an id is generated', async () => {
    const res = await glance.get(`/v2/images/${imageId}`, {
      ...personas.owner,
      'X-Compute-Request-Id': 'req-11111111-2222-3333-4444-555555555555',
    });
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(res.headers['x-openstack-request-id']).not.toBe('req-11111111-2222-3333-4444-555555555555');
  });

  it.each<[string, string]>([
    ['an unknown image (404)', `/v2/images/${UNKNOWN_IMAGE}`],
    ['an unknown path (404)', '/v2/nosuch'],
  ])('when the request goes to %s, then the id is echoed on the error', async (_label, path) => {
    const res = await withId('req-11111111-2222-3333-4444-555555555555', path);
    expect(res.status).toBe(404);
    expect(res.headers['x-openstack-request-id']).toBe('req-11111111-2222-3333-4444-555555555555');
  });

  it.each([65, 70])('when the id is %i characters, then 500 with the generic text and no request id', async (length) => {
    const res = await withId('r'.repeat(length));
    expect(res.text).toBe(
      '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ',
    );
    expectGlanceError(res, 500, WEBOB.serverError);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the id is 65 characters including req-, then 500 too (the limit is on what was sent)', async () => {
    const res = await withId(`req-${'r'.repeat(61)}`);
    expectGlanceError(res, 500, WEBOB.serverError);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the too-long id comes with Accept JSON, then the 500 is JSON', async () => {
    const res = await withId('r'.repeat(65), `/v2/images/${imageId}`, { ...personas.owner, Accept: 'application/json' });
    expectGlanceError(res, 500, WEBOB.serverError, 'json');
  });

  it('when the too-long id comes without identity, then 401 (identity is checked first)', async () => {
    const res = await request(glance.app).get('/v2/images').set('X-Openstack-Request-Id', 'r'.repeat(65));
    expectGlanceError(res, 401, WEBOB.unauthorized);
  });

  it('when the too-long id goes to an unknown path, then 404 without a request id', async () => {
    const res = await withId('r'.repeat(65), '/v2/nosuch');
    expectGlanceError(res, 404, WEBOB.resourceNotFound);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the too-long id goes to /versions, then it is ignored (200)', async () => {
    const res = await request(glance.app).get('/versions').set('X-Openstack-Request-Id', 'r'.repeat(65));
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when an image is created, then the 201 carries the request id too', async () => {
    const res = await request(glance.app)
      .post('/v2/images')
      .set({ ...personas.owner, 'X-Openstack-Request-Id': 'abc' })
      .send('{}');
    expect(res.status).toBe(201);
    expect(res.headers['x-openstack-request-id']).toBe('req-abc');
  });
});
