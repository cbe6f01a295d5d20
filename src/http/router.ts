import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../domain/context';
import { GlanceErrors } from './webob-errors';
import type { RawBody } from '../shared/raw-body';
import { Router, type RouteSpec } from '../shared/router';
import { jsonBody, REJECTED_METHOD_JSON_DEPTH } from './json-body';

/** What a route reads of its request: never the HTTP server's objects. */
export interface RouteInput {
  context: RequestContext;
  params: Record<string, string>;
  body: RawBody | undefined;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** `http://host:port` as the caller addressed it (webob's `host_url`). */
  origin: string;
  /** An image upload's body, unread. */
  stream?: Readable;
}

/** What a route answers; the pipeline serialises it the way Glance does. */
export type RouteResult =
  | { status: number; json: unknown; headers?: Record<string, string>; order?: string[] }
  | { status: number; raw: string; contentType: string; headers?: Record<string, string>; order?: string[]; withoutRequestId?: boolean }
  /** Image data: headers exactly as given, then the bytes. */
  | { status: number; bytes: Buffer[]; headers: Record<string, string> }
  | { status: number };

/** Synchronous, or a promise for routes that read a streamed body (image uploads). */
export type RouteHandler = (input: RouteInput) => RouteResult | Promise<RouteResult>;

export type Route = RouteSpec<RouteHandler>;

/**
 * Glance's v2 router (python-routes over webob): paths are matched after
 * percent-decoding (see decodePath), so an encoded slash in an id splits the
 * path; a known path with an unmapped method is a 405 listing the methods it takes.
 */
export function glanceRouter(routes: Route[]): Router<RouteHandler> {
  return new Router(routes, {
    notFound: () => {
      throw GlanceErrors.resourceNotFound();
    },
    methodNotAllowed: (method, allowed) => rejectMethod(method, allowed.join(', ')),
  });
}

export type GlanceRouter = Router<RouteHandler>;

/** Glance's RejectMethodController still deserializes a body first: a bad one is a 400, not the 405. */
function rejectMethod(method: string, allow: string): RouteHandler {
  return ({ body }) => {
    if (body?.present) jsonBody(body, REJECTED_METHOD_JSON_DEPTH);
    throw GlanceErrors.methodNotAllowed(method, allow);
  };
}

/**
 * webob's PATH_INFO: percent-escapes decoded byte by byte as Latin-1 (so a
 * UTF-8 member id in a path arrives as mojibake, as on the real server), and
 * routes' collapsing of empty segments inside the path.
 */
export function decodePath(rawPath: string): string {
  const decoded = rawPath.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decoded.replace(/\/{2,}(?=[^/])/g, '/');
}
