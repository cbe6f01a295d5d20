/**
 * An X-Openstack-Request-Id over 64 characters: Glance's ContextMiddleware
 * returns (does not raise) its 431 and stores it as the request context, so
 * only the code that reads the context fails (500, no request id); routing,
 * body checks and schema answers are as without the id. Statuses from a real
 * Glance Zed (SQLite and MariaDB alike).
 */
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { PATCH_V21 } from './helpers/images';
import { MEMBER, personas } from './helpers/personas';
import { expectGlanceError, WEBOB } from './helpers/webob';

const LONG_ID = 'r'.repeat(65);

type BodyName = 'none' | 'empty-object' | 'malformed' | 'valid';

/** [method, route, body, status] as the real Glance answers with the long id. */
const TABLE: Array<[string, string, BodyName, number]> = [
  ['GET', '/v2/images', 'none', 500],
  ['GET', '/v2/images', 'malformed', 500],
  ['POST', '/v2/images', 'none', 400],
  ['POST', '/v2/images', 'malformed', 400],
  ['POST', '/v2/images', 'valid', 500],
  ['PUT', '/v2/images', 'none', 405],
  ['PUT', '/v2/images', 'malformed', 400],
  ['HEAD', '/v2/images', 'none', 405],
  ['DELETE', '/v2/images', 'empty-object', 405],
  ['GET', '/v2/images/{image}', 'none', 500],
  ['GET', '/v2/images/{image}', 'empty-object', 400],
  ['PATCH', '/v2/images/{image}', 'empty-object', 415],
  ['PATCH', '/v2/images/{image}', 'valid', 500],
  ['DELETE', '/v2/images/{image}', 'none', 500],
  ['DELETE', '/v2/images/{image}', 'malformed', 400],
  ['POST', '/v2/images/{image}', 'none', 405],
  ['GET', '/v2/images/{image}/members', 'none', 500],
  ['POST', '/v2/images/{image}/members', 'empty-object', 400],
  ['POST', '/v2/images/{image}/members', 'valid', 500],
  ['PUT', '/v2/images/{image}/members', 'none', 405],
  ['GET', '/v2/images/{image}/members/{member}', 'none', 500],
  ['GET', '/v2/images/{image}/members/{member}', 'empty-object', 400],
  ['PUT', '/v2/images/{image}/members/{member}', 'empty-object', 400],
  ['PUT', '/v2/images/{image}/members/{member}', 'valid', 500],
  ['DELETE', '/v2/images/{image}/members/{member}', 'none', 500],
  ['PATCH', '/v2/images/{image}/members/{member}', 'malformed', 400],
  ['GET', '/v2/images/00000000-0000-4000-8000-000000000000/members', 'none', 500],
  ['DELETE', '/v2/images/00000000-0000-4000-8000-000000000000', 'none', 500],
  ['GET', '/v2/schemas/image', 'none', 200],
  ['GET', '/v2/schemas/image', 'empty-object', 400],
  ['POST', '/v2/schemas/image', 'none', 405],
  ['GET', '/v2', 'none', 302],
  ['GET', '/v2/nosuch', 'none', 404],
];

const VALID: Record<string, string> = {
  '/v2/images': '{"name": "x"}',
  '/v2/images/{image}': '[]',
  '/v2/images/{image}/members': `{"member": "another-project"}`,
  '/v2/images/{image}/members/{member}': '{"status": "accepted"}',
};

function bodyFor(name: BodyName, route: string): string | undefined {
  return { none: undefined, 'empty-object': '{}', malformed: '{', valid: VALID[route] }[name];
}

describe('an X-Openstack-Request-Id over 64 characters', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.sharedImageWithMembers();
  });

  const send = (method: string, route: string, bodyName: BodyName) => {
    const path = route.replace('{image}', imageId).replace('{member}', MEMBER);
    const body = bodyFor(bodyName, route);
    const headers = { ...personas.owner, 'X-Openstack-Request-Id': LONG_ID };
    const contentType = method === 'PATCH' && bodyName === 'valid' ? { 'Content-Type': PATCH_V21 } : {};
    const agent = request(glance.app);
    const req = agent[method.toLowerCase() as 'get'](path).set({ ...headers, ...contentType });
    return body === undefined ? req : req.send(body);
  };

  it.each(TABLE)('when %s %s comes with the %s body, then %i', async (method, route, bodyName, status) => {
    const res = await send(method, route, bodyName);
    expect(res.status).toBe(status);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when a call reaches the image controller, then the 500 is the generic one', async () => {
    expectGlanceError(await send('GET', '/v2/images/{image}', 'none'), 500, WEBOB.serverError);
  });

  it('when PUT /v2/images comes with it, then the 405 still lists the allowed methods', async () => {
    const res = await send('PUT', '/v2/images', 'none');
    expect(res.headers.allow).toBe('GET, POST');
  });

  it('when a schema is asked for, then it is served', async () => {
    const res = await send('GET', '/v2/schemas/image', 'none');
    expect(res.body.name).toBe('image');
  });

  it('when a member is added with it, then nothing is added', async () => {
    await send('POST', '/v2/images/{image}/members', 'valid');
    const res = await glance.get(`/v2/images/${imageId}/members`);
    expect(res.body.members.map((m: { member_id: string }) => m.member_id)).not.toContain('another-project');
  });
});
