import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { GlanceError, GlanceErrors } from '../domain/glance-errors';
import type { RequestContext } from '../domain/context';
import type { IdentityResolver } from '../identity/identity';
import type { KeystoneHandler } from '../keystone/keystone.routes';
import type { IdSource } from '../runtime/ids';
import { httpLimits } from './http-limits';
import { readAsForm } from './form-body';
import { rawBodyCollector } from './raw-body';
import { REQUEST_ID, sendError, sendResult } from './reply';
import { decodePath, type RouteResult, type Router } from './router';
import { isImageUpload } from './upload-body';
import { negotiateVersion, versionsResponse } from './versions';
import { hostUrl } from './host-url';

export interface AppParts {
  router: Router;
  identity: IdentityResolver;
  ids: IdSource;
  /** The built-in Keystone, served under `/identity`. */
  keystone?: KeystoneHandler;
  /** Glance's `image_cache_dir` is set: the version list has v2.16 (default true). */
  imageCache?: boolean;
  /** The most bytes of a (non-upload) request body read before a 413. */
  maxRequestBody?: number;
  /** Runs before Glance sees a request (the control API, the journal, faults). */
  front?: RequestHandler;
}

/** Where a devstack cloud serves Keystone and Glance; Glance answers at the root as well. */
const IDENTITY_PREFIX = '/identity';
const IMAGE_PREFIX = '/image';

/**
 * The one request pipeline, in the order of Glance's paste pipeline:
 * healthcheck and CORS preflight, version negotiation (no identity needed),
 * identity (401), request id, routing (404/405), the route; one error
 * formatter for every failure.
 */
export function buildExpressApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(httpLimits);
  const collectRawBody = rawBodyCollector(parts.maxRequestBody);
  app.use((req, res, next) => (isImageUpload(req) ? next() : collectRawBody(req, res, next)));
  if (parts.front) app.use(parts.front);
  app.use((req, res) => handle(parts, req, res));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => sendError(res, toGlanceError(err)));
  return app;
}

function handle(parts: AppParts, req: Request, res: Response): void {
  let requestId: string | undefined;
  try {
    const [fullPath, rawQuery = ''] = req.originalUrl.split(/\?(.*)/s);
    // Mounted in another Express app (`app.use('/glance', createApp())`), the mount path is
    // Glance's SCRIPT_NAME: routing starts after it and the hrefs Glance builds carry it.
    const mount = req.baseUrl;
    const rawPath = fullPath.slice(mount.length) || '/';
    if (parts.keystone && underPrefix(rawPath, IDENTITY_PREFIX)) {
      return parts.keystone(req, res, rawPath.slice(IDENTITY_PREFIX.length), rawQuery);
    }
    const { prefix: imagePrefix, path } = withoutImagePrefix(decodePath(rawPath));
    const prefix = `${mount}${imagePrefix}`;
    if (path === '/healthcheck') return sendResult(res, healthcheck(req));
    if (req.method === 'OPTIONS') return sendResult(res, { status: 200 });
    const imageCache = parts.imageCache ?? true;
    const negotiated = negotiateVersion(path, req.headers.accept, imageCache);
    if (negotiated.kind === 'versions') return sendResult(res, versionsResponse(req, negotiated.explicit, prefix, imageCache));
    const context = parts.identity.resolve(req.headers);
    if (!context) throw GlanceErrors.unauthorized();
    const formFailure = readAsForm(req);
    if (formFailure) return sendResult(res, formFailure);
    const callerId = parts.identity.takesCallerRequestId ? callerRequestId(req) : undefined;
    if (callerId !== null) requestId = callerId ?? parts.ids.requestId();
    if (negotiated.path === '/v2') return sendResult(res, redirectToSlash(req, prefix), requestId);
    const { handler, params, bodiless } = parts.router.match(req.method, negotiated.path);
    if (bodiless && (req.rawBody?.declaredLength ?? 0) > 0) throw GlanceErrors.bodyNotExpected();
    const routeContext = callerId === null ? unusableContext() : context;
    const result = handler({ context: routeContext, params, query: new URLSearchParams(rawQuery), body: req.rawBody, req });
    if (!(result instanceof Promise)) return sendResult(res, result, requestId);
    const id = requestId;
    result.then(
      (done) => sendResult(res, done, id),
      (err: unknown) => sendError(res, toGlanceError(err), id),
    );
  } catch (err) {
    sendError(res, toGlanceError(err), requestId);
  }
}

/** oslo.middleware's healthcheck: `OK`, or an empty 204 for HEAD. */
function healthcheck(req: Request): RouteResult {
  return req.method === 'HEAD' ? { status: 204 } : { status: 200, raw: 'OK', contentType: 'text/plain; charset=UTF-8' };
}

const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Under `/image` Glance runs as a WSGI app mounted there (SCRIPT_NAME): the same API, hrefs carry the prefix. */
function withoutImagePrefix(path: string): { prefix: string; path: string } {
  return underPrefix(path, IMAGE_PREFIX) ? { prefix: IMAGE_PREFIX, path: path.slice(IMAGE_PREFIX.length) } : { prefix: '', path };
}

/** routes' redirect of the bare version path: `/v2` → `/v2/`. */
function redirectToSlash(req: Request, prefix: string): RouteResult {
  return {
    status: 302,
    raw: '',
    contentType: 'text/plain; charset=utf8',
    headers: { Location: `${hostUrl(req)}${prefix}/v2/` },
    order: ['Content-Type', 'Location', REQUEST_ID, 'Content-Length'],
  };
}

const MAX_REQUEST_ID_LENGTH = 64;

/**
 * oslo.context takes the caller's X-Openstack-Request-Id, trimmed, with `req-`
 * put in front when missing; null when it is too long to be used.
 */
function callerRequestId(req: Request): string | undefined | null {
  const value = req.headers['x-openstack-request-id'];
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
