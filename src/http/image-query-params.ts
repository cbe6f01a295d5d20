import { GlanceErrors } from '../domain/glance-errors';
import { SORT_KEYS, type ImageQuery, type MemberStatusFilter, type SortKey } from '../domain/image-query';
import { isVisibility } from '../domain/images';

const DEFAULT_LIMIT = 25; // limit_param_default
const MAX_LIMIT = 1000; // api_limit_max
const PAGING_KEYS = ['limit', 'marker', 'sort_key', 'sort_dir', 'sort', 'member_status', 'visibility', 'os_hidden', 'tag'];

/** glance.api.v2.images.RequestDeserializer.index: paging, then member status, then filters. */
export function imageQuery(params: URLSearchParams): ImageQuery {
  const limit = parseLimit(params.get('limit'));
  const sort = parseSort(params);
  const memberStatus = parseMemberStatus(params.get('member_status'));
  const visibility = params.get('visibility') ?? undefined;
  if (visibility !== undefined && visibility !== 'all' && !isVisibility(visibility)) {
    throw GlanceErrors.invalidVisibilityFilter(visibility);
  }
  // Without a prototype: a filter named `constructor` or `toString` is a property filter like any other.
  const attributes = Object.create(null) as Record<string, string>;
  const ranges: ImageQuery['ranges'] = [];
  for (const [key, value] of params) {
    if (PAGING_KEYS.includes(key) || Object.hasOwn(attributes, key)) continue;
    const range = rangeFilter(key, params.getAll(key).at(-1) ?? value);
    if (range) ranges.push(range);
    else attributes[key] = value;
  }
  return {
    limit,
    memberStatus,
    visibility,
    osHidden: parseOsHidden(params.get('os_hidden')),
    attributes,
    ranges,
    // `tag` may repeat (`?tag=x86&tag=64bit`): an image must carry every one, each stripped.
    tags: params.getAll('tag').map((tag) => tag.trim()),
    marker: params.get('marker') ?? undefined,
    sort,
  };
}

const RANGE_COLUMNS = ['size', 'virtual_size', 'min_ram', 'min_disk'] as const;

/** Glance's `<column>_min` / `<column>_max` filters; only the numeric columns are modelled. */
function rangeFilter(key: string, value: string): NonNullable<ImageQuery['ranges']>[number] | undefined {
  const match = /^(.*)_(min|max)$/.exec(key);
  if (!match || !(RANGE_COLUMNS as readonly string[]).includes(match[1])) return undefined;
  return { column: match[1] as (typeof RANGE_COLUMNS)[number], bound: match[2] as 'min' | 'max', value };
}

/** `sort=key[:dir],...` or the older `sort_key` / `sort_dir` pair, never both. */
function parseSort(params: URLSearchParams): SortKey[] {
  const sort = params.get('sort');
  const keys = params.getAll('sort_key');
  const dirs = params.getAll('sort_dir');
  if (sort !== null) {
    if (keys.length > 0 || dirs.length > 0) {
      throw GlanceErrors.sortSyntaxMixed();
    }
    return sort.split(',').map((part) => {
      const [key, dir = 'desc'] = part.trim().split(':');
      return { key: sortKey(key.trim()), dir: sortDir(dir.trim()) };
    });
  }
  const dir = sortDir(dirs[0] ?? 'desc');
  return keys.map((key) => ({ key: sortKey(key), dir }));
}

function sortKey(key: string): SortKey['key'] {
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    throw GlanceErrors.invalidSortKey(key, SORT_KEYS);
  }
  return key as SortKey['key'];
}

function sortDir(dir: string): SortKey['dir'] {
  if (dir !== 'asc' && dir !== 'desc') throw GlanceErrors.invalidSortDirection(dir);
  return dir;
}

function parseLimit(value: string | null): number {
  if (value === null) return DEFAULT_LIMIT;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) throw GlanceErrors.limitNotInteger();
  const limit = Number(value);
  if (limit < 0) throw GlanceErrors.limitNegative();
  return Math.min(limit, MAX_LIMIT);
}

function parseMemberStatus(value: string | null): MemberStatusFilter {
  if (value === null) return 'accepted';
  if (!['pending', 'accepted', 'rejected', 'all'].includes(value)) throw GlanceErrors.invalidMemberStatusFilter(value);
  return value as MemberStatusFilter;
}

function parseOsHidden(value: string | null): boolean {
  if (value === null) return false;
  const lowered = value.toLowerCase();
  if (lowered !== 'true' && lowered !== 'false') {
    throw GlanceErrors.invalidOsHidden(value);
  }
  return lowered === 'true';
}

/**
 * The serializer's `first` and `next` links: `dict(request.params)`, so a
 * repeated key keeps its first place and its last value; `marker` at the end.
 */
export function pageLinks(params: URLSearchParams, nextMarker: string | undefined) {
  const unique = new Map<string, string>();
  for (const [key, value] of params) unique.set(key, value);
  const rest = [...unique].filter(([key]) => key !== 'marker');
  const links: { first: string; next?: string } = { first: rest.length ? `/v2/images?${urlencode(rest)}` : '/v2/images' };
  if (nextMarker !== undefined) links.next = `/v2/images?${urlencode([...rest, ['marker', nextMarker]])}`;
  return links;
}

/** Python's `urlencode` (quote_plus): letters, digits and `_.-~` stay, spaces become `+`. */
function urlencode(pairs: Array<[string, string]>): string {
  const quote = (text: string) =>
    encodeURIComponent(text)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return pairs.map(([key, value]) => `${quote(key)}=${quote(value)}`).join('&');
}
