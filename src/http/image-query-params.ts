import { GlanceErrors } from '../domain/glance-errors';
import type { ImageQuery, MemberStatusFilter } from '../domain/image-query';
import { isVisibility } from '../domain/images';

const DEFAULT_LIMIT = 25; // limit_param_default
const MAX_LIMIT = 1000; // api_limit_max
const PAGING_KEYS = ['limit', 'marker', 'sort_key', 'sort_dir', 'sort', 'member_status', 'visibility', 'os_hidden'];

/** glance.api.v2.images.RequestDeserializer.index: paging, then member status, then filters. */
export function imageQuery(params: URLSearchParams): ImageQuery {
  const limit = parseLimit(params.get('limit'));
  const memberStatus = parseMemberStatus(params.get('member_status'));
  const visibility = params.get('visibility') ?? undefined;
  if (visibility !== undefined && visibility !== 'all' && !isVisibility(visibility)) {
    throw GlanceErrors.invalidVisibilityFilter(visibility);
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!PAGING_KEYS.includes(key) && !(key in attributes)) attributes[key] = value;
  }
  return {
    limit,
    memberStatus,
    visibility,
    osHidden: parseOsHidden(params.get('os_hidden')),
    attributes,
    marker: params.get('marker') ?? undefined,
  };
}

function parseLimit(value: string | null): number {
  if (value === null) return DEFAULT_LIMIT;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) throw GlanceErrors.badRequest('limit param must be an integer');
  const limit = Number(value);
  if (limit < 0) throw GlanceErrors.badRequest('limit param must be positive');
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
    throw GlanceErrors.badRequest(`Invalid value '${value}' for 'os_hidden' filter. Valid values are 'true' or 'false'.`);
  }
  return lowered === 'true';
}

/** The serializer's `first` and `next` links: the query as given, `marker` moved to the end. */
export function pageLinks(params: URLSearchParams, nextMarker: string | undefined) {
  const rest = new URLSearchParams([...params].filter(([key]) => key !== 'marker'));
  const query = rest.toString();
  const links: { first: string; next?: string } = { first: query ? `/v2/images?${query}` : '/v2/images' };
  if (nextMarker !== undefined) {
    rest.append('marker', nextMarker);
    links.next = `/v2/images?${rest.toString()}`;
  }
  return links;
}
