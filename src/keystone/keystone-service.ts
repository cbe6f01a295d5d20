import { hasRole } from '../domain/context';
import { isExpired, type TokenIdentity, type TokenRegistry } from '../identity/tokens';
import type { Clock } from '../runtime/clock';
import { issueToken, type IssuedToken } from './auth';
import { parseAuthRequest } from './auth-request';
import type { Domain, KeystoneDirectory, Project } from './directory';
import { KeystoneErrors } from './keystone-errors';
import type { KeystoneIds } from './token-ids';

export interface KeystoneServiceDeps {
  directory: KeystoneDirectory;
  tokens: TokenRegistry;
  clock: Clock;
  ids: KeystoneIds;
}

/**
 * The Keystone v3 calls that clients make before they talk to Glance, with
 * Keystone Zed's default policy in its legacy reading (enforce_scope off):
 * `admin` may read everything; others their own token, project and domain.
 */
export class KeystoneService {
  constructor(private readonly deps: KeystoneServiceDeps) {}

  authenticate(body: unknown): IssuedToken {
    return issueToken(parseAuthRequest(body), this.deps);
  }

  /** The caller of an authenticated call: its X-Auth-Token must be known and unexpired (keystone's 401 otherwise). */
  caller(authToken: string | undefined): TokenIdentity {
    const identity = authToken ? this.deps.tokens.lookup(authToken, this.deps.clock.now()) : undefined;
    if (!identity) throw KeystoneErrors.unauthorized();
    return identity;
  }

  /** identity:validate_token: the subject token is checked first (404), then the policy: admin, service or the token's own user. */
  validate(caller: TokenIdentity, subjectToken: string | undefined): IssuedToken {
    const subject = subjectToken ? this.deps.tokens.find(subjectToken, this.deps.clock.now()) : undefined;
    if (subjectToken && !subject) throw KeystoneErrors.tokenNotRecognized();
    if (subject && isExpired(subject, this.deps.clock.now())) throw KeystoneErrors.tokenExpired();
    const ownToken = subject !== undefined && subject.userId === caller.userId;
    if (!isAdmin(caller) && !hasRole(caller.roles, 'service') && !ownToken) throw KeystoneErrors.forbidden('identity:validate_token');
    if (!subjectToken || !subject) throw KeystoneErrors.noSubjectToken();
    return { id: subjectToken, identity: subject };
  }

  /** identity:list_projects; filters `name`, `domain_id`, `enabled`; any other query parameter is ignored. */
  listProjects(caller: TokenIdentity, query: URLSearchParams): Project[] {
    if (!isAdmin(caller)) throw KeystoneErrors.forbidden('identity:list_projects');
    return this.deps.directory
      .listProjects()
      .filter((p) => !query.has('name') || p.name === query.get('name'))
      .filter((p) => !query.has('domain_id') || p.domainId === query.get('domain_id'))
      .filter((p) => !query.has('enabled') || String(p.enabled) === truthy(query.get('enabled')));
  }

  /** identity:get_project: admin, or a token scoped to that project (checked before the lookup, so others get 403). */
  getProject(caller: TokenIdentity, id: string): Project {
    if (!isAdmin(caller) && caller.projectId !== id) throw KeystoneErrors.forbidden('identity:get_project');
    const project = this.deps.directory.project(id);
    if (!project) throw KeystoneErrors.projectNotFound(id);
    return project;
  }

  /** identity:list_domains; filters `name`, `enabled`. */
  listDomains(caller: TokenIdentity, query: URLSearchParams): Domain[] {
    if (!isAdmin(caller)) throw KeystoneErrors.forbidden('identity:list_domains');
    return this.deps.directory
      .listDomains()
      .filter((d) => !query.has('name') || d.name === query.get('name'))
      .filter((d) => !query.has('enabled') || String(d.enabled) === truthy(query.get('enabled')));
  }

  /** identity:get_domain: admin, or a token whose project is in that domain. */
  getDomain(caller: TokenIdentity, id: string): Domain {
    const callerDomain = caller.projectId === null ? undefined : this.deps.directory.project(caller.projectId)?.domainId;
    if (!isAdmin(caller) && callerDomain !== id) throw KeystoneErrors.forbidden('identity:get_domain');
    const domain = this.deps.directory.domain(id);
    if (!domain) throw KeystoneErrors.domainNotFound(id);
    return domain;
  }
}

const isAdmin = (caller: TokenIdentity) => hasRole(caller.roles, 'admin');

/** Keystone's boolean query values: `0`, `false`, `f`, `n`, `no`, `off` are false (case-insensitive). */
function truthy(value: string | null): string {
  return ['0', 'false', 'f', 'n', 'no', 'off'].includes((value ?? '').toLowerCase()) ? 'false' : 'true';
}
