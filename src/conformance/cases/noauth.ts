import type { ConformanceCase } from '../types';

/** Personas are all the same caller to a Glance without Keystone: three of them suffice. */
const MATRIX_PERSONAS = new Set(['owner', 'member', 'none']);

/**
 * The cases for a Glance deployed without Keystone (`unauthenticated-context`): every caller
 * is an admin without a project, whatever it sends. The default cases still apply, except
 * that no caller may publicize an image (`publicize_image` needs the role), so a fixture
 * cannot be public: image lists do without their public image, other such cases are left out.
 */
export function noauthCases(defaults: ConformanceCase[]): ConformanceCase[] {
  return [...defaults.flatMap(adapt), ...noKeystoneCases()];
}

function adapt(testCase: ConformanceCase): ConformanceCase[] {
  if (testCase.id.startsWith('matrix/') && !MATRIX_PERSONAS.has(testCase.persona)) return [];
  // Every caller here sees every image, so a marker among fixtures created in the same second
  // has no stable answer (Glance sorts them by id, which is random).
  if (testCase.path.includes('marker={image')) return [];
  // ... and a list not narrowed to the case's own images shows what every other case made.
  if (testCase.method === 'GET' && /^\/v2\/images(\?|$)/.test(testCase.path) && !testCase.path.includes('conformance_tag=')) return [];
  const fixtures = testCase.fixtures ?? [];
  if (!fixtures.some((f) => f.visibility === 'public')) return [testCase];
  if (!testCase.path.startsWith('/v2/images?')) return [];
  return [{ ...testCase, fixtures: fixtures.filter((f) => f.visibility !== 'public') }];
}

const TRUSTED_ADMIN = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': '{owner}', 'X-User-Id': 'u-{run}', 'X-Roles': 'admin' };
const JSON_ACCEPT = { Accept: 'application/json' };

/** What keystonemiddleware's headers, tokens and Keystone's paths do, or do not do, there. */
function noKeystoneCases(): ConformanceCase[] {
  const shared = [{ visibility: 'shared' as const }];
  const create = (name: string, headers: Record<string, string>, json: unknown): ConformanceCase => ({
    id: `noauth/create/${name}`,
    group: 'no keystone',
    persona: 'none',
    method: 'POST',
    path: '/v2/images',
    headers: { ...JSON_ACCEPT, ...headers },
    body: { json },
  });
  return [
    create('no-headers', {}, { name: 'n-{tag}', conformance_tag: '{tag}' }),
    create('trusted-admin', TRUSTED_ADMIN, { name: 'n-{tag}' }),
    create('trusted-admin-public', TRUSTED_ADMIN, { name: 'n-{tag}', visibility: 'public' }),
    create('token', { 'X-Auth-Token': 'notused' }, { name: 'n-{tag}' }),
    create('bad-service-catalog', { 'X-Identity-Status': 'Confirmed', 'X-Service-Catalog': '{bad' }, { name: 'n-{tag}' }),
    create('other-owner', {}, { name: 'n-{tag}', owner: '{member}' }),
    create('community', {}, { name: 'n-{tag}', visibility: 'community' }),
    {
      id: 'noauth/members/add-with-token',
      group: 'no keystone',
      fixtures: shared,
      persona: 'none',
      method: 'POST',
      path: '/v2/images/{image}/members',
      headers: { ...JSON_ACCEPT, 'X-Auth-Token': 'bogus' },
      body: { json: { member: 'new-{run}' } },
    },
    {
      id: 'noauth/members/list-trusted-stranger',
      group: 'no keystone',
      fixtures: shared,
      persona: 'stranger',
      method: 'GET',
      path: '/v2/images/{image}/members',
      headers: JSON_ACCEPT,
    },
    {
      // An image another project owns, private: an admin without a project still lists it.
      id: 'noauth/list/private-of-another-owner',
      group: 'no keystone',
      fixtures: [{ visibility: 'private', members: [], properties: { owner: '{member}' } }],
      persona: 'none',
      method: 'GET',
      path: '/v2/images?conformance_tag={tag}',
      headers: JSON_ACCEPT,
    },
    {
      id: 'noauth/members/add-to-image-of-another-owner',
      group: 'no keystone',
      fixtures: [{ visibility: 'shared', members: [], properties: { owner: '{member}' } }],
      persona: 'none',
      method: 'POST',
      path: '/v2/images/{image}/members',
      headers: JSON_ACCEPT,
      body: { json: { member: '{member2}' } },
    },
    {
      id: 'noauth/list/no-headers',
      group: 'no keystone',
      fixtures: shared,
      persona: 'none',
      method: 'GET',
      path: '/v2/images?conformance_tag={tag}',
      headers: JSON_ACCEPT,
    },
    { id: 'noauth/identity/version', group: 'no keystone', persona: 'none', method: 'GET', path: '/identity/v3' },
    {
      id: 'noauth/identity/token',
      group: 'no keystone',
      persona: 'none',
      method: 'POST',
      path: '/identity/v3/auth/tokens',
      headers: JSON_ACCEPT,
      body: { json: { auth: { identity: { methods: ['password'] } } } },
    },
  ];
}
