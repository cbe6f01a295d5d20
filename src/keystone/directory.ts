import { createHash } from 'node:crypto';

/** Keystone's resources, as far as token issue and name lookups need them. */
export interface Domain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}

export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
}

export interface User {
  id: string;
  name: string;
  domainId: string;
  password: string;
  defaultProjectId: string | null;
  enabled: boolean;
}

export interface Role {
  id: string;
  name: string;
}

/** The domain `keystone-manage bootstrap` creates and every Keystone has. */
export const DEFAULT_DOMAIN: Domain = { id: 'default', name: 'Default', description: 'The default domain', enabled: true };

/** A 32-hex id that stays the same for the same kind and key, like the uuid4 hex ids Keystone hands out. */
export function stableId(kind: string, key: string): string {
  return createHash('sha256').update(`${kind}:${key}`).digest('hex').slice(0, 32);
}

/**
 * The identity backend of one mock instance: domains, projects, users, roles
 * and role assignments on projects. Names are looked up within a domain, as
 * Keystone does; ids are unique across the instance.
 */
export class KeystoneDirectory {
  private readonly domains = new Map<string, Domain>();
  private readonly projects = new Map<string, Project>();
  private readonly users = new Map<string, User>();
  private readonly roles = new Map<string, Role>();
  /** `${userId} ${projectId}` → role ids, in the order assigned. */
  private readonly assignments = new Map<string, string[]>();
  /** The same key → [user id, project id] (ids may hold spaces). */
  private readonly assignmentPairs = new Map<string, [string, string]>();

  constructor() {
    this.clear();
  }

  clear(): void {
    for (const map of [this.domains, this.projects, this.users, this.roles, this.assignments, this.assignmentPairs]) map.clear();
    this.domains.set(DEFAULT_DOMAIN.id, DEFAULT_DOMAIN);
  }

  putDomain(domain: Domain): void {
    this.domains.set(domain.id, domain);
  }

  putProject(project: Project): void {
    this.projects.set(project.id, project);
  }

  putUser(user: User): void {
    this.users.set(user.id, user);
  }

  putRole(role: Role): void {
    this.roles.set(role.id, role);
  }

  assign(userId: string, projectId: string, roleIds: string[]): void {
    const key = `${userId} ${projectId}`;
    const current = this.assignments.get(key) ?? [];
    this.assignments.set(key, [...current, ...roleIds.filter((id) => !current.includes(id))]);
    this.assignmentPairs.set(key, [userId, projectId]);
  }

  domain(id: string): Domain | undefined {
    return this.domains.get(id);
  }

  domainByName(name: string): Domain | undefined {
    return [...this.domains.values()].find((d) => d.name === name);
  }

  listDomains(): Domain[] {
    return [...this.domains.values()];
  }

  project(id: string): Project | undefined {
    return this.projects.get(id);
  }

  projectByName(name: string, domainId: string): Project | undefined {
    return [...this.projects.values()].find((p) => p.name === name && p.domainId === domainId);
  }

  listProjects(): Project[] {
    return [...this.projects.values()];
  }

  user(id: string): User | undefined {
    return this.users.get(id);
  }

  userByName(name: string, domainId: string): User | undefined {
    return [...this.users.values()].find((u) => u.name === name && u.domainId === domainId);
  }

  listUsers(): User[] {
    return [...this.users.values()];
  }

  role(id: string): Role | undefined {
    return this.roles.get(id);
  }

  roleByName(name: string): Role | undefined {
    return [...this.roles.values()].find((r) => r.name === name);
  }

  /** Every assignment: a user's role ids on a project, in the order assigned. */
  listAssignments(): Array<{ userId: string; projectId: string; roleIds: string[] }> {
    return [...this.assignmentPairs.entries()].map(([key, [userId, projectId]]) => ({
      userId,
      projectId,
      roleIds: this.assignments.get(key) ?? [],
    }));
  }

  listRoles(): Role[] {
    return [...this.roles.values()];
  }

  /** The roles a user has on a project (none: the user cannot scope to it). */
  rolesOn(userId: string, projectId: string): Role[] {
    const ids = this.assignments.get(`${userId} ${projectId}`) ?? [];
    return ids.map((id) => this.roles.get(id)).filter((role): role is Role => role !== undefined);
  }

  /** A role as a token names it: a seeded role, or one with a derived id (for seed tokens' free-form roles). */
  roleNamed(name: string): Role {
    return this.roleByName(name) ?? { id: stableId('role', name), name };
  }
}
