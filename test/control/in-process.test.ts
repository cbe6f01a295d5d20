import { ControlProblem, createGlanceMock, startGlanceMock, type RunningGlanceMock } from '../../src';
import request from 'supertest';

const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1' };

describe('mock.control in process', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock({ seed: { tokens: [{ token: 'expiring', project: 'p1', expires_at: '2030-06-01T00:00:00Z' }] } });
  });
  afterEach(() => glance.control.reset());
  afterAll(() => glance.close());

  test('seed, requests, verify and reset, typed', async () => {
    const created = glance.control.seed({
      images: [{ name: 'in-process', owner: 'p1', visibility: 'shared', members: [{ member: 'p2' }] }],
    });
    const id = created.images[0].id;
    await fetch(`${glance.url}/v2/images/${id}/members`, { headers: OWNER });
    expect(glance.control.requests({ path: '/v2/images/{image_id}/members' }).map((e) => [e.status, e.project])).toEqual([[200, 'p1']]);
    expect(glance.control.verify({ method: 'GET', path: '/v2/images/{image_id}/members', count: 1 })).toEqual({ ok: true, count: 1 });
    expect(() => glance.control.assert({ method: 'DELETE', path: '/v2/images/{image_id}/members' })).toThrow(
      'expected at least 1 request(s) matching DELETE /v2/images/{image_id}/members, saw 0',
    );
    glance.control.reset();
    expect(glance.control.requests()).toEqual([]);
    expect((await fetch(`${glance.url}/v2/images/${id}`, { headers: OWNER })).status).toBe(404);
  });

  test('faults.add makes Glance fail, reset forgets the rule', async () => {
    glance.control.faults.add({ method: 'GET', path: '/v2/images', response: { status: 503 }, times: 1 });
    expect((await fetch(`${glance.url}/v2/images`, { headers: OWNER })).status).toBe(503);
    expect((await fetch(`${glance.url}/v2/images`, { headers: OWNER })).status).toBe(200);
    expect(() => glance.control.faults.add({ method: 'GET', path: '/v2/images', response: { status: 1 } })).toThrow(ControlProblem);
  });

  test('the clock moves token expiry: a seeded token expires once the clock passes its expires_at', async () => {
    glance.control.clock.freeze('2030-05-31T23:59:59Z');
    expect((await fetch(`${glance.url}/v2/images`, { headers: { 'X-Auth-Token': 'expiring' } })).status).toBe(200);
    glance.control.clock.advance(1000);
    expect((await fetch(`${glance.url}/v2/images`, { headers: { 'X-Auth-Token': 'expiring' } })).status).toBe(401);
  });

  test('config changes the member quota until reset', async () => {
    expect(glance.control.config({ memberQuota: 0 }).memberQuota).toBe(0);
    const { images } = glance.control.seed({ images: [{ owner: 'p1', visibility: 'shared' }] });
    const add = () =>
      fetch(`${glance.url}/v2/images/${images[0].id}/members`, { method: 'POST', headers: OWNER, body: '{"member": "p2"}' });
    expect((await add()).status).toBe(413);
    glance.control.reset();
    expect(glance.control.config().memberQuota).toBe(128);
  });

  test('createGlanceMock has the same control, over supertest', async () => {
    const mock = createGlanceMock();
    mock.control.clock.freeze('2040-01-01T00:00:00Z');
    const res = await request(mock.app).post('/v2/images').set(OWNER).send('{}');
    expect(res.body.created_at).toBe('2040-01-01T00:00:00Z');
    const health = await request(mock.app).get('/_mock/requests');
    expect(health.body.requests[0]).toMatchObject({ method: 'POST', path: '/v2/images', status: 201 });
  });
});
