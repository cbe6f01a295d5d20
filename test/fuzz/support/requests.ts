/**
 * The pieces of hostile requests: who calls, what Accept selects, and a mock
 * with one shared image (owner OWNER, pending member MEMBER) to aim them at.
 */
import fc from 'fast-check';
import { identity } from '../../helpers/personas';
import type { ErrorFormat, Profile } from './answers';
import { startFuzzMock, type FuzzMock } from './wire';

export const OWNER = 'fuzz-owner';
export const MEMBER = 'fuzz-member';
export const STRANGER = 'fuzz-stranger';

export const callers = {
  owner: identity(OWNER),
  member: identity(MEMBER),
  stranger: identity(STRANGER),
  admin: identity('fuzz-admin', 'admin,member,reader'),
};

/** Accept headers whose choice among webob's formats was pinned on the real Glance. */
export const ACCEPTS: Array<{ accept: string | undefined; format: ErrorFormat }> = [
  { accept: undefined, format: 'plain' },
  { accept: 'text/plain', format: 'plain' },
  { accept: 'application/json', format: 'json' },
  { accept: 'text/html', format: 'html' },
  { accept: '*/*', format: 'html' },
  { accept: 'application/xml', format: 'plain' },
  { accept: 'application/json;q=0.9, text/html;q=0.8', format: 'json' },
];

export const acceptChoice = fc.constantFrom(...ACCEPTS);

export const withAccept = (headers: Record<string, string>, accept: string | undefined) =>
  accept === undefined ? headers : { ...headers, Accept: accept };

export interface Target {
  mock: FuzzMock;
  profile: Profile;
  imageId: string;
}

/** A mock of the profile with a shared image of OWNER that MEMBER is a pending member of. */
export async function startTarget(profile: Profile): Promise<Target> {
  const mock = await startFuzzMock({ dbProfile: profile, ids: `fuzz-${profile}` });
  const created = await mock.send({
    method: 'POST',
    path: '/v2/images',
    headers: callers.owner,
    body: '{"name": "fuzz", "visibility": "shared"}',
  });
  const imageId = (JSON.parse(created.text) as { id: string }).id;
  const added = await mock.send({
    method: 'POST',
    path: `/v2/images/${imageId}/members`,
    headers: callers.owner,
    body: `{"member": "${MEMBER}"}`,
  });
  if (added.status !== 200) throw new Error(`fixture: ${added.status} ${added.text}`);
  return { mock, profile, imageId };
}
