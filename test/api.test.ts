import request from 'supertest';
import { createApp, createGlanceMock, FixedClock, seededIds, startGlanceMock } from '../src';
import { identity, MEMBER, OWNER, personas } from './helpers/personas';

const DEMO_IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';

describe('startGlanceMock', () => {
  it('when started on port 0, then it listens on 127.0.0.1 on an ephemeral port and closes', async () => {
    const mock = await startGlanceMock({ port: 0 });
    expect(mock.host).toBe('127.0.0.1');
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const res = await fetch(`${mock.url}/versions`);
    expect(res.status).toBe(200);
    await mock.close();
    await expect(fetch(`${mock.url}/versions`)).rejects.toThrow();
  });

  it('when the port is taken, then start rejects with EADDRINUSE', async () => {
    const first = await startGlanceMock({ port: 0 });
    await expect(startGlanceMock({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });

  it('when seeded, reset and seeded again, then state follows and reset restores the start-up seed', async () => {
    const mock = await startGlanceMock({
      port: 0,
      seed: { images: [{ id: DEMO_IMAGE, owner: OWNER, members: [{ member: MEMBER, status: 'accepted' }] }] },
    });
    const members = async (id: string) => (await fetch(`${mock.url}/v2/images/${id}/members`, { headers: identity(OWNER) })).status;
    const extra = '11111111-2222-4333-8444-555555555555';
    mock.seed({ images: [{ id: extra, owner: OWNER }] });
    expect(await members(extra)).toBe(200);
    mock.reset();
    expect(await members(extra)).toBe(404);
    expect(await members(DEMO_IMAGE)).toBe(200);
    await mock.close();
  });

  it('when two instances run in one process, then they share nothing', async () => {
    const a = await startGlanceMock({ port: 0 });
    const b = await startGlanceMock({ port: 0 });
    const created = await fetch(`${a.url}/v2/images`, { method: 'POST', headers: identity(OWNER), body: '{"name": "only-in-a"}' });
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${a.url}/v2/images/${id}`, { headers: identity(OWNER) })).status).toBe(200);
    expect((await fetch(`${b.url}/v2/images/${id}`, { headers: identity(OWNER) })).status).toBe(404);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('createApp and determinism', () => {
  const createImages = async (app: ReturnType<typeof createApp>) => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(app)
        .post('/v2/images')
        .set(personas.owner)
        .send(JSON.stringify({ name: `n${i}` }));
      ids.push(res.body.id);
    }
    return ids;
  };

  it('when two apps share an id seed, then they create the same image ids; another seed differs', async () => {
    const first = await createImages(createApp({ ids: 'seed-1' }));
    const again = await createImages(createApp({ ids: 'seed-1' }));
    const other = await createImages(createApp({ ids: 'seed-2' }));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('when request counts differ, then seeded image ids stay the same', async () => {
    const app = createApp({ ids: 'seed-1' });
    for (let i = 0; i < 5; i++) await request(app).get('/v2/images').set(personas.owner);
    expect(await createImages(app)).toEqual(await createImages(createApp({ ids: 'seed-1' })));
  });

  it('when seeded ids are used, then request ids are deterministic too', async () => {
    const id = async () =>
      (
        await request(createApp({ ids: 7 }))
          .get('/v2/images')
          .set(personas.owner)
      ).headers['x-openstack-request-id'];
    expect(await id()).toBe(await id());
    expect(seededIds(7).requestId()).toBe(await id());
  });

  it('when the clock is frozen, then timestamps are the frozen time in whole seconds', async () => {
    const clock = new FixedClock('2030-05-06T07:08:09.999Z');
    const app = createApp({ clock });
    const res = await request(app).post('/v2/images').set(personas.owner).send('{}');
    expect(res.body.created_at).toBe('2030-05-06T07:08:09Z');
    clock.advance(1000);
    const member = await request(app).post(`/v2/images/${res.body.id}/members`).set(personas.owner).send(`{"member": "${MEMBER}"}`);
    expect(member.body.created_at).toBe('2030-05-06T07:08:10Z');
  });

  it('when options are invalid, then creating the mock throws naming the option', () => {
    expect(() => createGlanceMock({ dbProfile: 'postgres' as never })).toThrow(/dbProfile/);
    expect(() => createGlanceMock({ policy: 'strict' as never })).toThrow(/policy/);
    expect(() => createGlanceMock({ memberQuota: 1.5 })).toThrow(/memberQuota/);
  });
});

describe('tokens from the seed', () => {
  const seed = {
    projects: [{ id: 'p-demo', name: 'demo' }],
    tokens: [
      { token: 'demo-token', project: 'demo', user: 'demo', roles: ['member', 'reader'] },
      { token: 'old-token', project: 'p-demo', expires_at: '2000-01-01T00:00:00Z' },
    ],
    images: [{ id: DEMO_IMAGE, owner: 'p-demo' }],
  };

  it('when a known X-Auth-Token is sent, then it acts as its project (named or by id)', async () => {
    const app = createApp({ seed });
    const res = await request(app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', 'demo-token');
    expect(res.status).toBe(200);
  });

  it('when the token is unknown or expired, then 401 as without identity', async () => {
    const app = createApp({ seed });
    for (const token of ['nope', 'old-token']) {
      const res = await request(app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', token);
      expect(res.status).toBe(401);
      expect(res.headers['x-openstack-request-id']).toBeUndefined();
    }
  });

  it('when trusted headers and a token are both sent, then the trusted headers win', async () => {
    const app = createApp({ seed });
    const res = await request(app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', 'demo-token').set(identity('someone-else'));
    expect(res.status).toBe(404);
  });
});
