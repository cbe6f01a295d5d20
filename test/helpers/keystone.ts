import request from 'supertest';
import { createGlanceMock, FixedClock, type GlanceMock, type SeedData } from '../../src';

/**
 * A small cloud for the Keystone tests, shaped like the demo seed: `admin`
 * (admin, member, reader on project admin), `demo` (member, reader on project
 * demo), a disabled user and a second domain.
 */
export const IDS = {
  adminProject: '6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70',
  demoProject: 'cdb477d9329c450e996cae2d02a2c44f',
  otherProject: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e',
  adminUser: '5a9a7c2f3e1b4d6c8f0a2b4c6d8e0f12',
  demoUser: '8c0e2a4b6d8f4a1c3e5a7c9e1b3d5f70',
  adminRole: '3f1c5e7a9b2d4f6a8c0e1a3b5d7f9c2e',
};

export const KEYSTONE_SEED: SeedData = {
  domains: [
    { id: 'default', name: 'Default', description: 'The default domain' },
    { id: 'd2', name: 'Second' },
  ],
  projects: [
    { id: IDS.adminProject, name: 'admin', domain_id: 'default', description: 'Bootstrap project for initializing the cloud.' },
    { id: IDS.demoProject, name: 'demo' },
    { id: IDS.otherProject, name: 'demo', domain_id: 'd2' },
  ],
  users: [
    { id: IDS.adminUser, name: 'admin', password: 'secret', default_project: 'admin' },
    { id: IDS.demoUser, name: 'demo', password: 'demo-pw' },
    { name: 'gone', password: 'x', enabled: false },
  ],
  roles: [{ id: IDS.adminRole, name: 'admin' }],
  role_assignments: [
    { user: 'admin', project: 'admin', roles: ['admin', 'member', 'reader'] },
    { user: 'demo', project: IDS.demoProject, roles: ['member', 'reader'] },
    { user: 'gone', project: IDS.demoProject, roles: ['member'] },
  ],
  tokens: [{ token: 'admin-token', project: 'admin', user: 'admin', roles: ['admin', 'member', 'reader'] }],
  images: [
    {
      id: 'a42bfade-78ec-4c95-b7b4-272ba265072c',
      name: 'cirros-0.6.1-x86_64-disk',
      owner: IDS.adminProject,
      members: [{ member: IDS.demoProject }],
    },
  ],
};

export const HOST = 'cloud.example:9292';
export const START = '2026-01-01T00:00:00Z';

export function keystoneCloud(): { mock: GlanceMock; clock: FixedClock } {
  const clock = new FixedClock(START);
  return { mock: createGlanceMock({ seed: KEYSTONE_SEED, clock, ids: 'keystone-tests' }), clock };
}

export const passwordAuth = (user: Record<string, unknown>, password: string, scope?: unknown) => ({
  auth: { identity: { methods: ['password'], password: { user: { ...user, password } } }, ...(scope !== undefined && { scope }) },
});

export const DEFAULT = { name: 'Default' };
export const adminScope = { project: { name: 'admin', domain: DEFAULT } };

/** POST /identity/v3/auth/tokens with a JSON body. */
export function postTokens(mock: GlanceMock, body: unknown, path = '/identity/v3/auth/tokens') {
  return request(mock.app).post(path).set('Host', HOST).set('Content-Type', 'application/json').send(JSON.stringify(body));
}

export async function tokenFor(mock: GlanceMock, user: string, password: string, project: string): Promise<string> {
  const res = await postTokens(
    mock,
    passwordAuth({ name: user, domain: DEFAULT }, password, { project: { name: project, domain: DEFAULT } }),
  );
  if (res.status !== 201) throw new Error(`token for ${user}: ${res.status} ${res.text}`);
  return res.headers['x-subject-token'];
}

/** Keystone's error body, as Flask's jsonify writes it (compact, keys sorted, newline-terminated). */
export const keystoneError = (code: number, title: string, message: string) =>
  `{"error":{"code":${code},"message":${JSON.stringify(message)},"title":"${title}"}}\n`;

export const UNAUTHORIZED = keystoneError(401, 'Unauthorized', 'The request you have made requires authentication.');

export const CLIENT_ERROR =
  'The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.';
