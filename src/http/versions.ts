import type { Request } from 'express';
import type { RouteResult } from './router';
import { hostUrl } from './host-url';

/** The versions Glance Zed lists without `enabled_backends` (multi-store versions left out). */
const VERSIONS: Array<[string, 'CURRENT' | 'SUPPORTED']> = [
  ['v2.16', 'CURRENT'],
  ...['v2.15', 'v2.14', 'v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'].map(
    (id) => [id, 'SUPPORTED'] as [string, 'SUPPORTED'],
  ),
];

/** Only the listed versions (and the bare `v2`) are served; any other is answered with the list. */
const KNOWN_VERSIONS = new Set(['v2', ...VERSIONS.map(([id]) => id)]);

export type Negotiated = { kind: 'versions'; explicit: boolean } | { kind: 'api'; path: string };

/**
 * glance.api.middleware.version_negotiation: `/versions` (and `/`) answer
 * the version list before any identity check; a first path segment that is
 * not a known v2 version gets the list too, with 300 Multiple Choices;
 * `/v2.N/...` is served as `/v2/...`.
 */
export function negotiateVersion(path: string, accept: string | undefined): Negotiated {
  // Accept-header versioning asks for `application/vnd.openstack.images-vN`; Zed answers it with the list.
  if (accept?.startsWith('application/vnd.openstack.images-')) return { kind: 'versions', explicit: false };
  const [, first = '', ...rest] = path.split('/');
  if (first === 'versions') return { kind: 'versions', explicit: true };
  if (!KNOWN_VERSIONS.has(first)) return { kind: 'versions', explicit: false };
  return { kind: 'api', path: ['', 'v2', ...rest].join('/') };
}

/** Glance builds the hrefs from the request's application URL, so a mount prefix (`/image`) is in them. */
export function versionsResponse(req: Request, explicit: boolean, prefix = ''): RouteResult {
  const base = `${hostUrl(req)}${prefix}`;
  const versions = VERSIONS.map(([id, status]) => ({
    id,
    status,
    links: [{ rel: 'self', href: `${base}/v2/` }],
  }));
  return { status: explicit ? 200 : 300, json: { versions }, order: ['Content-Type', 'Content-Length'] };
}
