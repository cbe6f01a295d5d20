/** The Keystone part of seed files: domains, projects, users, roles and role assignments. */
import { join } from 'node:path';
import request from 'supertest';
import { createGlanceMock, loadSeedFile, validateSeed, SeedError } from '../src';
import { DEFAULT, passwordAuth, postTokens } from './helpers/keystone';

const DEMO_IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';
const DEMO_PROJECT = 'cdb477d9329c450e996cae2d02a2c44f';

describe('Keystone resources in seeds', () => {
  it('when the demo seed is loaded, then admin/secret gets a token for project admin that lists the pending demo member', async () => {
    const mock = createGlanceMock({ seed: loadSeedFile(join(__dirname, '..', 'scenarios', 'demo-seed.yaml')) });
    const login = await postTokens(
      mock,
      passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', { project: { name: 'admin', domain: DEFAULT } }),
    );
    expect(login.status).toBe(201);
    const res = await request(mock.app).get(`/image/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', login.headers['x-subject-token']);
    expect(res.status).toBe(200);
    expect(res.body.members).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'pending' })]);
  });

  it('when the demo seed is loaded, then demo/secret is scoped to project demo and the old demo tokens still work', async () => {
    const mock = createGlanceMock({ seed: loadSeedFile(join(__dirname, '..', 'scenarios', 'demo-seed.yaml')) });
    const login = await postTokens(
      mock,
      passwordAuth({ name: 'demo', domain: DEFAULT }, 'secret', { project: { name: 'demo', domain: DEFAULT } }),
    );
    expect(login.body.token.project.id).toBe(DEMO_PROJECT);
    for (const token of ['admin-token', 'demo-token']) {
      expect((await request(mock.app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', token)).status).toBe(200);
    }
  });

  it('when a seed token names its user by name, then Keystone shows that user on validation', async () => {
    const mock = createGlanceMock({
      seed: {
        projects: [{ id: 'p1', name: 'one' }],
        users: [{ id: 'u1', name: 'alice', password: 'pw' }],
        role_assignments: [{ user: 'alice', project: 'one', roles: ['member'] }],
        tokens: [{ token: 't1', project: 'one', user: 'alice', roles: ['admin'] }],
      },
    });
    const res = await request(mock.app).get('/identity/v3/auth/tokens').set({ 'X-Auth-Token': 't1', 'X-Subject-Token': 't1' });
    expect(res.status).toBe(200);
    expect(res.body.token.user).toEqual({ domain: { id: 'default', name: 'Default' }, id: 'u1', name: 'alice', password_expires_at: null });
    expect(res.body.token.project.name).toBe('one');
  });

  it.each<[string, unknown, RegExp]>([
    [
      'an assignment names an unknown user',
      { role_assignments: [{ user: 'x', project: 'p', roles: ['member'] }], projects: [{ id: 'p' }] },
      /role_assignments\[0\]\.user: "x" is not a seeded user/,
    ],
    [
      'an assignment names an unknown project',
      { users: [{ name: 'u', password: 'p' }], role_assignments: [{ user: 'u', project: 'nope', roles: ['member'] }] },
      /role_assignments\[0\]\.project: "nope" is not a seeded project/,
    ],
    [
      'a project names an unknown domain',
      { projects: [{ id: 'p', domain_id: 'nope' }] },
      /projects\[0\]\.domain_id: "nope" is not a seeded domain/,
    ],
    [
      'a user names an unknown default project',
      { users: [{ name: 'u', password: 'p', default_project: 'nope' }] },
      /users\[0\]\.default_project: "nope" is not a seeded project/,
    ],
  ])('when %s, then the seed is refused naming the field and nothing is stored', async (_label, seed, pattern) => {
    const mock = createGlanceMock();
    const withImage = { ...(seed as object), images: [{ id: '11111111-2222-4333-8444-555555555555', owner: 'p' }] };
    expect(() => mock.seed(withImage)).toThrow(pattern);
    const res = await request(mock.app)
      .get('/v2/images/11111111-2222-4333-8444-555555555555')
      .set({ 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p' });
    expect(res.status).toBe(404);
  });

  it.each<[string, unknown, RegExp]>([
    ['a user without password', { users: [{ name: 'u' }] }, /users\[0\]\.password: is required/],
    [
      'an assignment without roles',
      { role_assignments: [{ user: 'u', project: 'p', roles: [] }] },
      /role_assignments\[0\]\.roles: must NOT have fewer than 1 items/,
    ],
    ['a domain without name', { domains: [{ id: 'd' }] }, /domains\[0\]\.name: is required/],
  ])('when the seed has %s, then the schema refuses it', (_label, seed, pattern) => {
    expect(() => validateSeed(seed)).toThrow(SeedError);
    expect(() => validateSeed(seed)).toThrow(pattern);
  });
});
