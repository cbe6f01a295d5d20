/**
 * Who is calling, as Glance's RequestContext sees it after keystonemiddleware:
 * the project (Glance's `owner`), the user and the roles. Built by the identity
 * layer from trusted headers or a token; the domain reads nothing else.
 */
export interface RequestContext {
  readonly projectId: string | null;
  readonly userId: string | null;
  readonly roles: readonly string[];
  /** Glance's `context_is_admin` rule: `role:admin`, compared case-insensitively by oslo.policy. */
  readonly isAdmin: boolean;
}

export function requestContext(fields: { projectId?: string | null; userId?: string | null; roles?: readonly string[] }): RequestContext {
  const roles = (fields.roles ?? []).map((role) => role.trim()).filter((role) => role !== '');
  return {
    projectId: fields.projectId ?? null,
    userId: fields.userId ?? null,
    roles,
    isAdmin: hasRole(roles, 'admin'),
  };
}

export function hasRole(roles: readonly string[], role: string): boolean {
  return roles.some((r) => r.toLowerCase() === role);
}
