import type { CaseBody, ConformanceCase, ImageFixture, Persona } from '../types';

const PATCH = 'application/openstack-images-v2.1-json-patch';
const JSON_ACCEPT = { Accept: 'application/json' };

/**
 * `min_disk` and `min_ram` are signed 32-bit columns: Glance's database layer refuses a value
 * above 2147483647 with a 400 before writing (`min_disk` checked first), on create and on patch.
 */
const CREATE: Array<[string, string]> = [
  ['min_ram-2147483647', '{"name": "c-{tag}", "min_ram": 2147483647}'],
  ['min_disk-2147483647', '{"name": "c-{tag}", "min_disk": 2147483647}'],
  ['min_ram-2147483648', '{"name": "c-{tag}", "min_ram": 2147483648}'],
  ['min_disk-2147483648', '{"name": "c-{tag}", "min_disk": 2147483648}'],
  ['both-2147483648', '{"name": "c-{tag}", "min_ram": 2147483648, "min_disk": 2147483648}'],
  ['min_ram-2147483648.0', '{"name": "c-{tag}", "min_ram": 2147483648.0}'],
  ['min_disk-beyond-64-bits', '{"name": "c-{tag}", "min_disk": 99999999999999999999999}'],
  ['min_ram-2147483648-4-byte-name', '{"name": "\\ud83d\\ude00", "min_ram": 2147483648}'],
];

const PATCHES: Array<[string, string]> = [
  ['min_ram-2147483647', '[{"op": "replace", "path": "/min_ram", "value": 2147483647}]'],
  ['min_ram-2147483648', '[{"op": "replace", "path": "/min_ram", "value": 2147483648}]'],
  ['min_disk-2147483648', '[{"op": "replace", "path": "/min_disk", "value": 2147483648}]'],
  [
    'both-2147483648',
    '[{"op": "replace", "path": "/min_ram", "value": 2147483648}, {"op": "replace", "path": "/min_disk", "value": 2147483648}]',
  ],
];

/** An image whose min_ram and min_disk were last written as whole floats. */
const WHOLE_FLOATS: ImageFixture = {
  visibility: 'shared',
  patch: '[{"op": "replace", "path": "/min_ram", "value": 1.0}, {"op": "replace", "path": "/min_disk", "value": 2.0}]',
};

export function integerColumnCases(): ConformanceCase[] {
  const range = 'images: integer column range';
  const cases: ConformanceCase[] = CREATE.map(([name, raw]) => ({
    id: `integer-columns/create/${name}`,
    group: range,
    persona: 'owner',
    method: 'POST',
    path: '/v2/images',
    headers: { ...JSON_ACCEPT, 'Content-Type': 'application/json' },
    body: { raw },
  }));
  cases.push({ ...cases[2], id: 'integer-columns/create/min_ram-2147483648-text-plain', headers: { 'Content-Type': 'application/json' } });
  // The range is checked before the id is found taken.
  cases.push({
    ...cases[2],
    id: 'integer-columns/create/min_ram-2147483648-id-taken',
    fixtures: [{ visibility: 'shared' }],
    body: { raw: '{"id": "{image}", "min_ram": 2147483648}' },
  });
  const onImage = (id: string, group: string, persona: Persona, method: string, body?: CaseBody, fixture?: ImageFixture) => ({
    id,
    group,
    fixtures: [fixture ?? { visibility: 'shared' as const }],
    persona,
    method,
    path: '/v2/images/{image}',
    headers: { ...JSON_ACCEPT, ...(body ? { 'Content-Type': PATCH } : {}) },
    ...(body && { body }),
  });
  for (const [name, raw] of PATCHES) cases.push(onImage(`integer-columns/patch/${name}`, range, 'owner', 'PATCH', { raw }));
  // A whole float is echoed by the call that wrote it; the integer column then keeps the integer.
  const floats = 'images: whole floats read back';
  cases.push(
    onImage('integer-columns/whole-float/show', floats, 'owner', 'GET', undefined, WHOLE_FLOATS),
    onImage('integer-columns/whole-float/show-as-member', floats, 'member', 'GET', undefined, WHOLE_FLOATS),
    {
      ...onImage('integer-columns/whole-float/list', floats, 'owner', 'GET', undefined, WHOLE_FLOATS),
      path: '/v2/images?conformance_tag={tag}',
    },
    onImage(
      'integer-columns/whole-float/patch-name',
      floats,
      'owner',
      'PATCH',
      {
        raw: '[{"op": "replace", "path": "/name", "value": "renamed-{tag}"}]',
      },
      WHOLE_FLOATS,
    ),
    onImage('integer-columns/whole-float/patch-echoes-float', floats, 'owner', 'PATCH', {
      raw: '[{"op": "replace", "path": "/min_ram", "value": 3.0}]',
    }),
  );
  return cases;
}
