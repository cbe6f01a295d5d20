import type { RequestContext } from './context';

export const VISIBILITIES = ['private', 'shared', 'community', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const isVisibility = (value: unknown): value is Visibility =>
  typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value);

/** An image as the store keeps it. Timestamps are Glance-formatted strings. */
export interface ImageRecord {
  id: string;
  name: string | null;
  visibility: Visibility;
  owner: string | null;
  status: string;
  protected: boolean;
  os_hidden: boolean;
  min_ram: number;
  min_disk: number;
  disk_format: string | null;
  container_format: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  /**
   * Properties that are not `images` columns, kept as given, in order: the
   * image schema's own (kernel_id may be null) and its additionalProperties.
   * A bag from `propertyBag`, so any name a user picks is just a name.
   */
  extra: Properties;
  /**
   * Names of removed properties: Glance soft-deletes their rows, which still
   * hold their place in the (image_id, name) unique key.
   */
  removedProperties?: readonly string[];
  deleted: boolean;
  /** Set once data is stored (see image-data.ts); absent or null before. */
  size?: number | null;
  virtual_size?: number | null;
  checksum?: string | null;
  os_hash_algo?: string | null;
  os_hash_value?: string | null;
}

export type Properties = Record<string, string | null>;

/** A property bag without a prototype: `toString`, `constructor` or `__proto__` are names like any other. */
export function propertyBag(from: Readonly<Properties> = {}): Properties {
  const bag = Object.create(null) as Properties;
  for (const [name, value] of Object.entries(from)) bag[name] = value;
  return bag;
}

export const hasProperty = (properties: Readonly<Properties>, name: string): boolean => Object.hasOwn(properties, name);

/** Glance's `is_image_visible` (glance/db/utils.py), member lookup injected. */
export function isImageVisible(
  context: RequestContext,
  image: ImageRecord,
  isMember: (image: ImageRecord, project: string) => boolean,
): boolean {
  if (context.isAdmin) return true;
  if (image.owner === null) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  if (context.projectId === null) return false;
  if (context.projectId === image.owner) return true;
  return image.visibility === 'shared' && isMember(image, context.projectId);
}

export const isOwner = (context: RequestContext, image: ImageRecord): boolean =>
  context.projectId !== null && image.owner !== null && context.projectId === image.owner;
