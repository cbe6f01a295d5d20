import type { Request } from 'express';
import type { RequestContext } from '../domain/context';
import { GlanceErrors } from '../domain/glance-errors';
import { jsonBody, REJECTED_METHOD_JSON_DEPTH } from './json-body';
import type { RawBody } from './raw-body';

export interface RouteInput {
  context: RequestContext;
  params: Record<string, string>;
  body: RawBody | undefined;
  query: URLSearchParams;
  req: Request;
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

export interface Route {
  path: string;
  methods: Record<string, RouteHandler>;
  /** Methods whose requests must come without a body (Glance's 400 otherwise). */
  bodiless?: string[];
}

/**
 * Glance's v2 router (python-routes over webob): paths are matched after
 * percent-decoding, so an encoded slash in an id splits the path; a known
 * path with an unmapped method is a 405 listing the methods it takes.
 */
export class Router {
  private readonly compiled: Array<{ segments: string[]; route: Route }>;

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ segments: route.path.split('/'), route }));
  }

  /** The template of the route a decoded path matches (`/v2/images/{image_id}`), if any. */
  templateOf(decodedPath: string): string | undefined {
    const segments = decodedPath.split('/');
    const found = this.compiled.find(({ segments: pattern }) => matchSegments(pattern, segments));
    return found?.route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
  }

  match(method: string, decodedPath: string): { handler: RouteHandler; params: Record<string, string>; bodiless: boolean } {
    const segments = decodedPath.split('/');
    for (const { segments: pattern, route } of this.compiled) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      const handler = route.methods[method];
      if (!handler) return { handler: rejectMethod(method, Object.keys(route.methods).join(', ')), params, bodiless: false };
      return { handler, params, bodiless: route.bodiless?.includes(method) ?? false };
    }
    throw GlanceErrors.resourceNotFound();
  }
}

/** Glance's RejectMethodController still deserializes a body first: a bad one is a 400, not the 405. */
function rejectMethod(method: string, allow: string): RouteHandler {
  return ({ body }) => {
    if (body?.present) jsonBody(body, REJECTED_METHOD_JSON_DEPTH);
    throw GlanceErrors.methodNotAllowed(method, allow);
  };
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      if (segments[i] === '') return undefined;
      params[pattern[i].slice(1)] = segments[i];
    } else if (pattern[i] !== segments[i]) {
      return undefined;
    }
  }
  return params;
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
