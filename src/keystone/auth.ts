import { isExpired, type TokenIdentity, type TokenRegistry } from '../identity/tokens';
import type { Clock } from '../runtime/clock';
import type { AuthRequest, Reference } from './auth-request';
import type { Domain, KeystoneDirectory, Project, User } from './directory';
import { KeystoneErrors } from './keystone-errors';
import type { KeystoneIds } from './token-ids';

/** The auth methods this Keystone offers (its `[auth] methods`). */
export const SUPPORTED_METHODS = ['password', 'token'];

/** Keystone's `[token] expiration` default: one hour. */
export const TOKEN_LIFETIME_MS = 3600 * 1000;

export interface AuthDeps {
  directory: KeystoneDirectory;
  tokens: TokenRegistry;
  clock: Clock;
  ids: KeystoneIds;
}

export interface IssuedToken {
  id: string;
  identity: TokenIdentity;
}

type Scope = { kind: 'project'; project: Project } | { kind: 'unscoped' } | { kind: 'other' };

interface Authenticated {
  userId: string;
  methods: string[];
  expiresAt?: Date;
  parentAuditId?: string;
  parent?: TokenIdentity;
}

/**
 * keystone.api.auth: check the methods, resolve the scope, authenticate, find
 * the roles on the scope, then issue a token and register it with the
 * instance's TokenRegistry, so Glance's routes see its project and roles.
 */
export function issueToken(request: AuthRequest, deps: AuthDeps): IssuedToken {
  for (const method of request.methods) if (!(method in request.identity)) throw KeystoneErrors.expecting(method, 'identity');
  if (request.methods.some((method) => !SUPPORTED_METHODS.includes(method))) throw KeystoneErrors.unsupportedMethod(SUPPORTED_METHODS);
  const scope = resolveScope(request, deps.directory);
  const who = request.methods.includes('token') ? byToken(request, deps) : byPassword(request, deps.directory);
  const { projectId, roles } = scopedRoles(who, scope, deps.directory);
  const now = new Date(Math.floor(deps.clock.now().getTime() / 1000) * 1000); // Fernet tokens keep whole seconds
  const identity: TokenIdentity = {
    projectId,
    userId: who.userId,
    roles,
    issuedAt: now,
    expiresAt: who.expiresAt ?? new Date(now.getTime() + TOKEN_LIFETIME_MS),
    methods: who.methods,
    auditIds: [deps.ids.auditId(), ...(who.parentAuditId ? [who.parentAuditId] : [])],
  };
  const id = deps.tokens.issue(deps.ids.tokenId(), identity, deps.clock.now());
  return { id, identity };
}

/** keystone.auth.core.AuthInfo._validate_and_normalize_scope_data: the scope is looked up before the user. */
function resolveScope(request: AuthRequest, directory: KeystoneDirectory): Scope {
  const scope = request.scope;
  if (scope === undefined) return { kind: 'unscoped' };
  const given = ['project', 'domain', 'unscoped', 'system', 'OS-TRUST:trust'].filter((key) =>
    typeof scope === 'string' ? scope.includes(key) : Object.hasOwn(scope, key),
  );
  if (given.length !== 1) throw KeystoneErrors.expecting('system, project, domain, OS-TRUST:trust or unscoped', 'scope');
  if (given[0] === 'unscoped') return { kind: 'unscoped' };
  if (given[0] !== 'project' || typeof scope === 'string') {
    if (given[0] === 'domain' && typeof scope !== 'string') lookupDomain(scope.domain ?? {}, directory);
    return { kind: 'other' }; // domain, system and trust scopes: no such role assignments here
  }
  return { kind: 'project', project: lookupProject(scope.project ?? {}, directory) };
}

function lookupProject(ref: Reference, directory: KeystoneDirectory): Project {
  let project: Project | undefined;
  if (ref.name) {
    if (ref.domain === undefined) throw KeystoneErrors.expecting('domain', 'project');
    project = directory.projectByName(ref.name, lookupDomain(ref.domain, directory).id);
  } else {
    project = ref.id === undefined ? undefined : directory.project(ref.id);
    if (project) lookupDomain({ id: project.domainId }, directory);
  }
  if (!project || !project.enabled) throw KeystoneErrors.unauthorized();
  return project;
}

function lookupDomain(ref: { id?: string; name?: string }, directory: KeystoneDirectory): Domain {
  if (!ref.id && !ref.name) throw KeystoneErrors.expecting('id or name', 'domain');
  const domain = ref.name ? directory.domainByName(ref.name) : directory.domain(ref.id as string);
  if (!domain || !domain.enabled) throw KeystoneErrors.unauthorized();
  return domain;
}

/** keystone.auth.plugins.password: every failure is the same 401, whether the user, domain or password was wrong. */
function byPassword(request: AuthRequest, directory: KeystoneDirectory): Authenticated {
  const user = request.password?.user;
  if (!user) throw KeystoneErrors.expecting('user', 'None');
  let found: User | undefined;
  if (user.name) {
    if (user.domain === undefined) throw KeystoneErrors.expecting('domain', 'user');
    found = directory.userByName(user.name, lookupDomain(user.domain, directory).id);
  } else {
    found = directory.user(user.id as string);
    if (found) lookupDomain({ id: found.domainId }, directory);
  }
  if (!found || !found.enabled || user.password === undefined || user.password !== found.password) {
    throw KeystoneErrors.unauthorized();
  }
  return { userId: found.id, methods: ['password'] };
}

/** keystone.auth.plugins.token: the new token keeps the old one's user, expiry and audit chain. */
function byToken(request: AuthRequest, deps: AuthDeps): Authenticated {
  const parent = deps.tokens.find(request.token?.id ?? '', deps.clock.now());
  if (!parent) throw KeystoneErrors.tokenNotRecognized();
  if (isExpired(parent, deps.clock.now())) throw KeystoneErrors.tokenExpired();
  if (parent.userId === null) throw KeystoneErrors.unauthorized();
  const user = deps.directory.user(parent.userId);
  if (user && !user.enabled) throw KeystoneErrors.unauthorized();
  return {
    userId: parent.userId,
    methods: [...new Set(['token', ...(parent.methods ?? ['password'])])],
    expiresAt: parent.expiresAt,
    parentAuditId: parent.auditIds?.[0],
    parent,
  };
}

function scopedRoles(who: Authenticated, scope: Scope, directory: KeystoneDirectory): { projectId: string | null; roles: string[] } {
  if (scope.kind === 'other') throw KeystoneErrors.unauthorized();
  if (scope.kind === 'project') {
    const roles = rolesOn(who, scope.project.id, directory);
    if (roles.length === 0) throw KeystoneErrors.unauthorized();
    return { projectId: scope.project.id, roles };
  }
  // Unscoped: Keystone scopes to the user's default project when the user has a role there.
  const defaultProject = directory.user(who.userId)?.defaultProjectId;
  const project = defaultProject ? directory.project(defaultProject) : undefined;
  const roles = project?.enabled ? rolesOn(who, project.id, directory) : [];
  return roles.length > 0 && project ? { projectId: project.id, roles } : { projectId: null, roles: [] };
}

/** Seed tokens may name users and roles the directory does not know: rescoping to the same project keeps them. */
function rolesOn(who: Authenticated, projectId: string, directory: KeystoneDirectory): string[] {
  const assigned = directory.rolesOn(who.userId, projectId).map((role) => role.name);
  if (assigned.length > 0 || !who.parent || who.parent.projectId !== projectId) return assigned;
  return who.parent.roles;
}
