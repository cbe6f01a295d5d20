import type { CaseBody, ConformanceCase } from '../types';

const CREATE_BODIES: Record<string, CaseBody | undefined> = {
  missing: undefined,
  'empty-object': { json: {} },
  'member_id-only': { json: { member_id: 'x-{run}' } },
  'member-and-member_id': { json: { member_id: 'ignored', member: 'both-{run}' } },
  'extra-keys': { json: { member: 'extra-{run}', status: 'accepted', foo: 1 } },
  'empty-member': { json: { member: '' } },
  'null-member': { json: { member: null } },
  'zero-member': { json: { member: 0 } },
  'false-member': { json: { member: false } },
  'empty-list-member': { json: { member: [] } },
  'empty-object-member': { json: { member: {} } },
  'number-member': { json: { member: 123 } },
  'float-member': { json: { member: 1.5 } },
  'true-member': { json: { member: true } },
  'list-member': { json: { member: ['a'] } },
  'object-member': { json: { member: { a: 1 } } },
  'nan-member': { raw: '{"member": NaN}' },
  'space-member': { json: { member: ' ' } },
  'array-body': { json: ['x'] },
  'empty-array-body': { json: [] },
  'string-body': { json: 'member' },
  'number-body': { raw: '123' },
  'true-body': { raw: 'true' },
  'null-body': { raw: 'null' },
  malformed: { raw: '{"member": ' },
  'trailing-garbage': { raw: '{"member": "x"} x' },
  bom: { raw: '\ufeff{"member": "x"}' },
  whitespace: { raw: '   ' },
  'duplicate-keys': { raw: '{"member": "a-{run}", "member": "b-{run}"}' },
  chunked: { chunks: ['{"member": ', '"chunked-{run}"}'] },
  'chunked-malformed': { chunks: ['{"member": ', '"x"'] },
  emoji: { json: { member: 'proj\u{1F600}' } },
};

const STATUS_BODIES: Record<string, CaseBody | undefined> = {
  missing: undefined,
  'empty-object': { json: {} },
  'other-key': { json: { member_status: 'accepted' } },
  'extra-keys': { json: { status: 'rejected', member: 'x' } },
  'null-status': { json: { status: null } },
  'number-status': { json: { status: 1 } },
  'empty-status': { json: { status: '' } },
  'upper-status': { json: { status: 'ACCEPTED' } },
  'spaced-status': { json: { status: ' accepted' } },
  'list-status': { json: { status: ['accepted'] } },
  'true-status': { json: { status: true } },
  'array-body': { json: [{ status: 'accepted' }] },
  'string-body': { json: 'accepted' },
  malformed: { raw: '{"status"' },
  chunked: { chunks: ['{"status": ', '"accepted"}'] },
};

const CONTENT_TYPES = ['text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8'];

export function bodyCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [name, body] of Object.entries(CREATE_BODIES)) {
    cases.push({
      id: `bodies/create/${name}`,
      group: 'create body',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method: 'POST',
      path: '/v2/images/{image}/members',
      body,
    });
  }
  for (const name of ['missing', 'empty-object', 'array-body', 'malformed']) {
    cases.push({
      id: `bodies/create-on-missing-image/${name}`,
      group: 'create body',
      persona: 'owner',
      method: 'POST',
      path: '/v2/images/00000000-0000-4000-8000-000000000000/members',
      body: CREATE_BODIES[name],
    });
  }
  for (const [name, body] of Object.entries(STATUS_BODIES)) {
    cases.push({
      id: `bodies/update/${name}`,
      group: 'update body',
      fixtures: [{ visibility: 'shared' }],
      persona: 'member',
      method: 'PUT',
      path: '/v2/images/{image}/members/{member}',
      body,
    });
  }
  for (const type of CONTENT_TYPES) {
    cases.push({
      id: `bodies/create-content-type/${type}`,
      group: 'request content type',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method: 'POST',
      path: '/v2/images/{image}/members',
      headers: { 'Content-Type': type },
      body: { json: { member: 'typed-{run}' } },
    });
  }
  for (const [method, path] of [
    ['GET', '/v2/images/{image}/members'],
    ['GET', '/v2/images/{image}/members/{member}'],
    ['DELETE', '/v2/images/{image}/members/{member}'],
    ['GET', '/v2/images/{image}'],
    ['GET', '/v2/images?conformance_tag={tag}'],
  ]) {
    cases.push({
      id: `bodies/unexpected-body/${method} ${path}`,
      group: 'body where none is expected',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method,
      path,
      body: { raw: '{}' },
    });
  }
  // Only a declared Content-Length counts as an unexpected body; a chunked one is ignored.
  for (const [method, path] of [
    ['GET', '/v2/images/{image}/members'],
    ['DELETE', '/v2/images/{image}/members/{member}'],
  ]) {
    cases.push({
      id: `bodies/unexpected-chunked-body/${method} ${path}`,
      group: 'body where none is expected',
      fixtures: [{ visibility: 'shared' }],
      persona: 'owner',
      method,
      path,
      body: { chunks: ['{}'] },
    });
  }
  return cases;
}
