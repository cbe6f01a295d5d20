import type { ConformanceCase, ImageFixture, Persona } from '../types';

/** The image states of the matrix: its visibility, or a shared image whose members both accepted. */
const FIXTURES: Record<string, ImageFixture> = {
  shared: { visibility: 'shared' },
  'shared-accepted': { visibility: 'shared', statuses: { member: 'accepted', member2: 'accepted' } },
  private: { visibility: 'private' },
  public: { visibility: 'public' },
  community: { visibility: 'community' },
  'no-owner': { visibility: 'no-owner' },
  deleted: { visibility: 'deleted' },
};
const PERSONAS: Persona[] = ['owner', 'member', 'member2', 'stranger', 'admin', 'noroles'];

/** Every member call, and the image itself, by persona and visibility. */
const OPERATIONS: Record<string, Pick<ConformanceCase, 'method' | 'path' | 'body'>> = {
  get_image: { method: 'GET', path: '/v2/images/{image}' },
  list: { method: 'GET', path: '/v2/images/{image}/members' },
  show_member: { method: 'GET', path: '/v2/images/{image}/members/{member}' },
  show_self: { method: 'GET', path: '/v2/images/{image}/members/{self}' },
  show_unknown: { method: 'GET', path: '/v2/images/{image}/members/nobody' },
  create: { method: 'POST', path: '/v2/images/{image}/members', body: { json: { member: 'new-{run}' } } },
  update_member: { method: 'PUT', path: '/v2/images/{image}/members/{member}', body: { json: { status: 'accepted' } } },
  update_self: { method: 'PUT', path: '/v2/images/{image}/members/{self}', body: { json: { status: 'accepted' } } },
  update_bad: { method: 'PUT', path: '/v2/images/{image}/members/{member}', body: { json: { status: 'bogus' } } },
  delete_member: { method: 'DELETE', path: '/v2/images/{image}/members/{member}' },
  delete_self: { method: 'DELETE', path: '/v2/images/{image}/members/{self}' },
};

export function memberMatrixCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [visibility, fixture] of Object.entries(FIXTURES)) {
    for (const persona of PERSONAS) {
      for (const [op, call] of Object.entries(OPERATIONS)) {
        cases.push({
          id: `matrix/${visibility}/${persona}/${op}`,
          group: 'persona x visibility',
          fixtures: [fixture],
          persona,
          ...call,
        });
      }
    }
  }
  for (const [op, call] of Object.entries(OPERATIONS)) {
    cases.push({ id: `matrix/shared/none/${op}`, group: 'no identity', fixtures: [{ visibility: 'shared' }], persona: 'none', ...call });
  }
  return cases;
}
