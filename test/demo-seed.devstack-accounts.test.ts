/**
 * The demo seed follows devstack Zed's create_keystone_accounts. Every (user, project)
 * login below was sent to a real Keystone Zed seeded as devstack does
 * (shared/reference/real-cloud plus devstack's alt_demo and reader accounts): the status
 * and the roles of the token (Keystone lists them in no fixed order, so they are sorted).
 */
import { join } from 'node:path';
import request from 'supertest';
import { createGlanceMock, loadSeedFile, type GlanceMock } from '../src';
import { DEFAULT, passwordAuth, postTokens } from './helpers/keystone';

const IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';
const DEMO_PROJECT = 'cdb477d9329c450e996cae2d02a2c44f';

const REAL_KEYSTONE: Array<[string, string | null, number, string[]]> = [
  ['admin', null, 201, []],
  ['admin', 'admin', 201, ['admin', 'member', 'reader']],
  ['admin', 'demo', 201, ['admin', 'member', 'reader']],
  ['admin', 'alt_demo', 401, []],
  ['admin', 'invisible_to_admin', 401, []],
  ['demo', null, 201, []],
  ['demo', 'admin', 401, []],
  ['demo', 'demo', 201, ['anotherrole', 'member', 'reader']],
  ['demo', 'alt_demo', 401, []],
  ['demo', 'invisible_to_admin', 201, ['member', 'reader']],
  ['demo_reader', 'demo', 201, ['reader']],
  ['demo_reader', 'alt_demo', 401, []],
  ['alt_demo', null, 201, []],
  ['alt_demo', 'demo', 401, []],
  ['alt_demo', 'alt_demo', 201, ['admin', 'anotherrole', 'member', 'reader']],
  ['alt_demo_member', 'alt_demo', 201, ['member', 'reader']],
  ['alt_demo_member', 'demo', 401, []],
  ['alt_demo_reader', 'alt_demo', 201, ['reader']],
];

const demoCloud = () => createGlanceMock({ seed: loadSeedFile(join(__dirname, '..', 'scenarios', 'demo-seed.yaml')) });

async function login(mock: GlanceMock, user: string, project: string | null) {
  const scope = project === null ? undefined : { project: { name: project, domain: DEFAULT } };
  return postTokens(mock, passwordAuth({ name: user, domain: DEFAULT }, 'secret', scope));
}

describe("the demo seed's accounts, as devstack makes them", () => {
  it.each(REAL_KEYSTONE)(
    'when %s logs in to project %s, then %i with the roles Keystone gives: %j',
    async (user, project, status, roles) => {
      const res = await login(demoCloud(), user, project);
      expect(res.status).toBe(status);
      if (status !== 201) return;
      expect(res.body.token.project?.name ?? null).toBe(project);
      expect((res.body.token.roles ?? []).map((r: { name: string }) => r.name).sort()).toEqual(roles);
    },
  );

  it("when admin lists the projects, then devstack's five, as the real Keystone lists them", async () => {
    const mock = demoCloud();
    const token = (await login(mock, 'admin', 'admin')).headers['x-subject-token'];
    const res = await request(mock.app).get('/identity/v3/projects').set('X-Auth-Token', token);
    expect(res.status).toBe(200);
    expect(res.body.projects.map((p: { name: string }) => p.name).sort()).toEqual([
      'admin',
      'alt_demo',
      'demo',
      'invisible_to_admin',
      'service',
    ]);
  });

  it('when admin, scoped to project demo, accepts the pending membership of demo, then Glance records it (devstack gives admin the admin role on demo)', async () => {
    const mock = demoCloud();
    const token = (await login(mock, 'admin', 'demo')).headers['x-subject-token'];
    const res = await request(mock.app)
      .put(`/image/v2/images/${IMAGE}/members/${DEMO_PROJECT}`)
      .set('X-Auth-Token', token)
      .send('{"status": "accepted"}');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ member_id: DEMO_PROJECT, status: 'accepted' });
  });

  it("when keystoneauth's `none` token notused reaches Glance behind Keystone, then 401: no seed maps it", async () => {
    const res = await request(demoCloud().app).get(`/v2/images/${IMAGE}/members`).set('X-Auth-Token', 'notused');
    expect(res.status).toBe(401);
  });
});
