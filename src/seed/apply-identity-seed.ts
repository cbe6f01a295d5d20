import { stableId, type KeystoneDirectory, type Project, type User } from '../keystone/directory';
import { seedProblem } from './load-seed';
import type { SeedData } from './seed-types';

/**
 * The Keystone part of a seed: domains, projects, users, roles and role
 * assignments. Users and projects are referred to by id or name. Every
 * reference is checked here; the returned function stores the result.
 */
export interface IdentityPlan {
  projects: Project[];
  users: User[];
  /** The directory's projects and users with the seed's, for references by id or name. */
  allProjects: Project[];
  allUsers: User[];
  commit(): void;
}

export function planIdentitySeed(directory: KeystoneDirectory, seed: SeedData): IdentityPlan {
  const domains = (seed.domains ?? []).map((d) => ({
    id: d.id,
    name: d.name,
    description: d.description ?? '',
    enabled: d.enabled ?? true,
  }));
  const domainIds = new Set([...directory.listDomains().map((d) => d.id), ...domains.map((d) => d.id)]);
  const knownDomain = (id: string, field: string) => {
    if (!domainIds.has(id)) throw seedProblem(field, `"${id}" is not a seeded domain`);
    return id;
  };
  const projects: Project[] = (seed.projects ?? []).map((p, i) => ({
    id: p.id,
    name: p.name ?? p.id,
    domainId: knownDomain(p.domain_id ?? 'default', `projects[${i}].domain_id`),
    description: p.description ?? '',
    enabled: p.enabled ?? true,
  }));
  const allProjects = [...directory.listProjects(), ...projects];
  const projectRef = (ref: string, field: string) => {
    const project = findByIdOrName(allProjects, ref);
    if (!project) throw seedProblem(field, `"${ref}" is not a seeded project`);
    return project.id;
  };
  const users: User[] = (seed.users ?? []).map((u, i) => {
    const domainId = knownDomain(u.domain_id ?? 'default', `users[${i}].domain_id`);
    return {
      id: u.id ?? stableId('user', `${domainId}:${u.name}`),
      name: u.name,
      domainId,
      password: u.password,
      defaultProjectId: u.default_project === undefined ? null : projectRef(u.default_project, `users[${i}].default_project`),
      enabled: u.enabled ?? true,
    };
  });
  const allUsers = [...directory.listUsers(), ...users];
  const userRef = (ref: string, field: string) => {
    const user = findByIdOrName(allUsers, ref);
    if (!user) throw seedProblem(field, `"${ref}" is not a seeded user`);
    return user.id;
  };
  const assignments = (seed.role_assignments ?? []).map((a, i) => ({
    userId: userRef(a.user, `role_assignments[${i}].user`),
    projectId: projectRef(a.project, `role_assignments[${i}].project`),
    roles: a.roles,
  }));

  const commit = () => {
    for (const domain of domains) directory.putDomain(domain);
    for (const project of projects) directory.putProject(project);
    for (const user of users) directory.putUser(user);
    for (const role of seed.roles ?? []) directory.putRole({ id: role.id ?? stableId('role', role.name), name: role.name });
    for (const { userId, projectId, roles } of assignments) {
      for (const name of roles) if (!directory.roleByName(name)) directory.putRole(directory.roleNamed(name));
      directory.assign(
        userId,
        projectId,
        roles.map((name) => directory.roleNamed(name).id),
      );
    }
  };
  return { projects, users, allProjects, allUsers, commit };
}

/** Seeds refer to projects and users by id, or else by name. */
export function findByIdOrName<T extends { id: string; name: string }>(entries: T[], ref: string): T | undefined {
  return entries.find((e) => e.id === ref) ?? entries.find((e) => e.name === ref);
}
