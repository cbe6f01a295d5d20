import type { Visibility } from '../domain/images';
import type { MemberStatus } from '../domain/members.types';

/** The one seed format: for `seed()`, `--seed FILE` (JSON or YAML) and, later, provider states. */
export interface SeedData {
  projects?: SeedProject[];
  tokens?: SeedToken[];
  images?: SeedImage[];
}

export interface SeedProject {
  id: string;
  name?: string;
  domain_id?: string;
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
