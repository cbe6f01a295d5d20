import type { RouteResult } from './router';

type VersionStatus = 'CURRENT' | 'SUPPORTED';

/**
 * The versions Glance Zed lists without `enabled_backends` (multi-store versions left out),
 * after glance.api.versions: v2.16 (CURRENT) and v2.14 only with `image_cache_dir` set
 * (the cache API); without it v2.15 is CURRENT.
 */
function listedVersions(imageCache: boolean): Array<[string, VersionStatus]> {
  const head: Array<[string, VersionStatus]> = imageCache
    ? [
        ['v2.16', 'CURRENT'],
        ['v2.15', 'SUPPORTED'],
        ['v2.14', 'SUPPORTED'],
      ]
    : [['v2.15', 'CURRENT']];
  const rest = ['v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'];
  return [...head, ...rest.map((id) => [id, 'SUPPORTED'] as [string, VersionStatus])];
}

const WITH_CACHE = listedVersions(true);
const WITHOUT_CACHE = listedVersions(false);

/** Only the listed versions (and the bare `v2`) are served; any other is answered with the list. */
const KNOWN_WITH_CACHE = new Set(['v2', ...WITH_CACHE.map(([id]) => id)]);
const KNOWN_WITHOUT_CACHE = new Set(['v2', ...WITHOUT_CACHE.map(([id]) => id)]);

export type Negotiated = { kind: 'versions'; explicit: boolean } | { kind: 'api'; path: string };

const MEDIA_TYPE = 'application/vnd.openstack.images-';

/**
 * glance.api.middleware.version_negotiation: `/versions` (and `/`) answer
 * the version list before any identity check; a first path segment that is
 * not a known v2 version gets the list too, with 300 Multiple Choices;
 * `/v2.N/...` is served as `/v2/...`. An Accept of
 * `application/vnd.openstack.images-v2[.N]` names the version instead of the
 * path, which is then served under `/v2` as it is (`/images` is `/v2/images`).
 */
export function negotiateVersion(path: string, accept: string | undefined, imageCache = true): Negotiated {
  const known = imageCache ? KNOWN_WITH_CACHE : KNOWN_WITHOUT_CACHE;
  const [, first = '', ...rest] = path.split('/');
  if (first === 'versions') return { kind: 'versions', explicit: true };
  if (accept?.startsWith(MEDIA_TYPE)) {
    if (!known.has(accept.slice(MEDIA_TYPE.length))) return { kind: 'versions', explicit: false };
    return { kind: 'api', path: `/v2${path}` };
  }
  if (!known.has(first)) return { kind: 'versions', explicit: false };
  return { kind: 'api', path: ['', 'v2', ...rest].join('/') };
}

/** Glance builds the hrefs from the request's application URL, so a mount prefix (`/image`) is in them. */
export function versionsResponse(base: string, explicit: boolean, imageCache = true): RouteResult {
  const versions = (imageCache ? WITH_CACHE : WITHOUT_CACHE).map(([id, status]) => ({
    id,
    status,
    links: [{ rel: 'self', href: `${base}/v2/` }],
  }));
  return { status: explicit ? 200 : 300, json: { versions }, order: ['Content-Type', 'Content-Length'] };
}
