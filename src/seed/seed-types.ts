import type { Visibility } from '../domain/images';
import type { MemberStatus } from '../domain/members.types';

/** The one seed format: for `seed()`, `--seed FILE` (JSON or YAML) and, later, provider states. */
export interface SeedData {
  /** Keystone domains; `default` (named `Default`) exists without being listed. */
  domains?: SeedDomain[];
  projects?: SeedProject[];
  /** Keystone users who can get a token with a password. */
  users?: SeedUser[];
  /** Roles with fixed ids; a role named only in an assignment gets a stable derived id. */
  roles?: SeedRole[];
  role_assignments?: SeedRoleAssignment[];
  tokens?: SeedToken[];
  images?: SeedImage[];
}

export interface SeedDomain {
  id: string;
  name: string;
  description?: string;
  enabled?: boolean;
}

export interface SeedProject {
  id: string;
  name?: string;
  /** Default `default`. */
  domain_id?: string;
  description?: string;
  enabled?: boolean;
}

export interface SeedUser {
  /** Default: a stable id derived from the name and domain. */
  id?: string;
  name: string;
  password: string;
  /** Default `default`. */
  domain_id?: string;
  /** A project (id or name) that an unscoped password request is scoped to, as Keystone's default_project_id. */
  default_project?: string;
  enabled?: boolean;
}

export interface SeedRole {
  id?: string;
  name: string;
}

/** The roles a user (id or name) has on a project (id or name). */
export interface SeedRoleAssignment {
  user: string;
  project: string;
  roles: string[];
}

/** An X-Auth-Token the mock accepts, standing for a project (by id or name), a user and roles. */
export interface SeedToken {
  token: string;
  project?: string | null;
  user?: string | null;
  roles?: string[];
  expires_at?: string;
}

export interface SeedImage {
  id?: string;
  name?: string | null;
  visibility?: Visibility;
  owner?: string | null;
  protected?: boolean;
  os_hidden?: boolean;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
  /** Extra properties, kept as Glance keeps unknown image properties. */
  properties?: Record<string, string>;
  members?: SeedMember[];
}

export interface SeedMember {
  member: string;
  status?: MemberStatus;
  created_at?: string;
  updated_at?: string;
}
