import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageLookup } from './image-lookup';
import type { ImageRecord, Visibility } from './images';
import type { MemberStatus } from './members.types';

export type MemberStatusFilter = MemberStatus | 'all';

/** A validated `GET /v2/images` query. */
export interface ImageQuery {
  memberStatus: MemberStatusFilter;
  visibility?: Visibility | 'all';
  osHidden: boolean;
  /** Exact-match filters on image attributes (name, owner, status) and extra properties. */
  attributes: Record<string, string>;
  /** `size_min=` and the like: an image without a value never matches. */
  ranges?: Array<{ column: 'size' | 'virtual_size' | 'min_ram' | 'min_disk'; bound: 'min' | 'max'; value: string }>;
  /** Tags an image must all carry. */
  tags?: string[];
  limit: number;
  marker?: string;
  /** Sort keys in order; Glance appends `created_at` and `id` when missing. */
  sort: SortKey[];
}

export const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
export interface SortKey {
  key: (typeof SORT_KEYS)[number];
  dir: 'asc' | 'desc';
}

/**
 * Glance's `image_get_all` for a caller (glance/db/sqlalchemy/api.py): admins
 * see every image; others see their own images, public and community images,
 * and shared images where they are a member in the requested status. Community
 * images appear only when asked for by visibility or when owned by the caller.
 * Sorted newest first (`created_at desc, id desc`).
 */
export function selectImages(
  context: RequestContext,
  images: Iterable<ImageRecord>,
  query: ImageQuery,
  lookup: ImageLookup,
  /** How the database compares tag values (MySQL's collation folds case); exact by default. */
  tagKey: (tag: string) => string = (tag) => tag,
): ImageRecord[] {
  const wanted = (query.tags ?? []).map(tagKey);
  const ranges = (query.ranges ?? []).map(parseRange);
  const listed = (image: ImageRecord) => !image.deleted && image.os_hidden === query.osHidden;
  const selected = [...images].filter(
    (image) =>
      listed(image) &&
      matchesAttributes(image, query.attributes) &&
      ranges.every((range) => inRange(image, range)) &&
      wanted.every((tag) => image.tags.some((own) => tagKey(own) === tag)) &&
      isListedFor(context, image, query, lookup) &&
      matchesVisibility(context, image, query.visibility),
  );
  selected.sort(byKeys(withTiebreakers(query.sort)));
  return page(selected, query);
}

function isListedFor(context: RequestContext, image: ImageRecord, query: ImageQuery, lookup: ImageLookup) {
  if (context.isAdmin) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  if (context.projectId === null) return false;
  if (image.owner === context.projectId) return true;
  if (image.visibility !== 'shared') return false;
  const member = lookup.memberOf(image, context.projectId);
  return member !== undefined && (query.memberStatus === 'all' || member.status === query.memberStatus);
}

function matchesVisibility(context: RequestContext, image: ImageRecord, visibility: ImageQuery['visibility']) {
  if (visibility === 'all') return true;
  if (visibility !== undefined) return image.visibility === visibility;
  return image.visibility !== 'community' || (context.projectId !== null && image.owner === context.projectId);
}

function matchesAttributes(image: ImageRecord, attributes: Record<string, string>): boolean {
  return Object.entries(attributes).every(([key, wanted]) => {
    const base = (image as unknown as Record<string, unknown>)[key];
    const value = key in image && key !== 'extra' ? base : image.extra[key];
    return value !== undefined && value !== null && String(value) === wanted;
  });
}

type Range = NonNullable<ImageQuery['ranges']>[number];

/** The database layer's `int()` of a range value (glance/db/sqlalchemy/api.py), else 400. */
function parseRange(range: Range): Omit<Range, 'value'> & { value: number } {
  if (!/^\s*[+-]?\d+\s*$/.test(range.value)) throw GlanceErrors.rangeNotNumeric();
  return { ...range, value: Number(range.value) };
}

function inRange(image: ImageRecord, range: ReturnType<typeof parseRange>): boolean {
  const value = image[range.column];
  if (value === undefined || value === null) return false;
  return range.bound === 'min' ? value >= range.value : value <= range.value;
}

function withTiebreakers(sort: SortKey[]): SortKey[] {
  const keys = [...sort];
  const dir = sort[0]?.dir ?? 'desc';
  for (const key of ['created_at', 'id'] as const) {
    if (!keys.some((k) => k.key === key)) keys.push({ key, dir });
  }
  return keys;
}

/** SQL ordering: NULL sorts first ascending, last descending. */
function byKeys(keys: SortKey[]) {
  return (a: ImageRecord, b: ImageRecord): number => {
    for (const { key, dir } of keys) {
      const order = compareValues(sortValue(a, key), sortValue(b, key));
      if (order !== 0) return dir === 'asc' ? order : -order;
    }
    return 0;
  };
}

function sortValue(image: ImageRecord, key: SortKey['key']): string | number | null {
  return key === 'size' ? (image.size ?? null) : image[key];
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function page(images: ImageRecord[], query: ImageQuery): ImageRecord[] {
  const start = query.marker === undefined ? 0 : images.findIndex((image) => image.id === query.marker) + 1;
  return images.slice(start, start + query.limit);
}
