import { join } from 'node:path';
import { loadSeedFile, startGlanceMock, type GlanceMockOptions, type RunningGlanceMock, type SeedData } from '../../../src';
import { GLANCE, OPENSTACK, PYTHON, assertClientsInstalled, runClient, type ClientRun } from './clients';

/** The demo seed's ids (devstack's accounts), and what the interop cloud adds to it. */
export const IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';
export const IMAGE_NAME = 'cirros-0.6.1-x86_64-disk';
export const ADMIN_PROJECT = '6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70';
export const DEMO_PROJECT = 'cdb477d9329c450e996cae2d02a2c44f';
/** devstack's second consumer project, alt_demo. */
export const ALT_PROJECT = '2f4e6a8c0b1d4e3f9a7c5b3d1e0f2a4c';
export const PUBLIC_IMAGE = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const FULL_IMAGE = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
export const PASSWORD = 'secret';

/** Members per image in the interop cloud: FULL_IMAGE starts at the quota. */
export const MEMBER_QUOTA = 2;

/** The demo seed plus a public image and a shared image already at the member quota. */
function interopSeed(): SeedData {
  const demo = loadSeedFile(join(__dirname, '..', '..', '..', 'scenarios', 'demo-seed.yaml'));
  return {
    ...demo,
    images: [
      ...(demo.images ?? []),
      { id: PUBLIC_IMAGE, name: 'public-image', visibility: 'public', owner: ADMIN_PROJECT },
      {
        id: FULL_IMAGE,
        name: 'full-image',
        visibility: 'shared',
        owner: ADMIN_PROJECT,
        members: [{ member: DEMO_PROJECT }, { member: ALT_PROJECT }],
      },
    ],
  };
}

export type User = 'admin' | 'demo' | 'alt_demo' | 'alt_demo_member';

/** The project each user logs in to by default, as in devstack's openrc `<user> <project>`. */
const PROJECT_OF: Record<User, string> = { admin: 'admin', demo: 'demo', alt_demo: 'alt_demo', alt_demo_member: 'alt_demo' };

export interface InteropCloud {
  mock: RunningGlanceMock;
  /** The OS_* variables of the README for a user of the demo seed. */
  env(user?: User, extra?: Record<string, string>): Record<string, string>;
  openstack(args: string[], user?: User, extra?: Record<string, string>): Promise<ClientRun>;
  glance(args: string[], user?: User, extra?: Record<string, string>): Promise<ClientRun>;
  /** test/interop/sdk_members.py, logged in as the user. */
  sdk(args: string[], user?: User, extra?: Record<string, string>): Promise<ClientRun>;
  /** A client without the OS_* variables (the modes without Keystone). */
  bare(file: 'openstack' | 'glance', args: string[]): Promise<ClientRun>;
  /** Glance's answer as the seeded admin token sees it, straight over HTTP. */
  members(imageId?: string): Promise<Array<{ member_id: string; status: string }>>;
  image(imageId?: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** `options` picks the deployment (`auth: 'noauth'` for Glance without Keystone). */
export async function startInteropCloud(options: GlanceMockOptions = {}): Promise<InteropCloud> {
  assertClientsInstalled();
  const mock = await startGlanceMock({ host: '127.0.0.1', port: 0, seed: interopSeed(), memberQuota: MEMBER_QUOTA, ...options });
  const env = (user: User = 'admin', extra: Record<string, string> = {}) => ({
    OS_AUTH_URL: `${mock.url}/identity/v3`,
    OS_IDENTITY_API_VERSION: '3',
    OS_USERNAME: user,
    OS_PASSWORD: PASSWORD,
    OS_PROJECT_NAME: PROJECT_OF[user],
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    ...extra,
  });
  const adminGet = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${mock.url}${path}`, { headers: { 'X-Auth-Token': 'admin-token' } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    mock,
    env,
    openstack: (args, user, extra) => runClient(OPENSTACK, args, env(user, extra)),
    glance: (args, user, extra) => runClient(GLANCE, args, env(user, extra)),
    sdk: (args, user, extra) => runClient(PYTHON, [join(__dirname, '..', 'sdk_members.py'), ...args], env(user, extra)),
    bare: (file, args) => runClient(file === 'openstack' ? OPENSTACK : GLANCE, args, {}),
    members: async (imageId = IMAGE) =>
      (await adminGet<{ members: Array<{ member_id: string; status: string }> }>(`/v2/images/${imageId}/members`)).members,
    image: (imageId = IMAGE) => adminGet<Record<string, unknown>>(`/v2/images/${imageId}`),
    close: () => mock.close(),
  };
}

/** One cloud for a test file: started before its tests, reset before each, closed after. */
export function useInteropCloud(options: GlanceMockOptions = {}): { readonly cloud: InteropCloud } {
  const env = {} as { cloud: InteropCloud };
  beforeAll(async () => {
    env.cloud = await startInteropCloud(options);
  });
  afterAll(async () => {
    await env.cloud?.close();
  });
  beforeEach(() => env.cloud.mock.reset());
  return env;
}
