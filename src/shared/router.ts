/** A path template (`/v2/images/:image_id`) and the handler of each method it takes. */
export interface RouteSpec<H> {
  path: string;
  methods: Record<string, H>;
  /** Methods whose requests must come without a body (Glance's 400 otherwise). */
  bodiless?: string[];
}

/** What a service hands the router: how a path segment is decoded, and its own 404 and 405. */
export interface RouterRules<H> {
  /** Decodes one segment; undefined when it cannot be decoded (the route then does not match). Default: as given. */
  decodeSegment?: (segment: string) => string | undefined;
  /** The service's answer for a path no route has: throws. */
  notFound: () => never;
  /** The handler answering a known path with a method it does not take. */
  methodNotAllowed: (method: string, allowed: string[]) => H;
}

export interface RouteMatch<H> {
  route: RouteSpec<H>;
  params: Record<string, string>;
  /** The route's template as the journal names it: `/v2/images/{image_id}/members`. */
  template: string;
}

/**
 * The router of a Python web service (python-routes, Flask): a path matches a
 * template segment by segment, a parameter never matches an empty segment,
 * the first template that matches wins, a known path with an unmapped method
 * is the service's 405 and an unknown path its 404.
 */
export class Router<H> {
  private readonly compiled: Array<{ segments: string[]; route: RouteSpec<H>; template: string }>;

  constructor(
    routes: Array<RouteSpec<H>>,
    private readonly rules: RouterRules<H>,
  ) {
    this.compiled = routes.map((route) => ({ segments: route.path.split('/'), route, template: templateOf(route.path) }));
  }

  /** The route a path names, or undefined. */
  find(path: string): RouteMatch<H> | undefined {
    const segments = path.split('/');
    for (const { segments: pattern, route, template } of this.compiled) {
      const params = this.matchSegments(pattern, segments);
      if (params) return { route, params, template };
    }
    return undefined;
  }

  /** The handler for a method on a path: the route's own, the service's 405, or the service's 404 thrown. */
  match(method: string, path: string): RouteMatch<H> & { handler: H; bodiless: boolean } {
    const found = this.find(path);
    if (!found) return this.rules.notFound();
    const handler = found.route.methods[method];
    if (!handler) return { ...found, handler: this.rules.methodNotAllowed(method, Object.keys(found.route.methods)), bodiless: false };
    return { ...found, handler, bodiless: found.route.bodiless?.includes(method) ?? false };
  }

  private matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
    if (pattern.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      if (pattern[i].startsWith(':')) {
        const value = this.rules.decodeSegment ? this.rules.decodeSegment(segments[i]) : segments[i];
        if (value === undefined || value === '') return undefined;
        params[pattern[i].slice(1)] = value;
      } else if (pattern[i] !== segments[i]) {
        return undefined;
      }
    }
    return params;
  }
}

/** `/v2/images/:image_id` → `/v2/images/{image_id}`. */
export const templateOf = (path: string): string => path.replace(/:([A-Za-z_]+)/g, '{$1}');

/** The route template recorded for a request no route answered. */
export const UNMATCHED = 'unmatched';
