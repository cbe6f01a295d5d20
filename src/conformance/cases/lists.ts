import type { ConformanceCase, ImageFixture, Persona } from '../types';

/**
 * `GET /v2/images` filters on a family of images made for the case: shared
 * images in each member status, a private, a public, a community and a hidden
 * one. `conformance_tag` (an extra-property filter) keeps other data out.
 */
const FAMILY: ImageFixture[] = [
  { visibility: 'shared', name: 'pending-{tag}', members: ['member'] },
  { visibility: 'shared', name: 'accepted-{tag}', members: ['member'], statuses: { member: 'accepted' } },
  { visibility: 'shared', name: 'rejected-{tag}', members: ['member'], statuses: { member: 'rejected' } },
  { visibility: 'private', name: 'private-{tag}', members: [] },
  { visibility: 'public', name: 'public-{tag}', members: [] },
  { visibility: 'community', name: 'community-{tag}', members: [] },
  { visibility: 'shared', name: 'hidden-{tag}', members: ['member'], statuses: { member: 'accepted' }, hidden: true },
];

const QUERIES: Array<[string, string, Persona[]]> = [
  ['default', '', ['member', 'owner', 'stranger', 'admin']],
  ['member-status-pending', 'member_status=pending', ['member']],
  ['member-status-rejected', 'member_status=rejected', ['member']],
  ['member-status-all', 'member_status=all', ['member', 'owner']],
  ['member-status-bogus', 'member_status=bogus', ['member']],
  ['visibility-shared', 'visibility=shared', ['member', 'owner']],
  ['visibility-shared-all', 'visibility=shared&member_status=all', ['member']],
  ['visibility-private', 'visibility=private', ['owner', 'member']],
  ['visibility-public', 'visibility=public', ['stranger']],
  ['visibility-community', 'visibility=community', ['stranger', 'owner']],
  ['visibility-all', 'visibility=all', ['member']],
  ['visibility-bogus', 'visibility=bogus', ['member']],
  ['os-hidden-true', 'os_hidden=true', ['member']],
  ['os-hidden-bogus', 'os_hidden=bogus', ['member']],
  ['name', 'name=accepted-{tag}', ['member']],
  ['owner', 'owner={owner}', ['member']],
  ['unknown-property', 'colour=blue', ['member']],
  ['limit-1', 'limit=1&sort_key=name&sort_dir=asc', ['owner']],
  ['limit-negative', 'limit=-1', ['owner']],
  ['limit-text', 'limit=abc', ['owner']],
  ['sort-by-name', 'sort=name:asc', ['owner']],
  ['sort-key-bogus', 'sort_key=bogus', ['owner']],
  ['sort-dir-bogus', 'sort_dir=bogus', ['owner']],
  ['sort-mixed', 'sort=name:asc&sort_key=name', ['owner']],
  ['marker-unknown', 'marker=00000000-0000-4000-8000-000000000000', ['owner']],
];

export function listCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [name, query, personas] of QUERIES) {
    for (const persona of personas) {
      cases.push({
        id: `lists/${name}/${persona}`,
        group: 'image list filters',
        fixtures: FAMILY,
        persona,
        method: 'GET',
        path: `/v2/images?conformance_tag={tag}${query ? `&${query}` : ''}`,
        headers: { Accept: 'application/json' },
      });
    }
  }
  return cases;
}
