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
 * request id, version negotiation (no identity needed), identity (401),
 * routing (404/405), the route, and one error formatter for every failure.
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
    const url = new URL(req.originalUrl, 'http://glance');
    const negotiated = negotiateVersion(decodePath(url.pathname));
    if (negotiated.kind === 'versions') return send(res, versionsResponse(req, negotiated.explicit));
    const context = parts.identity.resolve(req.headers);
    if (!context) throw GlanceErrors.unauthorized();
    res.setHeader(REQUEST_ID, requestId(req) ?? parts.ids.requestId());
    const { handler, params } = parts.router.match(req.method, negotiated.path);
    send(res, handler({ context, params, query: url.searchParams, body: req.rawBody, req }));
  } catch (err) {
    sendError(req, res, toGlanceError(err));
  }
}

/** oslo.context takes the caller's X-Openstack-Request-Id, with `req-` put in front when missing. */
function requestId(req: Request): string | undefined {
  const value = req.headers['x-openstack-request-id'];
  if (typeof value !== 'string' || value === '') return undefined;
  return value.startsWith('req-') ? value : `req-${value}`;
}

function send(res: Response, result: RouteResult): void {
  res.status(result.status);
  for (const [name, value] of Object.entries(('headers' in result && result.headers) || {})) res.setHeader(name, value);
  if ('json' in result) {
    res.setHeader('Content-Type', 'application/json');
    res.end(Buffer.from(pythonJson(result.json, result.ensureAscii ?? true), 'utf8'));
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
