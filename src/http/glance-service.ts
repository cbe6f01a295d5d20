import { GlanceError, GlanceErrors } from '../domain/glance-errors';
import type { RequestContext } from '../domain/context';
import type { IdentityResolver } from '../identity/identity';
import type { IdSource } from '../runtime/ids';
import { rawBodyOf } from '../shared/raw-body';
import { UNMATCHED } from '../shared/router';
import type { ExchangeMeta, Service, WireRequest, WireResponse } from '../wire/types';
import { readAsForm } from './form-body';
import { errorResponse, resultResponse } from './reply';
import { decodePath, type GlanceRouter, type RouteResult } from './router';
import { negotiateVersion, versionsResponse } from './versions';

export interface GlanceParts {
  router: GlanceRouter;
  identity: IdentityResolver;
  ids: IdSource;
  /** Glance's `image_cache_dir` is set: the version list has v2.16 (default true). */
  imageCache?: boolean;
}

/** Where a devstack cloud serves Glance; it answers at the root as well. */
export const IMAGE_PREFIX = '/image';

/**
 * Glance behind the front door, in the order of its paste pipeline:
 * healthcheck and CORS preflight, version negotiation (no identity needed),
 * identity (401), request id, routing (404/405), the route; one error
 * formatter for every failure. Answers are values; nothing here touches a socket.
 */
export function createGlanceService(parts: GlanceParts, servedAt: '' | typeof IMAGE_PREFIX = ''): Service {
  return {
    name: 'glance',
    handle: async (request) => {
      const meta: ExchangeMeta = { service: 'glance', route: UNMATCHED };
      const response = await answer(parts, request, meta, servedAt === '');
      return { ...response, meta: { ...meta, ...response.meta } };
    },
  };
}

async function answer(parts: GlanceParts, request: WireRequest, meta: ExchangeMeta, atRoot: boolean): Promise<WireResponse> {
  const head = request.method === 'HEAD';
  const accept = request.headers.accept;
  let requestId: string | undefined;
  const fail = (err: unknown) => {
    meta.requestId = requestId;
    return errorResponse(toGlanceError(err), accept, head, requestId);
  };
  const done = (result: RouteResult) => {
    meta.requestId = requestId;
    return resultResponse(result, head, requestId);
  };
  try {
    const decoded = decodePath(request.rawPath);
    const { prefix, path } = atRoot ? withoutImagePrefix(decoded) : { prefix: '', path: decoded };
    // Hrefs carry the mount path, any namespace and the `/image` prefix, as Glance's carry its SCRIPT_NAME.
    const base = `${request.origin}${request.base}${prefix}`;
    if (path === '/healthcheck') {
      meta.route = '/healthcheck';
      return done(healthcheck(head));
    }
    if (request.method === 'OPTIONS') return done({ status: 200 });
    const imageCache = parts.imageCache ?? true;
    const negotiated = negotiateVersion(path, accept, imageCache);
    if (negotiated.kind === 'versions') {
      meta.route = '/versions';
      return done(versionsResponse(base, negotiated.explicit, imageCache));
    }
    meta.route = negotiated.path === '/v2' ? '/v2' : (parts.router.find(negotiated.path)?.template ?? UNMATCHED);
    const context = parts.identity.resolve(request.headers);
    if (!context) throw GlanceErrors.unauthorized();
    meta.project = context.projectId;
    meta.roles = [...context.roles];
    const form = readAsForm(request.method, request.headers, rawBodyOf(request));
    if ('failure' in form) return done(form.failure);
    const callerId = parts.identity.takesCallerRequestId ? callerRequestId(request) : undefined;
    if (callerId !== null) requestId = callerId ?? parts.ids.requestId();
    if (negotiated.path === '/v2') return done(redirectToSlash(`${base}/v2/`));
    const { handler, params, bodiless } = parts.router.match(request.method, negotiated.path);
    if (bodiless && (form.body?.declaredLength ?? 0) > 0) throw GlanceErrors.bodyNotExpected();
    const routeContext = callerId === null ? unusableContext() : context;
    const result = handler({
      context: routeContext,
      params,
      query: new URLSearchParams(request.rawQuery),
      body: form.body,
      headers: request.headers,
      origin: request.origin,
      stream: request.stream,
    });
    return done(result instanceof Promise ? await result : result);
  } catch (err) {
    return fail(err);
  }
}

/** oslo.middleware's healthcheck: `OK`, or an empty 204 for HEAD. */
function healthcheck(head: boolean): RouteResult {
  return head ? { status: 204 } : { status: 200, raw: 'OK', contentType: 'text/plain; charset=UTF-8' };
}

const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Under `/image` Glance runs as a WSGI app mounted there (SCRIPT_NAME): the same API, hrefs carry
 * the prefix. The front door hands `/image/...` to the Glance served there with the prefix taken
 * off; a path that only reads `/image` once decoded (`//image`, `/%69mage`) reaches the Glance at
 * the root, which takes it off after decoding.
 */
function withoutImagePrefix(path: string): { prefix: string; path: string } {
  return underPrefix(path, IMAGE_PREFIX) ? { prefix: IMAGE_PREFIX, path: path.slice(IMAGE_PREFIX.length) } : { prefix: '', path };
}

/** routes' redirect of the bare version path: `/v2` → `/v2/`. */
function redirectToSlash(location: string): RouteResult {
  return {
    status: 302,
    raw: '',
    contentType: 'text/plain; charset=utf8',
    headers: { Location: location },
    order: ['Content-Type', 'Location', 'X-Openstack-Request-Id', 'Content-Length'],
  };
}

const MAX_REQUEST_ID_LENGTH = 64;

/**
 * oslo.context takes the caller's X-Openstack-Request-Id, trimmed, with `req-`
 * put in front when missing; null when it is too long to be used.
 */
function callerRequestId(request: WireRequest): string | undefined | null {
  const value = request.headers['x-openstack-request-id'];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') return undefined;
  if (trimmed.length > MAX_REQUEST_ID_LENGTH) return null;
  return trimmed.startsWith('req-') ? trimmed : `req-${trimmed}`;
}

/**
 * Glance's ContextMiddleware *returns* its 431 for an over-long request id and
 * stores it as the request context: routing, body checks and schemas answer
 * as usual, and whatever reads the context fails with the generic 500 (and,
 * with no usable context, no request id goes out).
 */
function unusableContext(): RequestContext {
  return new Proxy({} as RequestContext, {
    get: () => {
      throw GlanceErrors.serverError();
    },
  });
}

/** Anything that is not a GlanceError is Glance's generic 500: no stack trace leaves the mock. */
function toGlanceError(err: unknown): GlanceError {
  return err instanceof GlanceError ? err : GlanceErrors.serverError();
}
