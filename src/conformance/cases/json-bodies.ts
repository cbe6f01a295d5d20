import type { CaseBody, ConformanceCase } from '../types';

/**
 * How Glance reads a JSON body: strict UTF-8, Python's json.loads (numbers,
 * NaN, surrogates, keys named like JavaScript built-ins, nesting limits), and
 * webob's form parsing of a POST.
 */

const PATCH_21 = 'application/openstack-images-v2.1-json-patch';
const PATCH_20 = 'application/openstack-images-v2.0-json-patch';
const lists = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const objects = (depth: number) => `${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}`;

interface Target {
  method: string;
  path: string;
  persona: ConformanceCase['persona'];
  type?: string;
}

const TARGETS: Record<string, Target> = {
  'member-create': { method: 'POST', path: '/v2/images/{image}/members', persona: 'owner' },
  'member-update': { method: 'PUT', path: '/v2/images/{image}/members/{member}', persona: 'member' },
  'image-create': { method: 'POST', path: '/v2/images', persona: 'owner' },
  'patch-2.1': { method: 'PATCH', path: '/v2/images/{image}', persona: 'owner', type: PATCH_21 },
  'patch-2.0': { method: 'PATCH', path: '/v2/images/{image}', persona: 'owner', type: PATCH_20 },
  'method-not-allowed': { method: 'PUT', path: '/v2/images/{image}', persona: 'owner' },
};

function bodyCase(group: string, id: string, target: Target, body: CaseBody, headers: Record<string, string> = {}): ConformanceCase {
  return {
    id,
    group,
    fixtures: [{ visibility: 'shared' }],
    persona: target.persona,
    method: target.method,
    path: target.path,
    headers: { 'Content-Type': target.type ?? 'application/json', ...headers },
    body,
  };
}

const NOT_UTF8: Record<string, string> = {
  'ff-fe': '{"member": "\xff\xfe"}',
  truncated: '{"status": "\xe2\x82"}',
  'lone-continuation': '{"name": "\x80"}',
  'encoded-surrogate': '{"name": "\xed\xa0\x80"}',
  overlong: '{"name": "\xc0\xaf"}',
};

const MEMBER_VALUES = [
  '1.0',
  '1e5',
  '0.0',
  '-0.0',
  '1e16',
  '1.5e-7',
  '0.30000000000000004',
  '123456789012345678901234567890',
  '9223372036854775808',
  '9007199254740993',
  '1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '"\\ud800"',
  '"\\ud83d\\ude00"',
  '[1]',
  '[1.5]',
  '[1.0]',
  '[["x"]]',
  '[true]',
  '[false]',
  '[null]',
  '["a", "b"]',
  '[[]]',
  '{"a": 1}',
];

const IMAGE_VALUES: Record<string, string> = {
  'min_ram-float': '{"min_ram": 1.0}',
  'min_ram-exponent': '{"min_ram": 1e3}',
  'property-float': '{"x": 1.0}',
  'property-exponent': '{"x": 1e16}',
  'property-small-float': '{"x": 1.5e-7}',
  'property-nan': '{"x": NaN}',
  'property-infinity': '{"x": -Infinity}',
  'property-big-int': '{"x": 123456789012345678901234567890}',
  'name-list-of-floats': '{"name": [1.0, 2.5, 1e100]}',
  'builtin-keys': '{"__proto__": "p-{run}", "constructor": "c", "toString": "t", "valueOf": "v", "hasOwnProperty": "h"}',
  'proto-not-string': '{"__proto__": {"name": 1}}',
  'constructor-not-string': '{"constructor": 1}',
  'duplicate-keys': '{"name": "first", "x": "1", "name": "last-{run}"}',
  'control-character': '{"name": "a\tb"}',
  'int-4300-digits': `{"x": ${'9'.repeat(4300)}}`,
  'int-4301-digits': `{"x": ${'9'.repeat(4301)}}`,
  'unterminated-escaped-quotes': `{"name": "${'\\"'.repeat(20000)}`,
};

export function jsonBodyCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [name, bytes] of Object.entries(NOT_UTF8)) {
    for (const [targetName, target] of Object.entries(TARGETS)) {
      cases.push(bodyCase('body not UTF-8', `json-bodies/not-utf8/${name}/${targetName}`, target, { bytes }));
    }
  }
  for (const value of MEMBER_VALUES) {
    cases.push(
      bodyCase('member values as Python reads them', `json-bodies/member-value/${value}`, TARGETS['member-create'], {
        raw: `{"member": ${value}}`,
      }),
    );
  }
  for (const [name, raw] of Object.entries(IMAGE_VALUES)) {
    cases.push(bodyCase('image values as Python reads them', `json-bodies/image-value/${name}`, TARGETS['image-create'], { raw }));
  }
  cases.push(...depthCases(), ...formCases());
  return cases;
}

/** Python's recursion limit, reached inside json.loads: thresholds measured per endpoint. */
function depthCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const at = (name: string, target: Target, raw: string) =>
    cases.push(bodyCase('nesting depth', `json-bodies/depth/${name}`, target, { raw }));
  for (const depth of [895, 896]) {
    at(`member-create-lists-${depth}`, TARGETS['member-create'], lists(depth));
    at(`member-update-lists-${depth}`, TARGETS['member-update'], lists(depth));
    at(`image-create-read-only-${depth}`, TARGETS['image-create'], `{"self": ${lists(depth - 1)}}`);
    at(`patch-2.1-read-only-${depth}`, TARGETS['patch-2.1'], `[{"op": "add", "path": "/self", "value": ${lists(depth - 2)}}]`);
  }
  for (const depth of [894, 895]) at(`member-create-objects-${depth}`, TARGETS['member-create'], objects(depth));
  for (const depth of [897, 898]) at(`method-not-allowed-lists-${depth}`, TARGETS['method-not-allowed'], lists(depth));
  at('member-create-lists-5000', TARGETS['member-create'], lists(5000));
  propertyDepthCases(at);
  return cases;
}

/** A list then an object, alternating, `depth` containers in all. */
const mixed = (depth: number) => {
  const open = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? '[' : '{"a": '));
  const close = open.map((o) => (o === '[' ? ']' : '}')).reverse();
  return `${open.join('')}${depth % 2 === 0 ? '1' : ''}${close.join('')}`;
};

/**
 * A property value the schema refuses, nested so deep that jsonschema's
 * pformat of it reaches Python's recursion limit: Glance's generic 500 (one
 * level less on PATCH); one level less, the 400 that prints it.
 */
function propertyDepthCases(at: (name: string, target: Target, raw: string) => void): void {
  const patch21 = (op: string, path: string, value: string) => `[{"op": "${op}", "path": "${path}", "value": ${value}}]`;
  for (const depth of [299, 300]) {
    at(`image-create-property-lists-${depth}`, TARGETS['image-create'], `{"x": ${lists(depth)}}`);
    at(`image-create-name-lists-${depth}`, TARGETS['image-create'], `{"name": ${lists(depth)}}`);
    at(`image-create-tags-lists-${depth + 1}`, TARGETS['image-create'], `{"tags": ${lists(depth + 1)}}`);
  }
  for (const depth of [297, 298]) {
    at(`image-create-property-objects-${depth}`, TARGETS['image-create'], `{"x": ${objects(depth)}}`);
    at(`image-create-property-mixed-${depth}`, TARGETS['image-create'], `{"x": ${mixed(depth)}}`);
    at(`patch-2.1-add-property-objects-${depth}`, TARGETS['patch-2.1'], patch21('add', '/x', objects(depth)));
  }
  for (const depth of [298, 299]) {
    at(`patch-2.1-add-property-lists-${depth}`, TARGETS['patch-2.1'], patch21('add', '/x', lists(depth)));
    at(`patch-2.1-replace-name-lists-${depth}`, TARGETS['patch-2.1'], patch21('replace', '/name', lists(depth)));
    at(`patch-2.0-add-property-lists-${depth}`, TARGETS['patch-2.0'], `[{"add": "/x", "value": ${lists(depth)}}]`);
  }
}

/** webob parses a POST with a form media type as a form before Glance reads the body. */
function formCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const types = [
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'Application/X-WWW-Form-Urlencoded',
    'multipart/mixed',
  ];
  const bodies: Record<string, { target: Target; json: string }> = {
    'member-create': { target: TARGETS['member-create'], json: '{"member": "form-{run}"}' },
    'member-update': { target: TARGETS['member-update'], json: '{"status": "accepted"}' },
    'image-create': { target: TARGETS['image-create'], json: '{"name": "form-{run}"}' },
    'post-not-allowed': { target: { method: 'POST', path: '/v2/images/{image}', persona: 'owner' }, json: '{}' },
  };
  for (const type of types) {
    for (const [name, { target, json }] of Object.entries(bodies)) {
      cases.push(bodyCase('form bodies', `json-bodies/form/${type}/chunked/${name}`, target, { chunks: [json] }, { 'Content-Type': type }));
      cases.push(bodyCase('form bodies', `json-bodies/form/${type}/length/${name}`, target, { raw: json }, { 'Content-Type': type }));
    }
  }
  for (const type of ['multipart/form-data', 'multipart/form-data; charset=utf-8', 'multipart/form-data; boundary=']) {
    cases.push(
      bodyCase(
        'form bodies',
        `json-bodies/form/${type}/no-boundary/member-create`,
        TARGETS['member-create'],
        { raw: '{"member": "x"}' },
        { 'Content-Type': type },
      ),
    );
    cases.push({
      ...bodyCase(
        'form bodies',
        `json-bodies/form/${type}/no-boundary/unknown-path`,
        TARGETS['member-create'],
        { raw: '{}' },
        { 'Content-Type': type },
      ),
      path: '/v2/no-such-thing',
    });
  }
  return cases;
}
