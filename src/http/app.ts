import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { GlanceError, GlanceErrors } from '../domain/glance-errors';
import type { IdentityResolver } from '../identity/identity';
import type { IdSource } from '../runtime/ids';
import { formatError } from './error-format';
import { pythonJson } from './python-json';
import { collectRawBody } from './raw-body';
import { decodePath, type RouteResult, type Router } from './router';
import { negotiateVersion, versionsResponse } from './versions';

export interface AppParts {
  router: Router;
  identity: IdentityResolver;
  ids: IdSource;
}

const REQUEST_ID = 'X-Openstack-Request-Id';

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
  app.use(collectRawBody);
  app.use((req, res) => handle(parts, req, res));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => sendError(req, res, toGlanceError(err)));
  return app;
}

function handle(parts: AppParts, req: Request, res: Response): void {
  try {
    const [rawPath, rawQuery = ''] = req.originalUrl.split(/\?(.*)/s);
    const path = decodePath(rawPath);
    if (path === '/healthcheck') return send(res, { status: 200, raw: 'OK', contentType: 'text/plain; charset=UTF-8' });
    if (req.method === 'OPTIONS') return send(res, { status: 200 });
    const negotiated = negotiateVersion(path, req.headers.accept);
    if (negotiated.kind === 'versions') return send(res, versionsResponse(req, negotiated.explicit));
    const context = parts.identity.resolve(req.headers);
    if (!context) throw GlanceErrors.unauthorized();
    res.setHeader(REQUEST_ID, requestId(req) ?? parts.ids.requestId());
    if (negotiated.path === '/v2') return send(res, redirectToSlash(req));
    const { handler, params } = parts.router.match(req.method, negotiated.path);
    if (BODILESS.includes(req.method) && req.rawBody?.present) throw GlanceErrors.bodyNotExpected();
    send(res, handler({ context, params, query: new URLSearchParams(rawQuery), body: req.rawBody, req }));
  } catch (err) {
    sendError(req, res, toGlanceError(err));
  }
}

const BODILESS = ['GET', 'HEAD', 'DELETE'];

/** routes' redirect of the bare version path: `/v2` → `/v2/`. */
function redirectToSlash(req: Request): RouteResult {
  return {
    status: 302,
    raw: '',
    contentType: 'text/plain; charset=utf8',
    headers: { Location: `${req.protocol}://${req.get('host')}/v2/` },
  };
}

const MAX_REQUEST_ID_LENGTH = 64;

/**
 * oslo.context takes the caller's X-Openstack-Request-Id, trimmed, with `req-`
 * put in front when missing; one over 64 characters breaks Glance (500).
 */
function requestId(req: Request): string | undefined {
  const value = req.headers['x-openstack-request-id'];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') return undefined;
  if (trimmed.length > MAX_REQUEST_ID_LENGTH) {
    throw GlanceErrors.serverError();
  }
  return trimmed.startsWith('req-') ? trimmed : `req-${trimmed}`;
}

function send(res: Response, result: RouteResult): void {
  res.status(result.status);
  for (const [name, value] of Object.entries(('headers' in result && result.headers) || {})) res.setHeader(name, value);
  if ('json' in result) {
    res.setHeader('Content-Type', 'application/json');
    // Glance's serializers write success bodies with ensure_ascii=False.
    res.end(Buffer.from(pythonJson(result.json, false), 'utf8'));
  } else if ('raw' in result) {
    res.setHeader('Content-Type', result.contentType);
    res.setHeader('Content-Length', Buffer.byteLength(result.raw));
    res.end(result.raw);
  } else {
    res.setHeader('Content-Length', '0');
    res.end();
  }
}

function sendError(req: Request, res: Response, error: GlanceError): void {
  const formatted = formatError(error, req.headers.accept);
  res.statusCode = formatted.status;
  res.statusMessage = formatted.statusMessage;
  for (const [name, value] of Object.entries(formatted.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', formatted.contentType);
  res.end(Buffer.from(formatted.body, 'utf8'));
}

/** Anything that is not a GlanceError is Glance's generic 500: no stack trace leaves the mock. */
function toGlanceError(err: unknown): GlanceError {
  return err instanceof GlanceError ? err : GlanceErrors.serverError();
}
