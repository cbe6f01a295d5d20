import type { Visibility } from './images';

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
  extra: Record<string, string>;
}

/** A validated JSON-patch document, reduced to the attributes it sets. */
export interface ImagePatch {
  name?: string | null;
  visibility?: Visibility;
  owner?: string | null;
  /** Changes to extra properties, in the order given. */
  extra: Array<{ op: 'add' | 'replace' | 'remove'; name: string; value?: string }>;
}
