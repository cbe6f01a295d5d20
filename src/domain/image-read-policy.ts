import { hasRole, type RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { PolicyName } from './profiles';

/**
 * Under secure RBAC, Glance's image repository checks `get_image` on every
 * lookup: a caller without `reader` (nor admin) gets webob's bare 404, even on
 * its own image, before any other check of the call.
 */
export function checkImageReadable(context: RequestContext, policy: PolicyName): void {
  if (policy === 'secure-rbac' && !context.isAdmin && !hasRole(context.roles, 'reader')) throw GlanceErrors.resourceNotFound();
}
