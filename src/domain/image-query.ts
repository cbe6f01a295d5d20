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
  const listed = (image: ImageRecord) => image.os_hidden === query.osHidden;
  const selected = [...images].filter(
    (image) =>
      listed(image) &&
      matchesAttributes(image, query.attributes, lookup) &&
      ranges.every((range) => inRange(image, range)) &&
      wanted.every((tag) => image.tags.some((own) => tagKey(own) === tag)) &&
      isListedFor(context, image, query, lookup) &&
      matchesVisibility(context, image, query.visibility, lookup),
  );
  selected.sort(byKeys(withTiebreakers(query.sort), lookup.collate));
  return page(selected, query);
}

/**
 * The SQL `owner = :project` and `member = :project`, so compared as the
 * database compares text. Without a project, Glance's member query keeps
 * only "shared and has a live member": every such image is listed, whatever
 * the member's status.
 */
function isListedFor(context: RequestContext, image: ImageRecord, query: ImageQuery, lookup: ImageLookup) {
  if (context.isAdmin) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  if (context.projectId === null) return image.visibility === 'shared' && lookup.hasMembers(image);
  if (isListedOwner(context, image, lookup)) return true;
  if (image.visibility !== 'shared') return false;
  const member = lookup.memberOf(image, context.projectId);
  return member !== undefined && (query.memberStatus === 'all' || member.status === query.memberStatus);
}

const isListedOwner = (context: RequestContext, image: ImageRecord, lookup: ImageLookup) =>
  context.projectId !== null && image.owner !== null && lookup.sameText(image.owner, context.projectId);

function matchesVisibility(context: RequestContext, image: ImageRecord, visibility: ImageQuery['visibility'], lookup: ImageLookup) {
  if (visibility === 'all') return true;
  if (visibility !== undefined) return image.visibility === visibility;
  return image.visibility !== 'community' || isListedOwner(context, image, lookup);
}

/** Filters on the image's columns, else on its properties (name and value), each compared as the database compares text. */
function matchesAttributes(image: ImageRecord, attributes: Record<string, string>, lookup: ImageLookup): boolean {
  return Object.entries(attributes).every(([key, wanted]) => {
    const value = Object.hasOwn(FILTER_COLUMNS, key) ? columnValue(image, key) : propertyValue(image, key, lookup);
    return value !== undefined && value !== null && lookup.sameText(String(value), wanted);
  });
}

/** The `images` columns a filter can name. */
const FILTER_COLUMNS: Readonly<Record<string, true>> = Object.freeze(
  Object.assign(Object.create(null), {
    name: true, owner: true, status: true, container_format: true, disk_format: true,
    visibility: true, protected: true, min_ram: true, min_disk: true, id: true, os_hidden: true,
    created_at: true, updated_at: true, size: true, virtual_size: true, checksum: true,
    os_hash_algo: true, os_hash_value: true,
  }),
);

function columnValue(image: ImageRecord, key: string): unknown {
  if (!Object.hasOwn(image, key)) return undefined;
  return (image as unknown as Record<string, unknown>)[key];
}

function propertyValue(image: ImageRecord, key: string, lookup: ImageLookup): string | null | undefined {
  for (const [name, value] of Object.entries(image.extra)) if (lookup.sameText(name, key)) return value;
  return undefined;
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

/** SQL ordering, text in the database's collation: NULL sorts first ascending, last descending. */
function byKeys(keys: SortKey[], collate: (text: string) => string) {
  const value = (image: ImageRecord, key: SortKey['key']) => {
    const raw = sortValue(image, key);
    return typeof raw === 'string' ? collate(raw) : raw;
  };
  return (a: ImageRecord, b: ImageRecord): number => {
    for (const { key, dir } of keys) {
      const order = compareValues(value(a, key), value(b, key));
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
