/**
 * The callers of the tests, as keystonemiddleware hands them to Glance: the
 * same headers work against the mock and against a real Glance in
 * trusted-header mode.
 */
export type Headers = Record<string, string>;

export const identity = (projectId: string, roles = 'member,reader', userId = `user-of-${projectId}`): Headers => ({
  'X-Identity-Status': 'Confirmed',
  'X-Project-Id': projectId,
  'X-User-Id': userId,
  'X-Roles': roles,
});

export const OWNER = 'owner-project';
export const MEMBER = 'member-project';
export const OTHER_MEMBER = 'other-member-project';
export const STRANGER = 'stranger-project';
export const ADMIN_PROJECT = 'admin-project';

export const personas = {
  owner: identity(OWNER),
  member: identity(MEMBER),
  otherMember: identity(OTHER_MEMBER),
  stranger: identity(STRANGER),
  admin: identity(ADMIN_PROJECT, 'admin,member,reader'),
  noIdentity: {} as Headers,
};
