import type { CaseBody, ConformanceCase, ImageFixture } from '../types';

const TOO_LONG = 'r'.repeat(65);
const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route the mock serves, with a body its main method takes. */
const ROUTES: Array<{ name: string; path: string; valid: CaseBody; fixtures?: ImageFixture[] }> = [
  { name: 'images', path: '/v2/images', valid: { json: { name: 'x' } } },
  { name: 'image', path: '/v2/images/{image}', valid: { json: [] }, fixtures: [{ visibility: 'shared' }] },
  { name: 'members', path: '/v2/images/{image}/members', valid: { json: { member: '{run}-added' } }, fixtures: [{ visibility: 'shared' }] },
  {
    name: 'member',
    path: '/v2/images/{image}/members/{member}',
    valid: { json: { status: 'accepted' } },
    fixtures: [{ visibility: 'shared' }],
  },
  { name: 'schema', path: '/v2/schemas/image', valid: { json: {} } },
  { name: 'version', path: '/v2', valid: { json: {} } },
  { name: 'unknown', path: '/v2/nosuch', valid: { json: {} } },
];

const BODIES: Array<[string, (valid: CaseBody) => CaseBody | undefined]> = [
  ['no-body', () => undefined],
  ['empty-object', () => ({ json: {} })],
  ['malformed', () => ({ raw: '{' })],
  ['valid', (valid) => valid],
];

/**
 * An X-Openstack-Request-Id over 64 characters: Glance's ContextMiddleware
 * stores its 431 as the request context instead of raising it, so only what
 * reads the context fails; every route × method × body, request id compared.
 */
export function requestIdCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const route of ROUTES) {
    for (const method of METHODS) {
      for (const [bodyName, body] of BODIES) {
        const patch: Record<string, string> = method === 'PATCH' && bodyName === 'valid' ? { 'Content-Type': PATCH_TYPE } : {};
        cases.push({
          id: `request-id-too-long/${route.name}/${method}/${bodyName}`,
          group: 'request id too long',
          fixtures: route.fixtures,
          persona: 'owner',
          method,
          path: route.path,
          headers: { 'X-Openstack-Request-Id': TOO_LONG, Accept: 'application/json', ...patch },
          body: body(route.valid),
          compareHeaders: ['x-openstack-request-id'],
        });
      }
    }
  }
  cases.push(...checkedBodyCases());
  for (const [name, id] of [
    ['64-characters', 'r'.repeat(64)],
    ['65-with-prefix', `req-${'r'.repeat(61)}`],
  ]) {
    cases.push({
      id: `request-id-length/${name}`,
      group: 'request id too long',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method: 'GET',
      path: '/v2/images/{image}',
      headers: { 'X-Openstack-Request-Id': id, Accept: 'application/json' },
      compareHeaders: ['x-openstack-request-id'],
    });
  }
  return cases;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Which checks come before the context is read (the deserializers') and which after (the controllers'). */
const CHECKED: Array<[string, string, string, CaseBody | undefined, Record<string, string>?]> = [
  ['member-empty', 'POST', '/v2/images/{image}/members', { json: { member: '' } }],
  ['member-missing', 'POST', '/v2/images/{image}/members', { json: { status: 'x' } }],
  ['member-not-object', 'POST', '/v2/images/{image}/members', { json: ['x'] }],
  ['member-4-byte', 'POST', '/v2/images/{image}/members', { json: { member: '\u{1F600}' } }],
  ['member-duplicate', 'POST', '/v2/images/{image}/members', { json: { member: '{member}' } }],
  ['member-unknown-image', 'POST', `/v2/images/${UNKNOWN}/members`, { json: { member: 'x' } }],
  ['members-unknown-image', 'GET', `/v2/images/${UNKNOWN}/members`, undefined],
  ['status-missing', 'PUT', '/v2/images/{image}/members/{member}', { json: { member: 'x' } }],
  ['status-invalid', 'PUT', '/v2/images/{image}/members/{member}', { json: { status: 'bogus' } }],
  ['member-unknown', 'DELETE', '/v2/images/{image}/members/nobody', undefined],
  ['image-unknown', 'GET', `/v2/images/${UNKNOWN}`, undefined],
  ['image-delete-unknown', 'DELETE', `/v2/images/${UNKNOWN}`, undefined],
  ['image-read-only', 'POST', '/v2/images', { json: { status: 'active' } }],
  ['image-schema', 'POST', '/v2/images', { json: { name: 5 } }],
  ['image-public', 'POST', '/v2/images', { json: { visibility: 'public' } }],
  ['image-list-body', 'POST', '/v2/images', { json: [] }],
  [
    'patch-read-only',
    'PATCH',
    '/v2/images/{image}',
    { json: [{ op: 'replace', path: '/status', value: 'active' }] },
    { 'Content-Type': PATCH_TYPE },
  ],
  ['patch-bad-op', 'PATCH', '/v2/images/{image}', { json: [{ op: 'bogus', path: '/name', value: 'x' }] }, { 'Content-Type': PATCH_TYPE }],
  ['patch-unknown', 'PATCH', `/v2/images/${UNKNOWN}`, { json: [] }, { 'Content-Type': PATCH_TYPE }],
  ['list-bad-limit', 'GET', '/v2/images?limit=-1', undefined],
  ['list-bad-sort-key', 'GET', '/v2/images?sort_key=bogus', undefined],
  ['list-bad-visibility', 'GET', '/v2/images?visibility=bogus', undefined],
  ['list-bad-member-status', 'GET', '/v2/images?member_status=bogus', undefined],
  ['list-unknown-marker', 'GET', `/v2/images?marker=${UNKNOWN}`, undefined],
];

/** Glance's image factory refuses read-only keys and `locations` only after the policy and owner checks. */
const CREATE_ORDER: Array<[string, unknown]> = [
  ['read-only-and-reserved', { status: 'active', deleted: 'x' }],
  ['read-only-and-location', { created_at: 'x', location: 'x' }],
  ['public-and-read-only', { visibility: 'public', status: 'active' }],
  ['public-and-locations', { visibility: 'public', locations: [] }],
  ['other-owner-and-read-only', { owner: '{member}', status: 'active' }],
];

/** The order of Glance's checks on an image create, with a usable request id. */
export function imageCreateOrderCases(): ConformanceCase[] {
  return CREATE_ORDER.map(([name, json]) => ({
    id: `image-create-order/${name}`,
    group: 'image create order',
    persona: 'owner',
    method: 'POST',
    path: '/v2/images',
    headers: { Accept: 'application/json' },
    body: { json },
  }));
}

function checkedBodyCases(): ConformanceCase[] {
  return CHECKED.map(([name, method, path, body, headers = {}]) => ({
    id: `request-id-too-long/checks/${name}`,
    group: 'request id too long',
    fixtures: path.includes('{image}') ? [{ visibility: 'shared' }] : undefined,
    persona: 'owner',
    method,
    path,
    headers: { 'X-Openstack-Request-Id': TOO_LONG, Accept: 'application/json', ...headers },
    body,
    compareHeaders: ['x-openstack-request-id'],
  }));
}
