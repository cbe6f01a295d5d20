import type { Properties, Visibility } from './images';

/** A validated `POST /v2/images` body. `owner: null` is an admin's image without owner. */
export interface ImageDraft {
  id?: string;
  name?: string | null;
  visibility?: Visibility;
  owner?: string | null;
  protected?: boolean;
  os_hidden?: boolean;
  min_ram?: number;
  min_disk?: number;
  disk_format?: string | null;
  container_format?: string | null;
  tags?: string[];
  extra: Properties;
  /** A read-only column given anyway: ImageFactory refuses it after the policy checks. */
  readOnly?: string;
  /** `locations` given: ImageFactory's reserved-property check refuses it, last. */
  locations?: boolean;
}

/** One validated JSON-patch change on a single top-level attribute. */
export interface ImageChange {
  op: 'add' | 'replace' | 'remove';
  /** The attribute: a base one (name, visibility, owner, protected, ...) or an extra property. */
  name: string;
  value?: unknown;
  /** The second level of a `/locations/<index>` pointer. */
  item?: string;
}

/** Base attributes a patch may set (the others are read-only or not modelled). */
export const PATCHABLE_ATTRIBUTES = [
  'name',
  'visibility',
  'owner',
  'protected',
  'os_hidden',
  'min_ram',
  'min_disk',
  'disk_format',
  'container_format',
  'tags',
] as const;
