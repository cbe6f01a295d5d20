import type { IncomingHttpHeaders } from 'node:http';
import type { RequestContext } from '../domain/context';
import { requestContext } from '../domain/context';
import { GlanceErrors } from '../domain/glance-errors';
import type { Clock } from '../runtime/clock';
import type { TokenRegistry } from './tokens';

/** The identity seam: who is calling, or undefined for Glance's 401. */
export interface IdentityResolver {
  resolve(headers: IncomingHttpHeaders): RequestContext | undefined;
  /**
   * Whether the caller's X-Openstack-Request-Id becomes the request id: Glance's
   * ContextMiddleware reads it, `unauthenticated-context` does not (a fresh id every time).
   */
  readonly takesCallerRequestId: boolean;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/**
 * Glance's ContextMiddleware behind keystonemiddleware: `X-Identity-Status:
 * Confirmed` makes the X-Project-Id / X-User-Id / X-Roles headers the
 * caller's identity (oslo.context also reads the older X-Tenant-Id / X-User).
 */
export function fromTrustedHeaders(headers: IncomingHttpHeaders): RequestContext | undefined {
  if (header(headers, 'x-identity-status') !== 'Confirmed') return undefined;
  assertServiceCatalog(header(headers, 'x-service-catalog'));
  return requestContext({
    projectId: header(headers, 'x-project-id') ?? header(headers, 'x-tenant-id') ?? header(headers, 'x-tenant'),
    userId: header(headers, 'x-user-id') ?? header(headers, 'x-user'),
    roles: (header(headers, 'x-roles') ?? '').split(','),
  });
}

/** Trusted headers first (the very request a real Glance takes), then a known X-Auth-Token. */
export function createIdentityResolver(tokens: TokenRegistry, clock: Clock): IdentityResolver {
  return {
    takesCallerRequestId: true,
    resolve(headers) {
      const trusted = fromTrustedHeaders(headers);
      if (trusted) return trusted;
      const token = header(headers, 'x-auth-token');
      const identity = token ? tokens.lookup(token, clock.now()) : undefined;
      return identity ? requestContext(identity) : undefined;
    },
  };
}

/** Glance's ContextMiddleware parses X-Service-Catalog and fails the request when it is not JSON. */
function assertServiceCatalog(catalog: string | undefined): void {
  if (catalog === undefined) return;
  try {
    JSON.parse(catalog);
  } catch {
    throw GlanceErrors.invalidServiceCatalog();
  }
}

/**
 * Glance without Keystone: glance.api.middleware.context.UnauthenticatedContextMiddleware
 * makes every request, whatever its headers, a context with `is_admin` True and no user,
 * project or roles. So images it creates have no owner, and policy rules that name a role
 * (`publicize_image: role:admin`) still refuse.
 */
export const UNAUTHENTICATED_CONTEXT: RequestContext = Object.freeze({
  projectId: null,
  userId: null,
  roles: Object.freeze([]) as readonly string[],
  isAdmin: true,
});

export const unauthenticatedResolver: IdentityResolver = {
  takesCallerRequestId: false,
  resolve: () => UNAUTHENTICATED_CONTEXT,
};
