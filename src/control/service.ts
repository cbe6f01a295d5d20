import { SeedError } from '../seed/load-seed';
import { generatedSeed } from './generate-query';
import type { Service, WireRequest, WireResponse } from '../wire/types';
import { readBody, requireBody } from './body';
import type { MockControl } from './control';
import type { FaultRuleInput } from './faults';
import { journalFilter } from './journal';
import { controlTokenCheck } from './control-token';
import { ControlProblem, jsonResponse, problemResponse, textResponse } from './problem';
import { verificationFailed, verify } from './verify';

export const DEFAULT_CONTROL_PREFIX = '/_mock';

export interface ControlServiceOptions {
  /** Where the control API is served (default `/_mock`). */
  prefix?: string;
  /** When set, every call needs `Authorization: Bearer <token>`. */
  token?: string;
}

type Handler = (request: WireRequest, query: URLSearchParams, id?: string) => Promise<WireResponse> | WireResponse;

/** The control API over HTTP: JSON in and out, RFC 9457 problems for every error. */
export function createControlService(control: MockControl, options: ControlServiceOptions = {}): Service {
  const prefix = options.prefix ?? DEFAULT_CONTROL_PREFIX;
  const checkToken = controlTokenCheck(options.token);
  const routes = controlRoutes(control);
  return {
    name: 'control',
    async handle(request) {
      try {
        checkToken(request.headers.authorization);
        const path = request.rawPath.startsWith(prefix) ? request.rawPath.slice(prefix.length) : request.rawPath;
        const { handlers, id } = findRoute(routes, path);
        const handler = handlers[request.method];
        if (!handler) {
          const allow = Object.keys(handlers).join(', ');
          throw new ControlProblem(405, `${request.method} is not allowed on ${prefix}${path} (allowed: ${allow})`, undefined, {}, [
            ['Allow', allow],
          ]);
        }
        return withMeta(await handler(request, new URLSearchParams(request.rawQuery), id), path);
      } catch (err) {
        return withMeta(problemResponse(asProblem(err)), 'error');
      }
    },
  };
}

const withMeta = (response: WireResponse, route: string): WireResponse => ({ ...response, meta: { service: 'control', route } });

function controlRoutes(control: MockControl): Array<{ path: string; handlers: Record<string, Handler> }> {
  const ok = (value: unknown = { ok: true }, status = 200) => jsonResponse(status, value);
  return [
    { path: '/health', handlers: { GET: () => ok({ status: 'ok' }) } },
    {
      path: '/reset',
      handlers: {
        POST: (req) => {
          noBody(req);
          control.reset();
          return ok();
        },
      },
    },
    {
      path: '/seed',
      handlers: {
        POST: (req, query) => {
          if (!query.has('generate')) return ok({ created: control.seed(requireBody(req, { yaml: true })) }, 201);
          noBody(req);
          return ok({ created: control.seed(generatedSeed(queryObject(query))) }, 201);
        },
      },
    },
    {
      path: '/state',
      handlers: {
        GET: () => ok(control.state()),
        PUT: (req) => ok({ replaced: control.replaceState(requireBody(req, { yaml: true })) }),
      },
    },
    {
      path: '/requests',
      handlers: {
        GET: (_req, query) => {
          const filter = journalFilter(queryObject(query));
          const requests = control.journal.find(filter);
          return ok({
            requests,
            count: requests.length,
            size: control.journal.size,
            capacity: control.journal.capacity,
            dropped: control.journal.droppedCount,
          });
        },
        DELETE: (req) => {
          noBody(req);
          return ok({ deleted: control.clearRequests() });
        },
      },
    },
    {
      path: '/verify',
      handlers: {
        POST: (req) => {
          const result = verify(requireBody(req), control.journal.all());
          if (!result.ok) throw verificationFailed(result);
          return ok({ ok: true, count: result.count });
        },
      },
    },
    {
      path: '/faults',
      handlers: {
        GET: () => ok({ faults: control.faults.list() }),
        POST: (req) => ok(control.faults.add(requireBody(req) as FaultRuleInput), 201),
        DELETE: (req) => {
          noBody(req);
          return ok({ deleted: control.faults.clear() });
        },
      },
    },
    {
      path: '/faults/{id}',
      handlers: {
        GET: (_req, _query, id = '') => ok(control.faults.get(id) ?? unknownFault(id)),
        DELETE: (_req, _query, id = '') => {
          if (!control.faults.remove(id)) unknownFault(id);
          return ok({ deleted: 1 });
        },
      },
    },
    {
      path: '/clock',
      handlers: {
        GET: () => ok(control.clock.state()),
        PUT: (req) => ok(control.clock.set(requireBody(req) as never)),
      },
    },
    {
      path: '/config',
      handlers: {
        GET: () => ok(control.config()),
        PUT: (req) => ok(control.config(requireBody(req) as never)),
      },
    },
    {
      path: '/metrics',
      handlers: { GET: async () => textResponse(200, await control.metricsText(), control.metrics.contentType) },
    },
  ];
}

function findRoute(routes: ReturnType<typeof controlRoutes>, path: string): { handlers: Record<string, Handler>; id?: string } {
  for (const route of routes) {
    if (route.path === path) return { handlers: route.handlers };
    const base = route.path.replace('/{id}', '/');
    if (route.path.endsWith('/{id}') && path.startsWith(base) && path.length > base.length && !path.slice(base.length).includes('/')) {
      return { handlers: route.handlers, id: decodeURIComponent(path.slice(base.length)) };
    }
  }
  throw new ControlProblem(404, `no control endpoint at ${path || '/'}`);
}

function unknownFault(id: string): never {
  throw new ControlProblem(404, `no fault rule with id ${JSON.stringify(id)}`, 'id');
}

function noBody(request: WireRequest): void {
  if (readBody(request) !== undefined) throw new ControlProblem(400, 'this call takes no body', '/');
}

/** Query parameters as an object; a parameter given twice is refused. */
function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) {
    if (key in out) throw new ControlProblem(400, `${key}: given more than once`, key);
    out[key] = value;
  }
  return out;
}

function asProblem(err: unknown): ControlProblem {
  if (err instanceof ControlProblem) return err;
  if (err instanceof SeedError) {
    const field = pointer(err.problems[0]?.path) ?? /(\/[^\s":]*)/.exec(err.message)?.[1] ?? '/';
    return new ControlProblem(400, err.message, field, err.problems.length > 0 ? { problems: err.problems } : {});
  }
  if (err instanceof URIError) return new ControlProblem(400, 'the path is not valid percent-encoding');
  return new ControlProblem(500, 'the control plane failed on this request');
}

/** A seed field as the seed reader names it (`images[0].visibility`) as a JSON pointer (`/images/0/visibility`). */
function pointer(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (path.startsWith('/')) return path;
  return `/${path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .join('/')}`;
}
