import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { CallerKeys, ImageLookup } from './image-lookup';
import type { GlanceStore } from './ports/image-store';
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
 * Sorted newest first (`created_at desc, id desc`); the page starts after the
 * marker when the marker is among the selected images.
 *
 * A caller with a project reads only the store's indexes (its own images, the
 * public or community ones the query can show, its memberships), so a list
 * costs what the caller can see, and only the page is kept sorted.
 */
export function selectImages(
  context: RequestContext,
  store: GlanceStore,
  query: ImageQuery,
  lookup: ImageLookup,
  marker?: ImageRecord,
  /** How the database compares tag values (MySQL's collation folds case); exact by default. */
  tagKey: (tag: string) => string = (tag) => tag,
  /** False: the scan every caller who sees every image had before the creation-order index (kept to test the index against). */
  useIndex = true,
): ImageRecord[] {
  const scope = listScope(context, store, lookup);
  const filters = attributeFilters(query.attributes, lookup);
  const wanted = (query.tags ?? []).map(tagKey);
  const ranges = (query.ranges ?? []).map(parseRange);
  // `member`: the status of the caller's live membership of the image, where the image is shared and not the caller's.
  const selected = (image: ImageRecord, member: MemberStatus | undefined) =>
    image.os_hidden === query.osHidden &&
    matchesAttributes(image, filters, lookup) &&
    ranges.every((range) => inRange(image, range)) &&
    wanted.every((tag) => image.tags.some((own) => tagKey(own) === tag)) &&
    isListedFor(image, member, query, scope) &&
    matchesVisibility(image, query.visibility, scope);
  const order = withTiebreakers(query.sort);
  const compare = byKeys(order, lookup);
  const after = marker !== undefined && selected(marker, lookup.callerMembership(context, marker)?.status) ? marker : undefined;
  const direction = creationDirection(order);
  if (useIndex && direction !== undefined && (context.isAdmin || scope.keys === null)) {
    return pageInCreationOrder(store.imagesByCreation(), direction, after, compare, (image) => selected(image, undefined), query.limit);
  }
  const rows: ImageRecord[] = [];
  visitCandidates(context, store, query, scope, (image, member) => {
    if (selected(image, member) && (after === undefined || compare(image, after) > 0)) rows.push(image);
  });
  return firstInOrder(rows, compare, query.limit);
}

/** 'asc' or 'desc' when the order is `created_at` then `id`, both that way (Glance's default is desc). */
function creationDirection(order: SortKey[]): SortKey['dir'] | undefined {
  if (order.length !== 2 || order[0].key !== 'created_at' || order[1].key !== 'id' || order[0].dir !== order[1].dir) return undefined;
  return order[0].dir;
}

/**
 * A caller who sees every image (an admin, or a caller without a project)
 * in creation order: the page is read from the store's creation index,
 * starting after the marker, so it costs the page and the images filtered
 * out on the way, not every image and a sort.
 */
function pageInCreationOrder(
  ascending: readonly ImageRecord[],
  direction: SortKey['dir'],
  after: ImageRecord | undefined,
  compare: (a: ImageRecord, b: ImageRecord) => number,
  selected: (image: ImageRecord) => boolean,
  limit: number,
): ImageRecord[] {
  const page: ImageRecord[] = [];
  if (limit === 0) return page;
  // `compare` follows `direction`: ascending runs with it, descending against it.
  const step = direction === 'asc' ? 1 : -1;
  let at = direction === 'asc' ? 0 : ascending.length - 1;
  if (after !== undefined) {
    // The first place past the marker in `compare`'s order.
    let low = 0;
    let high = ascending.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const beyond = compare(ascending[mid], after) > 0;
      if (beyond === (direction === 'asc')) high = mid;
      else low = mid + 1;
    }
    at = direction === 'asc' ? low : low - 1;
  }
  for (; at >= 0 && at < ascending.length && page.length < limit; at += step) {
    if (selected(ascending[at])) page.push(ascending[at]);
  }
  return page;
}

/** How a caller relates to images, its keys derived once. */
interface ListScope {
  isAdmin: boolean;
  /** The caller's owner and member keys; null without a project. */
  keys: CallerKeys | null;
  isOwn(image: ImageRecord): boolean;
  hasMembers(image: ImageRecord): boolean;
}

function listScope(context: RequestContext, store: GlanceStore, lookup: ImageLookup): ListScope {
  const keys = lookup.callerKeys(context);
  return {
    isAdmin: context.isAdmin,
    keys,
    isOwn: (image) => keys !== null && image.owner !== null && store.ownerKey(image) === keys.owner,
    hasMembers: (image) => lookup.hasMembers(image),
  };
}

/**
 * Every image the caller might list, each once, with the caller's membership
 * where that decides: admins and callers without a project, every image;
 * others their own, the public and community ones the query can list, and
 * the shared images of their memberships.
 */
function visitCandidates(
  context: RequestContext,
  store: GlanceStore,
  query: ImageQuery,
  scope: ListScope,
  visit: (image: ImageRecord, member?: MemberStatus) => void,
): void {
  const keys = scope.keys;
  if (context.isAdmin || keys === null) {
    for (const image of store.images()) visit(image);
    return;
  }
  for (const image of store.imagesOwnedBy(keys.owner)) visit(image);
  const visibility = query.visibility;
  const others: Visibility[] = [];
  if (visibility === undefined || visibility === 'all' || visibility === 'public') others.push('public');
  // Without a visibility filter, community images are listed only to their owner.
  if (visibility === 'all' || visibility === 'community') others.push('community');
  for (const shown of others) {
    for (const image of store.imagesWithVisibility(shown)) if (!scope.isOwn(image)) visit(image);
  }
  if (visibility !== undefined && visibility !== 'all' && visibility !== 'shared') return;
  store.eachMembership(keys.member, (image, status) => {
    if (image.visibility === 'shared' && !scope.isOwn(image)) visit(image, status);
  });
}

/**
 * The SQL `owner = :project` and `member = :project`, so compared as the
 * database compares text. Without a project, Glance's member query keeps
 * only "shared and has a live member": every such image is listed, whatever
 * the member's status.
 */
function isListedFor(image: ImageRecord, member: MemberStatus | undefined, query: ImageQuery, scope: ListScope) {
  if (scope.isAdmin) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  if (scope.keys === null) return image.visibility === 'shared' && scope.hasMembers(image);
  if (scope.isOwn(image)) return true;
  if (image.visibility !== 'shared') return false;
  return member !== undefined && (query.memberStatus === 'all' || member === query.memberStatus);
}

function matchesVisibility(image: ImageRecord, visibility: ImageQuery['visibility'], scope: ListScope) {
  if (visibility === 'all') return true;
  if (visibility !== undefined) return image.visibility === visibility;
  return image.visibility !== 'community' || scope.isOwn(image);
}

interface AttributeFilter {
  name: string;
  /** The wanted value's comparison key. */
  wanted: string;
  column: boolean;
  /** The name's comparison key, for property names. */
  nameKey: string;
}

/** The query's filters with their comparison keys, derived once per request. */
function attributeFilters(attributes: Record<string, string>, lookup: ImageLookup): AttributeFilter[] {
  return Object.entries(attributes).map(([name, wanted]) => ({
    name,
    wanted: lookup.collate(wanted),
    column: Object.hasOwn(FILTER_COLUMNS, name),
    nameKey: lookup.collate(name),
  }));
}

/** Filters on the image's columns, else on its properties (name and value), each compared as the database compares text. */
function matchesAttributes(image: ImageRecord, filters: AttributeFilter[], lookup: ImageLookup): boolean {
  return filters.every((filter) => {
    const value = filter.column ? columnValue(image, filter.name) : propertyValue(image, filter.nameKey, lookup);
    return value !== undefined && value !== null && lookup.collate(String(value)) === filter.wanted;
  });
}

/** The `images` columns a filter can name. */
const FILTER_COLUMNS: Readonly<Record<string, true>> = Object.freeze(
  Object.assign(Object.create(null), {
    name: true,
    owner: true,
    status: true,
    container_format: true,
    disk_format: true,
    visibility: true,
    protected: true,
    min_ram: true,
    min_disk: true,
    id: true,
    os_hidden: true,
    created_at: true,
    updated_at: true,
    size: true,
    virtual_size: true,
    checksum: true,
    os_hash_algo: true,
    os_hash_value: true,
  }),
);

function columnValue(image: ImageRecord, key: string): unknown {
  if (!Object.hasOwn(image, key)) return undefined;
  return (image as unknown as Record<string, unknown>)[key];
}

function propertyValue(image: ImageRecord, nameKey: string, lookup: ImageLookup): string | null | undefined {
  for (const [name, value] of Object.entries(image.extra)) if (lookup.collate(name) === nameKey) return value;
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

/**
 * Glance's timestamps (`2014-08-20T01:37:01Z`: digits, `-`, `:`, `T`, `Z`) are
 * their own key in either database's collation: compared as they are.
 */
const TIMESTAMPS: ReadonlySet<string> = new Set(['created_at', 'updated_at']);

/** SQL ordering, text in the database's collation: NULL sorts first ascending, last descending. */
function byKeys(keys: SortKey[], lookup: ImageLookup) {
  const value = (image: ImageRecord, key: SortKey['key']) => {
    const raw = sortValue(image, key);
    return typeof raw === 'string' && !TIMESTAMPS.has(key) ? lookup.collatedColumn(image, key, raw) : raw;
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

/**
 * The first `limit` images in sort order. The order is total (the id, unique
 * under the database's comparison, always breaks ties), so keeping only the
 * page while scanning gives what sorting everything would.
 */
function firstInOrder(images: ImageRecord[], compare: (a: ImageRecord, b: ImageRecord) => number, limit: number): ImageRecord[] {
  if (limit === 0) return [];
  if (images.length <= limit * 4) return images.sort(compare).slice(0, limit);
  const page: ImageRecord[] = [];
  for (const image of images) {
    if (page.length === limit && compare(image, page[limit - 1]) >= 0) continue;
    let low = 0;
    let high = page.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(page[mid], image) <= 0) low = mid + 1;
      else high = mid;
    }
    page.splice(low, 0, image);
    if (page.length > limit) page.pop();
  }
  return page;
}
