import type { CaseBody, ConformanceCase, Persona } from '../types';

const PATCH = 'application/openstack-images-v2.1-json-patch';

/** `POST /v2/images`: defaults, owners, visibilities and Glance's schema errors. */
const CREATE: Array<[string, Persona, CaseBody | undefined]> = [
  ['named-shared', 'owner', { json: { name: 'c-{tag}', visibility: 'shared', conformance_tag: '{tag}' } }],
  ['no-visibility', 'owner', { json: { name: 'c-{tag}', conformance_tag: '{tag}' } }],
  ['empty-object', 'owner', { json: {} }],
  ['extra-properties-first', 'owner', { json: { zeta: '1', name: 'c-{tag}', alpha: '2' } }],
  [
    'schema-extra-properties',
    'owner',
    { json: { ramdisk_id: '00000000-1111-2222-3333-444455556666', zeta: '1', os_distro: 'cirros', kernel_id: null, name: 'c-{tag}' } },
  ],
  ['public-as-member-role', 'owner', { json: { name: 'c', visibility: 'public' } }],
  ['public-as-admin', 'admin', { json: { name: 'c-{tag}', visibility: 'public' } }],
  ['owner-null-as-admin', 'admin', { json: { name: 'c-{tag}', owner: null } }],
  ['owner-other-as-admin', 'admin', { json: { name: 'c-{tag}', owner: 'other-{run}' } }],
  ['owner-other', 'owner', { json: { name: 'c', owner: 'other-{run}' } }],
  ['owner-null', 'owner', { json: { name: 'c', owner: null } }],
  ['bad-visibility', 'owner', { json: { visibility: 'bogus' } }],
  ['null-visibility', 'owner', { json: { visibility: null } }],
  ['name-number', 'owner', { json: { name: 5 } }],
  ['name-too-long', 'owner', { json: { name: 'n'.repeat(256) } }],
  ['property-number', 'owner', { json: { foo: 123 } }],
  ['property-null', 'owner', { json: { foo: null } }],
  ['property-key-too-long', 'owner', { json: { ['k'.repeat(256)]: 'v' } }],
  ['bad-id', 'owner', { json: { id: 'abc' } }],
  ['read-only-status', 'owner', { json: { status: 'active' } }],
  ['read-only-self', 'owner', { json: { self: 'x' } }],
  ['reserved-location', 'owner', { json: { location: 'x' } }],
  ['reserved-locations', 'owner', { json: { locations: [] } }],
  ['list-body', 'owner', { json: [] }],
  ['string-body', 'owner', { json: 's' }],
  ['no-body', 'owner', undefined],
  ['no-identity', 'none', { json: { name: 'c' } }],
];

export function imageCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = CREATE.map(([name, persona, body]) => ({
    id: `images/create/${name}`,
    group: 'images: create',
    persona,
    method: 'POST',
    path: '/v2/images',
    body,
    headers: { Accept: 'application/json' },
  }));
  const shared = [{ visibility: 'shared' as const }];
  const item = (id: string, persona: Persona, method: string, extra: Partial<ConformanceCase> = {}): ConformanceCase => ({
    id,
    group: 'images: show, patch, delete',
    fixtures: shared,
    persona,
    method,
    path: '/v2/images/{image}',
    headers: { Accept: 'application/json', ...(method === 'PATCH' ? { 'Content-Type': PATCH } : {}) },
    ...extra,
  });
  const patch = (ops: unknown): CaseBody => ({ json: ops });
  for (const persona of ['owner', 'member', 'stranger', 'admin'] as Persona[]) {
    cases.push(item(`images/show/${persona}`, persona, 'GET'));
    cases.push(item(`images/delete/${persona}`, persona, 'DELETE'));
  }
  cases.push(item('images/show/deleted', 'owner', 'GET', { fixtures: [{ visibility: 'deleted' }] }));
  cases.push(item('images/delete/deleted', 'owner', 'DELETE', { fixtures: [{ visibility: 'deleted' }] }));
  cases.push(item('images/show/no-owner-as-stranger', 'stranger', 'GET', { fixtures: [{ visibility: 'no-owner' }] }));
  const patches: Array<[string, Persona, unknown]> = [
    ['rename', 'owner', [{ op: 'replace', path: '/name', value: 'renamed' }]],
    ['private', 'owner', [{ op: 'replace', path: '/visibility', value: 'private' }]],
    ['public-as-owner', 'owner', [{ op: 'replace', path: '/visibility', value: 'public' }]],
    ['owner-as-owner', 'owner', [{ op: 'replace', path: '/owner', value: 'other-{run}' }]],
    ['owner-as-admin', 'admin', [{ op: 'replace', path: '/owner', value: 'other-{run}' }]],
    ['add-property', 'owner', [{ op: 'add', path: '/foo', value: 'bar' }]],
    ['remove-missing-property', 'owner', [{ op: 'remove', path: '/foo' }]],
    ['remove-name', 'owner', [{ op: 'remove', path: '/name' }]],
    ['bad-op', 'owner', [{ op: 'frobnicate', path: '/name', value: 'x' }]],
    ['no-value', 'owner', [{ op: 'replace', path: '/name' }]],
    ['pointer-without-slash', 'owner', [{ op: 'replace', path: 'name', value: 'x' }]],
    ['read-only-id', 'owner', [{ op: 'replace', path: '/id', value: 'x' }]],
    ['reserved-location', 'owner', [{ op: 'replace', path: '/location', value: 'x' }]],
    ['empty', 'member', []],
    ['object-body', 'owner', {}],
    ['as-member', 'member', [{ op: 'replace', path: '/name', value: 'x' }]],
    ['as-stranger', 'stranger', [{ op: 'replace', path: '/name', value: 'x' }]],
  ];
  for (const [name, persona, ops] of patches) cases.push(item(`images/patch/${name}`, persona, 'PATCH', { body: patch(ops) }));
  cases.push(
    item('images/patch/json-content-type', 'owner', 'PATCH', {
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: patch([]),
    }),
  );
  return cases;
}
