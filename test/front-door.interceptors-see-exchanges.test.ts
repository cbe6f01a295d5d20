/**
 * An interceptor added to the mock's front door sees every request and its
 * answer as values: Glance's and Keystone's, successes, 404s and errors, each
 * with what the service knew of it (service, route template, caller, request id).
 */
import { createGlanceMock } from '../src';
import type { WireRequest, WireResponse } from '../src/wire/types';
import { IDS, KEYSTONE_SEED } from './helpers/keystone';
import { serveHandle } from './helpers/serve-handle';

const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1', 'X-Roles': 'member,reader' };

describe('an interceptor on the front door', () => {
  let served: Awaited<ReturnType<typeof serveHandle>>;
  let url: string;
  const seen: Array<{ request: WireRequest; response: WireResponse }> = [];

  beforeAll(async () => {
    const mock = createGlanceMock({ seed: KEYSTONE_SEED, ids: 'exchanges' });
    mock.frontDoor.use(async (request, next) => {
      const response = await next();
      seen.push({ request, response });
      return response;
    });
    served = await serveHandle(mock);
    url = served.url;
  });
  afterAll(() => served.close());
  beforeEach(() => {
    seen.length = 0;
  });

  it('when an image is created, then it sees the request body and the 201 with Glance, the route and the caller', async () => {
    const res = await fetch(`${url}/v2/images`, { method: 'POST', headers: OWNER, body: '{"name": "x"}' });
    expect(res.status).toBe(201);
    const [{ request, response }] = seen;
    expect(request.method).toBe('POST');
    expect(request.body?.toString()).toBe('{"name": "x"}');
    expect(response.status).toBe(201);
    expect(response.reason).toBe('Created');
    expect(JSON.parse(Buffer.from(response.body as Buffer).toString()).name).toBe('x');
    expect(response.meta).toEqual({
      service: 'glance',
      route: '/v2/images',
      project: 'p1',
      roles: ['member', 'reader'],
      requestId: res.headers.get('x-openstack-request-id'),
    });
  });

  it('when a member list is asked under /image, then the route is the template and the base carries the prefix', async () => {
    await fetch(`${url}/image/v2/images/6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10/members`, { headers: OWNER });
    const [{ request, response }] = seen;
    expect(request.base).toBe('/image');
    expect(request.rawPath).toBe('/v2/images/6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10/members');
    expect(response.status).toBe(404);
    expect(response.meta?.route).toBe('/v2/images/{image_id}/members');
  });

  it('when no route matches, then the 404 is seen with the route unmatched', async () => {
    const res = await fetch(`${url}/v2/nothing-here`, { headers: OWNER });
    expect(res.status).toBe(404);
    expect(seen).toHaveLength(1);
    expect(seen[0].response.status).toBe(404);
    expect(seen[0].response.meta).toMatchObject({ service: 'glance', route: 'unmatched' });
  });

  it('when Glance refuses a caller without identity, then the 401 is seen without a project', async () => {
    const res = await fetch(`${url}/v2/images`);
    expect(res.status).toBe(401);
    expect(seen[0].response.status).toBe(401);
    expect(seen[0].response.meta).toMatchObject({ service: 'glance', route: '/v2/images' });
    expect(seen[0].response.meta?.project).toBeUndefined();
  });

  it('when a token is issued and used on Keystone, then both are seen as Keystone exchanges', async () => {
    const login = await fetch(`${url}/identity/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo-pw' } } },
          scope: { project: { id: IDS.demoProject } },
        },
      }),
    });
    expect(login.status).toBe(201);
    const token = login.headers.get('x-subject-token') ?? '';
    const project = await fetch(`${url}/identity/v3/projects/${IDS.demoProject}`, { headers: { 'X-Auth-Token': token } });
    expect(project.status).toBe(200);
    expect(seen.map(({ response }) => [response.status, response.meta?.service, response.meta?.route])).toEqual([
      [201, 'keystone', '/v3/auth/tokens'],
      [200, 'keystone', '/v3/projects/{id}'],
    ]);
    expect(seen[1].request.base).toBe('/identity');
    expect(seen[1].response.meta).toMatchObject({
      project: IDS.demoProject,
      roles: ['member', 'reader'],
      requestId: project.headers.get('x-openstack-request-id'),
    });
  });

  it('when Keystone has no route, then its 404 is seen with the route unmatched', async () => {
    const res = await fetch(`${url}/identity/v3/nothing`);
    expect(res.status).toBe(404);
    expect(seen[0].response.meta).toMatchObject({ service: 'keystone', route: 'unmatched' });
  });
});
