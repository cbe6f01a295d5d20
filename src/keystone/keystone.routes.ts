import type { Request, Response } from 'express';
import type { Clock } from '../runtime/clock';
import type { IdSource } from '../runtime/ids';
import type { KeystoneDirectory } from './directory';
import { KeystoneError, KeystoneErrors } from './keystone-errors';
import { keystoneJsonBody } from './request-json';
import { sendKeystone, sendKeystoneError, type KeystoneResult } from './keystone-reply';
import type { KeystoneService } from './keystone-service';
import { collectionView, domainView, identityUrl, projectView, tokenView, versionView } from './views';
import { hostUrl } from '../http/host-url';

export interface KeystoneRouteDeps {
  service: KeystoneService;
  directory: KeystoneDirectory;
  clock: Clock;
  ids: IdSource;
}

/** A request under `/identity`, with the path below it and the raw query string. */
export type KeystoneHandler = (req: Request, res: Response, path: string, rawQuery: string) => void;

interface Call {
  req: Request;
  origin: string;
  params: Record<string, string>;
  query: URLSearchParams;
  selfUrl: string;
}

type Handler = (call: Call) => KeystoneResult;

/** The Keystone v3 routes clients need to log in and resolve names; GET routes answer HEAD too, as Flask does. */
function routes(deps: KeystoneRouteDeps): Array<{ path: string; methods: Record<string, Handler> }> {
  const { service, directory, clock } = deps;
  const caller = (req: Request) => service.caller(header(req, 'x-auth-token'));
  return [
    {
      path: '/',
      methods: {
        GET: ({ origin }) => ({
          status: 300,
          json: { versions: { values: [versionView(origin)] } },
          headers: { Location: `${identityUrl(origin)}/v3/` },
        }),
      },
    },
    { path: '/v3', methods: { GET: ({ origin }) => ({ status: 200, json: { version: versionView(origin) } }) } },
    {
      path: '/v3/auth/tokens',
      methods: {
        POST: ({ req, origin, query }) => {
          const issued = service.authenticate(keystoneJsonBody(req.rawBody, header(req, 'content-type')));
          const body = tokenView(issued.identity, directory, origin, clock.now(), !query.has('nocatalog'));
          return { status: 201, json: body, headers: { 'X-Subject-Token': issued.id } };
        },
        GET: ({ req, origin, query }) => {
          const token = service.validate(caller(req), header(req, 'x-subject-token'));
          const body = tokenView(token.identity, directory, origin, clock.now(), !query.has('nocatalog'));
          return { status: 200, json: body, headers: { 'X-Subject-Token': token.id } };
        },
      },
    },
    {
      path: '/v3/projects',
      methods: {
        GET: ({ req, origin, query, selfUrl }) => {
          const projects = service.listProjects(caller(req), query).map((p) => projectView(p, origin));
          return { status: 200, json: collectionView('projects', projects, selfUrl), newline: true };
        },
      },
    },
    {
      path: '/v3/projects/:id',
      methods: {
        GET: ({ req, origin, params }) => ({
          status: 200,
          json: { project: projectView(service.getProject(caller(req), params.id), origin) },
          newline: true,
        }),
      },
    },
    {
      path: '/v3/domains',
      methods: {
        GET: ({ req, origin, query, selfUrl }) => {
          const domains = service.listDomains(caller(req), query).map((d) => domainView(d, origin));
          return { status: 200, json: collectionView('domains', domains, selfUrl), newline: true };
        },
      },
    },
    {
      path: '/v3/domains/:id',
      methods: {
        GET: ({ req, origin, params }) => ({
          status: 200,
          json: { domain: domainView(service.getDomain(caller(req), params.id), origin) },
          newline: true,
        }),
      },
    },
  ];
}

export function createKeystoneHandler(deps: KeystoneRouteDeps): KeystoneHandler {
  const table = routes(deps);
  return (req, res, path, rawQuery) => {
    const origin = `${hostUrl(req)}${req.baseUrl}`;
    const requestId = deps.ids.requestId();
    try {
      const normalized = path === '' ? '/' : path.length > 1 ? path.replace(/\/$/, '') : path;
      const match = matchRoute(table, normalized);
      if (!match) throw KeystoneErrors.routeNotFound();
      if (req.method === 'OPTIONS') {
        const allow = [...Object.keys(match.route.methods), ...('GET' in match.route.methods ? ['HEAD'] : []), 'OPTIONS'];
        return sendKeystone(res, { status: 200, headers: { Allow: allow.join(', ') } }, requestId);
      }
      const handler = match.route.methods[req.method === 'HEAD' ? 'GET' : req.method];
      if (!handler) throw KeystoneErrors.methodNotAllowed();
      const selfUrl = `${identityUrl(origin)}${path}${rawQuery ? `?${rawQuery}` : ''}`;
      const query = new URLSearchParams(rawQuery);
      sendKeystone(res, handler({ req, origin, params: match.params, query, selfUrl }), requestId);
    } catch (err) {
      const error = err instanceof KeystoneError ? err : KeystoneErrors.unexpected();
      sendKeystoneError(res, error, requestId, `${identityUrl(origin)}/v3`);
    }
  };
}

function matchRoute(table: ReturnType<typeof routes>, path: string) {
  const segments = path.split('/');
  for (const route of table) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        const value = decodeSegment(segments[i]);
        if (value === undefined || value === '') return false;
        params[part.slice(1)] = value;
        return true;
      }
      return part === segments[i];
    });
    if (ok) return { route, params };
  }
  return undefined;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
