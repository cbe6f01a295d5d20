/**
 * GET and DELETE refuse a body before anything else (glance.common.wsgi's has_body check).
 */
import request from 'supertest';
import { GlanceClient, MEMBER_PATH } from './helpers/glance';
import { personas, type Headers } from './helpers/personas';
import { GENERATED_REQUEST_ID, expectGlanceError } from './helpers/webob';

describe('when a GET or DELETE carries a body, then 400 A body is not expected', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(imageId, 'member-project');
  });

  const BODY_NOT_EXPECTED = 'A body is not expected with this request.';
  const withBody = (method: 'get' | 'delete', path: string, body = '{"a": 1}', headers: Headers = personas.owner) =>
    request(glance.app)[method](path).set(headers).set('Content-Type', 'application/json').send(body);

  it.each<[string, 'get' | 'delete', string]>([
    ['GET an image', 'get', '/v2/images/{id}'],
    ['DELETE an image', 'delete', '/v2/images/{id}'],
    ['GET the members', 'get', '/v2/images/{id}/members'],
    ['GET a member', 'get', '/v2/images/{id}/members/member-project'],
    ['DELETE a member', 'delete', '/v2/images/{id}/members/member-project'],
    ['GET a schema', 'get', '/v2/schemas/image'],
  ])('when the caller sends a body to %s, then 400 A body is not expected', async (_label, method, template) => {
    const res = await withBody(method, template.replace('{id}', imageId));
    expect(res.text).toBe('400 Bad Request\n\nA body is not expected with this request.\n\n   ');
    expectGlanceError(res, 400, BODY_NOT_EXPECTED);
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it('when the body is malformed, then still 400 A body is not expected', async () => {
    expectGlanceError(await withBody('get', `/v2/images/${imageId}`, '{bad'), 400, BODY_NOT_EXPECTED);
  });

  it('when the image does not exist or the caller is a stranger, then the body 400 comes first', async () => {
    expectGlanceError(await withBody('get', '/v2/images/nope'), 400, BODY_NOT_EXPECTED);
    expectGlanceError(await withBody('delete', '/v2/images/nope'), 400, BODY_NOT_EXPECTED);
    expectGlanceError(await withBody('get', `/v2/images/${imageId}`, '{}', personas.stranger), 400, BODY_NOT_EXPECTED);
  });

  it('when the DELETE with a body fails, then nothing was deleted', async () => {
    await withBody('delete', `/v2/images/${imageId}`);
    await withBody('delete', MEMBER_PATH(imageId, 'member-project'));
    expect((await glance.get(MEMBER_PATH(imageId, 'member-project'))).status).toBe(200);
  });

  it('when the image list is requested with a body, then the body is ignored (200)', async () => {
    const res = await withBody('get', '/v2/images?limit=0');
    expect(res.status).toBe(200);
  });
});
