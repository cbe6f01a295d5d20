import type { CaseBody, ConformanceCase, ImageFixture, Persona } from '../types';

/**
 * What the database behind Glance decides: how image ids, owners, member ids
 * and filters compare (MariaDB's utf8_general_ci against SQLite's binary
 * text), what it cannot store, and what Glance reserves for itself on create
 * and patch. Upper-case placeholders ({IMAGE}, {OWNER}, {MEMBER}) are the
 * case's ids and projects in upper case.
 */
const PATCH = 'application/openstack-images-v2.1-json-patch';
const JSON_ACCEPT = { Accept: 'application/json' };
const shared: ImageFixture[] = [{ visibility: 'shared' }];
const sharedNoMembers: ImageFixture[] = [{ visibility: 'shared', members: [] }];
const NO_PROJECT = { 'X-Identity-Status': 'Confirmed', 'X-Roles': 'member,reader', 'X-User-Id': 'user-without-project' };

type Spec = [name: string, persona: Persona, method: string, path: string, extra?: Partial<ConformanceCase>];

function build(group: string, prefix: string, specs: Spec[]): ConformanceCase[] {
  return specs.map(([name, persona, method, path, extra = {}]) => ({
    id: `${prefix}/${name}`,
    group,
    persona,
    method,
    path,
    fixtures: shared,
    ...extra,
    headers: { ...JSON_ACCEPT, ...(method === 'PATCH' ? { 'Content-Type': PATCH } : {}), ...extra.headers },
  }));
}

const json = (value: unknown): CaseBody => ({ json: value });

const IDS: Spec[] = [
  ['members-create', 'owner', 'POST', '/v2/images/{IMAGE}/members', { fixtures: sharedNoMembers, body: json({ member: '{member}' }) }],
  ['members-list', 'owner', 'GET', '/v2/images/{IMAGE}/members'],
  ['member-show', 'owner', 'GET', '/v2/images/{IMAGE}/members/{member}'],
  ['member-update', 'member', 'PUT', '/v2/images/{IMAGE}/members/{member}', { body: json({ status: 'accepted' }) }],
  ['member-delete', 'owner', 'DELETE', '/v2/images/{IMAGE}/members/{member}'],
  ['show', 'owner', 'GET', '/v2/images/{IMAGE}'],
  ['patch', 'owner', 'PATCH', '/v2/images/{IMAGE}', { body: json([{ op: 'replace', path: '/name', value: 'renamed' }]) }],
  ['delete', 'owner', 'DELETE', '/v2/images/{IMAGE}'],
  ['marker', 'owner', 'GET', '/v2/images?conformance_tag={tag}&marker={IMAGE}'],
  ['create-with-live-id', 'owner', 'POST', '/v2/images', { body: json({ id: '{IMAGE}' }) }],
  ['create-with-deleted-id', 'owner', 'POST', '/v2/images', { fixtures: [{ visibility: 'deleted' }], body: json({ id: '{IMAGE}' }) }],
  ['show-trailing-space', 'owner', 'GET', '/v2/images/{image}%20'],
  ['members-trailing-spaces', 'owner', 'GET', '/v2/images/{image}%20%20/members'],
  ['marker-trailing-space', 'owner', 'GET', '/v2/images?conformance_tag={tag}&marker={image}%20'],
];

const OWNED: ImageFixture[] = [
  { visibility: 'private', members: [], properties: { Foo: 'Bar' } },
  { visibility: 'shared', members: [] },
  { visibility: 'community', members: [] },
];
const FAMILY: ImageFixture[] = [
  { visibility: 'shared', name: 'pending-{tag}', members: ['member'] },
  { visibility: 'shared', name: 'accepted-{tag}', members: ['member'], statuses: { member: 'accepted' } },
  { visibility: 'shared', name: 'rejected-{tag}', members: ['member'], statuses: { member: 'rejected' } },
  { visibility: 'shared', name: 'unshared-{tag}', members: [] },
  { visibility: 'private', name: 'private-{tag}', members: ['member'] },
];
// Whole trusted headers under persona `none`, so that a run through tokens sends them too.
const asOwner = { headers: { ...NO_PROJECT, 'X-Project-Id': '{OWNER}' } };
const asMember = { headers: { ...NO_PROJECT, 'X-Project-Id': '{MEMBER}' } };
const noProject = { headers: NO_PROJECT };

const OWNERS: Spec[] = [
  ['list', 'none', 'GET', '/v2/images?conformance_tag={tag}', { fixtures: OWNED, ...asOwner }],
  ['list-owner-filter', 'owner', 'GET', '/v2/images?conformance_tag={tag}&owner={OWNER}', { fixtures: OWNED }],
  ['list-property-filter', 'owner', 'GET', '/v2/images?conformance_tag={tag}&foo=b%C3%A1r', { fixtures: OWNED }],
  ['list-visibility-community', 'none', 'GET', '/v2/images?conformance_tag={tag}&visibility=community', { fixtures: OWNED, ...asOwner }],
  ['show', 'none', 'GET', '/v2/images/{image}', { fixtures: OWNED, ...asOwner }],
  ['patch', 'none', 'PATCH', '/v2/images/{image}', { fixtures: OWNED, ...asOwner, body: json([]) }],
  ['delete', 'none', 'DELETE', '/v2/images/{image}', { fixtures: OWNED, ...asOwner }],
  ['members-create', 'none', 'POST', '/v2/images/{image2}/members', { fixtures: OWNED, ...asOwner, body: json({ member: 'x' }) }],
  ['member-list', 'none', 'GET', '/v2/images?conformance_tag={tag}', { fixtures: FAMILY, ...asMember }],
  ['no-project-list', 'none', 'GET', '/v2/images?conformance_tag={tag}', { fixtures: FAMILY, ...noProject }],
  [
    'no-project-list-rejected',
    'none',
    'GET',
    '/v2/images?conformance_tag={tag}&member_status=rejected',
    { fixtures: FAMILY, ...noProject },
  ],
  ['no-project-list-private', 'none', 'GET', '/v2/images?conformance_tag={tag}&visibility=private', { fixtures: FAMILY, ...noProject }],
  ['no-project-show', 'none', 'GET', '/v2/images/{image2}', { fixtures: FAMILY, ...noProject }],
  ['no-project-marker', 'none', 'GET', '/v2/images?conformance_tag={tag}&marker={image2}', { fixtures: FAMILY, ...noProject }],
];

const long = 'k'.repeat(256);
const location = { url: 'http://a/b', metadata: {} };
const create = (name: string, body: unknown, persona: Persona = 'owner', headers: Record<string, string> = {}): Spec => [
  `create/${name}`,
  persona,
  'POST',
  '/v2/images',
  { fixtures: [], body: json(body), headers },
];
const patch = (name: string, ops: unknown, persona: Persona = 'owner'): Spec => [
  `patch/${name}`,
  persona,
  'PATCH',
  '/v2/images/{image}',
  { body: json(ops) },
];

const RESERVED: Spec[] = [
  create('os-glance-foo', { name: 'c', os_glance_foo: 'bar' }),
  create('os-glance-foo-plain', { name: 'c', os_glance_foo: 'bar' }, 'owner', { Accept: 'text/plain' }),
  create('os-glance-foo-html', { name: 'c', os_glance_foo: 'bar' }, 'owner', { Accept: 'text/html' }),
  create('os-glance', { os_glance: 'bar' }),
  create('os-glance-dash', { 'os_glance-foo': 'bar' }),
  create('upper-case-prefix', { OS_GLANCE_foo: 'bar', Status: 'x' }),
  create('os-hash-algo', { os_hash_algo: 'x', os_hash_value: 'y', Foo: 'z' }),
  create('schema-properties', { kernel_id: null, os_distro: 'u', description: 'd' }),
  create('stores', { stores: 'x' }),
  create('read-only-and-public', { status: 'queued', visibility: 'public' }),
  create('locations-and-other-owner', { locations: [], owner: 'other-{run}' }),
  create('locations-and-status', { locations: [], status: 'queued' }),
  create('locations', { locations: [] }),
  create('checksum-and-size', { size: null, checksum: null }),
  create('reserved-before-long-key', { os_glance_x: 'v', [long]: 'v' }),
  create('long-key-before-reserved', { [long]: 'v', os_glance_x: 'v' }),
  create('reserved-before-deleted', { os_glance_x: 'v', deleted: 'v' }),
  create('reserved-with-number', { os_glance_x: 5 }),
  patch('add-os-glance-foo', [{ op: 'add', path: '/os_glance_foo', value: 'bar' }]),
  patch('replace-os-glance-foo', [{ op: 'replace', path: '/os_glance_foo', value: 'bar' }]),
  patch('remove-os-glance-foo', [{ op: 'remove', path: '/os_glance_foo' }]),
  patch('add-os-glance-as-stranger', [{ op: 'add', path: '/os_glance', value: 'x' }], 'stranger'),
  patch('replace-os-hash-algo', [{ op: 'replace', path: '/os_hash_algo', value: 'x' }]),
  patch('add-stores', [{ op: 'add', path: '/stores', value: 'x' }]),
  patch('add-locations-without-index', [{ op: 'add', path: '/locations', value: 'x' }]),
  patch('remove-locations-without-index', [{ op: 'remove', path: '/locations' }]),
  patch('replace-location-at-index', [{ op: 'replace', path: '/locations/0', value: [] }]),
  patch('replace-locations-empty', [{ op: 'replace', path: '/locations', value: [] }]),
  patch('replace-locations', [{ op: 'replace', path: '/locations', value: [location] }]),
  patch('add-location', [{ op: 'add', path: '/locations/-', value: location }]),
  patch('add-location-not-object', [{ op: 'add', path: '/locations/0', value: 'x' }]),
  patch('remove-location', [{ op: 'remove', path: '/locations/0' }]),
  patch('remove-location-as-member', [{ op: 'remove', path: '/locations/0' }], 'member'),
  patch('add-location-as-member', [{ op: 'add', path: '/locations/-', value: location }], 'member'),
];

const STORAGE: Spec[] = [
  create('value-65535-bytes', { foo: 'a'.repeat(65_535) }),
  create('value-65536-bytes', { foo: 'a'.repeat(65_536) }),
  create('value-21846-euros', { foo: '€'.repeat(21_846) }),
  create('names-differing-by-case', { Foo: '1', foo: '2' }),
  create('4-byte-name', { name: '😀' }),
  create('4-byte-property-name', { '😀': 'x' }),
  create('4-byte-property-value', { os_distro: '😀' }),
  patch('value-65536-bytes', [{ op: 'add', path: '/foo', value: 'a'.repeat(65_536) }]),
  patch('4-byte-value', [{ op: 'add', path: '/foo', value: '😀' }]),
  patch('name-of-a-property-in-other-case', [{ op: 'add', path: '/FOO', value: 'y' }], 'owner'),
  patch('name-of-a-removed-property-in-other-case', [
    { op: 'remove', path: '/foo' },
    { op: 'add', path: '/FOO', value: 'y' },
  ]),
].map(
  ([name, persona, method, path, extra]) =>
    [
      name,
      persona,
      method,
      path,
      name.includes('property-in-other-case') ? { ...extra, fixtures: [{ visibility: 'shared', properties: { foo: 'x' } }] } : extra,
    ] as Spec,
);

const BUILTINS: Spec[] = [
  create('to-string-number', { name: 'x', toString: 1 }),
  create('built-in-names', { toString: 'a', constructor: 'b', valueOf: 'c', hasOwnProperty: 'd', ['__proto__']: 'e' }),
  patch('replace-absent-to-string', [{ op: 'replace', path: '/toString', value: 'x' }]),
  patch('remove-absent-constructor', [{ op: 'remove', path: '/constructor' }]),
  patch('add-proto', [{ op: 'add', path: '/__proto__', value: 'x' }]),
  ['filter-constructor', 'owner', 'GET', '/v2/images?conformance_tag={tag}&constructor=x'],
];

export function databaseCases(): ConformanceCase[] {
  return [
    ...build('database: image ids compared', 'db/image-ids', IDS),
    ...build('database: owners and members compared', 'db/owners', OWNERS),
    ...build('reserved and read-only attributes', 'db/reserved', RESERVED),
    ...build('database: what it stores', 'db/storage', STORAGE),
    ...build('property names of JavaScript built-ins', 'db/built-ins', BUILTINS),
  ];
}
