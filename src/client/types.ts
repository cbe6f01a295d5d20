export type MemberStatus = 'pending' | 'accepted' | 'rejected';
export type ImageVisibility = 'private' | 'shared' | 'community' | 'public';

/** A member as Glance shows it (`/v2/schemas/member`). */
export interface ImageMember {
  member_id: string;
  image_id: string;
  status: MemberStatus;
  created_at: string;
  updated_at: string;
  schema: string;
}

export interface ImageMembers {
  members: ImageMember[];
  schema: string;
}

/** An image as Glance shows it; extra properties are strings beside the built-in keys. */
export interface Image {
  id: string;
  name: string | null;
  visibility: ImageVisibility;
  owner: string | null;
  status: string;
  protected: boolean;
  os_hidden: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  self: string;
  file: string;
  schema: string;
  [property: string]: unknown;
}

export interface ImageList {
  images: Image[];
  first: string;
  schema: string;
  /** Present when another page follows. */
  next?: string;
}

export interface CreateImage {
  id?: string;
  name?: string | null;
  visibility?: ImageVisibility;
  /** Only an admin may name another owner (or none). */
  owner?: string | null;
  protected?: boolean;
  tags?: string[];
  [property: string]: unknown;
}

export interface ListImages {
  /** `pending`, `accepted` (Glance's default for shared images), `rejected` or `all`. */
  member_status?: MemberStatus | 'all';
  visibility?: ImageVisibility | 'all';
  owner?: string;
  name?: string;
  limit?: number;
  marker?: string;
}

/**
 * How the client proves who it is: a Keystone token, or the headers
 * keystonemiddleware hands to Glance (for a Glance whose pipeline trusts them,
 * and for the mock).
 */
export type GlanceAuth =
  | { token: string }
  | { projectId: string; roles?: string[]; userId?: string }
  /** No identity at all (every call gets Glance's 401 behind Keystone). */
  | { none: true };
