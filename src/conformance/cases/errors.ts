import type { ConformanceCase } from '../types';

const ACCEPTS: Record<string, string | undefined> = {
  none: undefined,
  json: 'application/json',
  html: 'text/html',
  plain: 'text/plain',
  any: '*/*',
  xml: 'application/xml',
  'text-any': 'text/*',
  'json-lower-q': 'application/json;q=0.5, text/html',
  'json-charset': 'application/json;charset=utf-8',
};

const ERRORS: Array<Omit<ConformanceCase, 'id' | 'group' | 'headers'> & { name: string }> = [
  { name: '404-image', persona: 'owner', method: 'GET', path: '/v2/images/00000000-0000-4000-8000-000000000000/members' },
  {
    name: '400-body',
    persona: 'owner',
    method: 'POST',
    path: '/v2/images/{image}/members',
    body: { json: {} },
    fixtures: [{ visibility: 'shared' }],
  },
  { name: '401', persona: 'none', method: 'GET', path: '/v2/images/{image}/members', fixtures: [{ visibility: 'shared' }] },
  { name: '405', persona: 'owner', method: 'PUT', path: '/v2/images/{image}/members', fixtures: [{ visibility: 'shared' }] },
  { name: '404-path', persona: 'owner', method: 'GET', path: '/v2/nothing-here' },
  {
    name: '409',
    persona: 'owner',
    method: 'POST',
    path: '/v2/images/{image}/members',
    body: { json: { member: '{member}' } },
    fixtures: [{ visibility: 'shared' }],
  },
  {
    name: '403',
    persona: 'owner',
    method: 'POST',
    path: '/v2/images/{image}/members',
    body: { json: { member: 'x' } },
    fixtures: [{ visibility: 'private', members: [] }],
  },
  {
    name: '404-member',
    persona: 'owner',
    method: 'GET',
    path: '/v2/images/{image}/members/%3Cb%3Ex%3C%2Fb%3E',
    fixtures: [{ visibility: 'shared' }],
  },
];

/** The webob error formats: every kind of error under every Accept. */
export function errorFormatCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const { name, ...error } of ERRORS) {
    for (const [acceptName, accept] of Object.entries(ACCEPTS)) {
      cases.push({
        id: `errors/${name}/accept-${acceptName}`,
        group: 'error formats',
        ...error,
        headers: accept === undefined ? {} : { Accept: accept },
      });
    }
  }
  for (const [name, method, path] of [
    ['405-member', 'POST', '/v2/images/{image}/members/{member}'],
    ['405-image', 'PUT', '/v2/images/{image}'],
    ['405-images', 'DELETE', '/v2/images'],
    ['405-schema', 'POST', '/v2/schemas/member'],
  ]) {
    cases.push({
      id: `errors/${name}`,
      group: 'error formats',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method,
      path,
      headers: { Accept: 'application/json' },
    });
  }
  // Glance deserializes a body even on a method it refuses: a bad body is a 400 before the 405.
  for (const [name, method, path, body] of [
    ['405-with-malformed-body', 'PUT', '/v2/images/{image}/members', { raw: '{' }],
    ['405-with-string-body', 'DELETE', '/v2/images', { json: 'x' }],
    ['405-with-valid-body', 'PATCH', '/v2/images/{image}/members', { json: {} }],
  ] as const) {
    cases.push({
      id: `errors/${name}`,
      group: 'error formats',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method,
      path,
      body,
      headers: { Accept: 'application/json' },
    });
  }
  for (const [name, id] of [
    ['echoed', 'req-11111111-2222-4333-8444-555555555555'],
    ['prefixed', 'my-request'],
    ['trimmed', '  spaced  '],
  ]) {
    cases.push({
      id: `errors/request-id-${name}`,
      group: 'request ids',
      persona: 'owner',
      method: 'GET',
      path: '/v2/images/00000000-0000-4000-8000-000000000000/members',
      headers: { 'X-Openstack-Request-Id': id, Accept: 'application/json' },
    });
  }
  return cases;
}
