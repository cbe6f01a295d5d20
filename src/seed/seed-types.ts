import type { Visibility } from '../domain/images';
import type { MemberStatus } from '../domain/members.types';
import type { IMAGE_STATUSES } from './seed-schema';

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
  /** Ids of deleted images: Glance never gives them out again (an exported state lists them). */
  deleted_image_ids?: string[];
  /** Where a seeded id source's streams stand (`ids: <seed>`): the next image and request ids follow on. */
  id_streams?: SeedIdStreams;
}

export interface SeedIdStreams {
  /** How many image ids were drawn. */
  images: number;
  /** How many request ids were drawn (token ids come from this stream too). */
  requests: number;
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
  /** For a token the built-in Keystone issued: what its token validation shows. */
  issued_at?: string;
  methods?: string[];
  audit_ids?: string[];
}

export type SeedImageStatus = (typeof IMAGE_STATUSES)[number];

export interface SeedImage {
  /**
   * The image's name within the document: the appliers' results map it (or
   * else the id, or else the image's index) to the id the image got.
   */
  key?: string;
  id?: string;
  name?: string | null;
  visibility?: Visibility;
  owner?: string | null;
  /** Default `queued`, or `active` when data is given. */
  status?: SeedImageStatus;
  protected?: boolean;
  os_hidden?: boolean;
  min_ram?: number;
  min_disk?: number;
  disk_format?: string | null;
  container_format?: string | null;
  /** Computed from the data when it is given and these are not. */
  size?: number | null;
  virtual_size?: number | null;
  checksum?: string | null;
  os_hash_algo?: string | null;
  os_hash_value?: string | null;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
  /** Extra properties, kept as Glance keeps unknown image properties (the schema's own, like kernel_id, may be null). */
  properties?: Record<string, string | null>;
  /** Names of removed properties, whose deleted rows Glance keeps. */
  removed_properties?: string[];
  /** The image's data as text (UTF-8). */
  data?: string;
  /** The image's data, base64-encoded (an exported state uses this). */
  data_base64?: string;
  /** The image was deleted: its id is taken and it answers 404. */
  deleted?: boolean;
  members?: SeedMember[];
}

export interface SeedMember {
  member: string;
  status?: MemberStatus;
  created_at?: string;
  updated_at?: string;
  /**
   * A removed membership whose row Glance keeps: re-adding that member takes
   * back its place in the list. Members are listed in row order.
   */
  deleted?: boolean;
}
