import type { WireRequest } from '../wire/types';

/**
 * The path as the caller sent it below any mount path and namespace prefix,
 * the service's prefix included (`/image/v2/images`, `/identity/v3/auth/tokens`):
 * what the journal shows and fault rules match.
 */
export function requestPath(request: Pick<WireRequest, 'url'>): string {
  const query = request.url.indexOf('?');
  return query < 0 ? request.url : request.url.slice(0, query);
}
