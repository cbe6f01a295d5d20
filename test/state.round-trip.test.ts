import request from 'supertest';
import { createGlanceMock, FixedClock, seededIds, type GlanceMock, type SeedData } from '../src';
import { identity } from './helpers/personas';

const START = '2026-03-01T10:00:00Z';
const PROJECTS = ['p-one', 'p-two', 'p-three'];
const KEYSTONE: SeedData = {
  projects: [{ id: 'p-one', name: 'one' }],
  users: [{ id: 'u-alice', name: 'alice', password: 'pw' }],
  role_assignments: [{ user: 'alice', project: 'one', roles: ['member', 'reader'] }],
  tokens: [{ token: 'seed-token', project: 'p-two', roles: ['member', 'reader'] }],
};

const newMock = (clock: FixedClock) => createGlanceMock({ clock, ids: seededIds('round-trip'), seed: KEYSTONE });

/** A small deterministic generator (mulberry32), so a failing run repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function randomOperations(mock: GlanceMock, clock: FixedClock, steps: number, seed: number): Promise<string[]> {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const images: string[] = [];
  const owners = new Map<string, string>();
  const as = (project: string) => identity(project);
  for (let step = 0; step < steps; step++) {
    clock.advance(Math.floor(next() * 3000));
    const image = images.length > 0 ? pick(images) : undefined;
    const owner = image && next() < 0.9 ? (owners.get(image) as string) : pick(PROJECTS);
    const member = pick(PROJECTS);
    const roll = next();
    if (!image || roll < 0.2) {
      const res = await request(mock.app)
        .post('/v2/images')
        .set(as(owner))
        .send({ name: `image-${step}`, visibility: pick(['shared', 'private', 'community']), colour: pick(['red', 'blue']) });
      if (res.status === 201) {
        images.push(res.body.id as string);
        owners.set(res.body.id as string, owner);
      }
    } else if (roll < 0.45) {
      await request(mock.app).post(`/v2/images/${image}/members`).set(as(owner)).send({ member });
    } else if (roll < 0.6) {
      await request(mock.app)
        .put(`/v2/images/${image}/members/${member}`)
        .set(as(member))
        .send({ status: pick(['accepted', 'rejected', 'pending']) });
    } else if (roll < 0.7) {
      await request(mock.app).delete(`/v2/images/${image}/members/${member}`).set(as(owner));
    } else if (roll < 0.76) {
      await request(mock.app).delete(`/v2/images/${image}`).set(as(owner));
    } else if (roll < 0.82) {
      await request(mock.app)
        .patch(`/v2/images/${image}`)
        .set({ ...as(owner), 'Content-Type': 'application/openstack-images-v2.1-json-patch' })
        .send(
          JSON.stringify(
            pick([
              [{ op: 'remove', path: '/colour' }],
              [{ op: 'add', path: '/flavour', value: 'x' }],
              [{ op: 'replace', path: '/disk_format', value: 'raw' }],
            ]),
          ),
        );
    } else if (roll < 0.88) {
      await request(mock.app)
        .put(`/v2/images/${image}/tags/tag-${step % 3}`)
        .set(as(owner));
    } else if (roll < 0.94) {
      await request(mock.app)
        .patch(`/v2/images/${image}`)
        .set({ ...as(owner), 'Content-Type': 'application/openstack-images-v2.1-json-patch' })
        .send(
          JSON.stringify([
            { op: 'replace', path: '/container_format', value: 'bare' },
            { op: 'replace', path: '/disk_format', value: 'raw' },
          ]),
        );
      await request(mock.app)
        .put(`/v2/images/${image}/file`)
        .set({ ...as(owner), 'Content-Type': 'application/octet-stream' })
        .send(Buffer.from(`data of ${step}`));
    } else {
      await request(mock.app)
        .post('/identity/v3/auth/tokens')
        .send({
          auth: {
            identity: { methods: ['password'], password: { user: { name: 'alice', domain: { id: 'default' }, password: 'pw' } } },
            scope: { project: { id: 'p-one' } },
          },
        });
    }
  }
  // Some of what only a whole state carries, for sure: data, a kept deleted member row, a deleted id.
  for (const name of ['with-data', 'to-delete']) {
    const res = await request(mock.app).post('/v2/images').set(as('p-one')).send({ name, disk_format: 'raw', container_format: 'bare' });
    images.push(res.body.id as string);
    owners.set(res.body.id as string, 'p-one');
  }
  const [withData, toDelete] = images.slice(-2);
  await request(mock.app)
    .put(`/v2/images/${withData}/file`)
    .set({ ...as('p-one'), 'Content-Type': 'application/octet-stream' })
    .send(Buffer.from('bytes'));
  for (const member of ['p-two', 'p-three'])
    await request(mock.app).post(`/v2/images/${toDelete}/members`).set(as('p-one')).send({ member });
  await request(mock.app).delete(`/v2/images/${toDelete}/members/p-two`).set(as('p-one'));
  for (const member of ['p-two', 'p-three'])
    await request(mock.app).post(`/v2/images/${withData}/members`).set(as('p-one')).send({ member });
  await request(mock.app).delete(`/v2/images/${withData}/members/p-two`).set(as('p-one'));
  await request(mock.app).delete(`/v2/images/${toDelete}`).set(as('p-one'));
  return images;
}

/** Every read a caller can make of the images seen, as each project and an admin, and what comes next. */
async function answers(mock: GlanceMock, images: string[], token: string | undefined): Promise<string[]> {
  const seen: string[] = [];
  const record = (res: request.Response) =>
    seen.push(`${res.status} ${res.headers['x-openstack-request-id']} ${String(res.headers['content-type'])}\n${res.text}`);
  const callers = [...PROJECTS.map((p) => identity(p)), identity('admin-project', 'admin,member,reader')];
  for (const caller of callers) {
    for (const query of ['?member_status=all&visibility=all', '?visibility=shared&member_status=pending&sort=name:asc']) {
      record(await request(mock.app).get(`/v2/images${query}`).set(caller));
    }
    for (const image of images) {
      record(await request(mock.app).get(`/v2/images/${image}`).set(caller));
      record(await request(mock.app).get(`/v2/images/${image}/members`).set(caller));
      record(await request(mock.app).get(`/v2/images/${image}/file`).set(caller));
    }
  }
  // What the state holds beyond reads: the next id, a re-added member's place, a deleted id refused.
  record(await request(mock.app).post('/v2/images').set(identity('p-one')).send({ name: 'after' }));
  for (const image of images) {
    for (const member of PROJECTS)
      record(await request(mock.app).post(`/v2/images/${image}/members`).set(identity('p-one')).send({ member }));
    record(await request(mock.app).get(`/v2/images/${image}/members`).set(identity('p-one')));
    record(await request(mock.app).post('/v2/images').set(identity('p-one')).send({ id: image }));
  }
  record(await request(mock.app).get('/v2/images').set('X-Auth-Token', 'seed-token'));
  if (token) {
    record(
      await request(mock.app).get('/identity/v3/auth/tokens').set({ 'X-Auth-Token': token, 'X-Subject-Token': token, Host: 'glance.test' }),
    );
  }
  return seen;
}

describe('state export and replace', () => {
  it.each([1, 2])(
    'when a state is read from one mock after random operations (run %i) and put into a fresh one, then both answer alike',
    async (seed) => {
      const clockA = new FixedClock(START);
      const a = newMock(clockA);
      const images = await randomOperations(a, clockA, 60, seed);
      const issued = await request(a.app)
        .post('/identity/v3/auth/tokens')
        .send({
          auth: {
            identity: { methods: ['password'], password: { user: { id: 'u-alice', password: 'pw' } } },
            scope: { project: { id: 'p-one' } },
          },
        });
      const token = issued.headers['x-subject-token'] as string | undefined;
      const state = a.exportState();
      // The run reached what only a whole state carries.
      expect(state.deleted_image_ids?.length).toBeGreaterThan(0);
      expect(state.images?.some((image) => image.data_base64 !== undefined)).toBe(true);
      expect(state.images?.some((image) => image.members?.some((member) => member.deleted))).toBe(true);

      const clockB = new FixedClock(clockA.now());
      const b = createGlanceMock({ clock: clockB, ids: seededIds('round-trip') });
      b.replaceState(JSON.parse(JSON.stringify(state)));

      expect(JSON.stringify(b.exportState())).toBe(JSON.stringify(state));
      expect(await answers(b, images, token)).toEqual(await answers(a, images, token));
    },
    // A bounded few hundred requests, slow only on a loaded machine.
    120_000,
  );
});
