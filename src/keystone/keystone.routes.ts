import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIdentity } from '../identity/tokens';
import type { Clock } from '../runtime/clock';
import type { IdSource } from '../runtime/ids';
import type { KeystoneDirectory } from './directory';
import { KeystoneError, KeystoneErrors } from './keystone-errors';
import { keystoneJsonBody } from './request-json';
import { keystoneErrorResponse, keystoneResponse, type KeystoneResult } from './keystone-reply';
import type { KeystoneService } from './keystone-service';
import { collectionView, domainView, identityUrl, projectView, tokenView, versionView } from './views';
import { rawBodyOf, type RawBody } from '../shared/raw-body';
import { Router, UNMATCHED, type RouteSpec } from '../shared/router';
import type { ExchangeMeta, Service, WireRequest } from '../wire/types';

export interface KeystoneRouteDeps {
  service: KeystoneService;
  directory: KeystoneDirectory;
  clock: Clock;
  ids: IdSource;
}

/** Where a devstack cloud serves Keystone. */
export const IDENTITY_PREFIX = '/identity';

interface Call {
  headers: IncomingHttpHeaders;
  body: RawBody | undefined;
  /** The caller's token, checked; noted for the exchange's record. */
  caller: () => TokenIdentity;
  /** Where the cloud is served: `http://host:port` and any mount path (Keystone under `/identity`, Glance under `/image`). */
  origin: string;
  params: Record<string, string>;
  query: URLSearchParams;
  selfUrl: string;
}

type Handler = (call: Call) => KeystoneResult;

/** The Keystone v3 routes clients need to log in and resolve names; GET routes answer HEAD too, as Flask does. */
function routes(deps: KeystoneRouteDeps): Array<RouteSpec<Handler>> {
  const { service, directory, clock } = deps;
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
        POST: ({ headers, body: sent, origin, query }) => {
          const issued = service.authenticate(keystoneJsonBody(sent, header(headers, 'content-type')));
          const body = tokenView(issued.identity, directory, origin, clock.now(), !query.has('nocatalog'));
          return { status: 201, json: body, headers: { 'X-Subject-Token': issued.id } };
        },
        GET: ({ headers, caller, origin, query }) => {
          const token = service.validate(caller(), header(headers, 'x-subject-token'));
          const body = tokenView(token.identity, directory, origin, clock.now(), !query.has('nocatalog'));
          return { status: 200, json: body, headers: { 'X-Subject-Token': token.id } };
        },
      },
    },
    {
      path: '/v3/projects',
      methods: {
        GET: ({ caller, origin, query, selfUrl }) => {
          const projects = service.listProjects(caller(), query).map((p) => projectView(p, origin));
          return { status: 200, json: collectionView('projects', projects, selfUrl), newline: true };
        },
      },
    },
    {
      path: '/v3/projects/:id',
      methods: {
        GET: ({ caller, origin, params }) => ({
          status: 200,
          json: { project: projectView(service.getProject(caller(), params.id), origin) },
          newline: true,
        }),
      },
    },
    {
      path: '/v3/domains',
      methods: {
        GET: ({ caller, origin, query, selfUrl }) => {
          const domains = service.listDomains(caller(), query).map((d) => domainView(d, origin));
          return { status: 200, json: collectionView('domains', domains, selfUrl), newline: true };
        },
      },
    },
    {
      path: '/v3/domains/:id',
      methods: {
        GET: ({ caller, origin, params }) => ({
          status: 200,
          json: { domain: domainView(service.getDomain(caller(), params.id), origin) },
          newline: true,
        }),
      },
    },
  ];
}

/**
 * Keystone behind the front door, as Flask routes: a path Keystone has no
 * route for is Flask's 404 page, OPTIONS lists the methods, HEAD is a GET
 * without the body; every answer carries a fresh request id.
 */
export function createKeystoneHttpService(deps: KeystoneRouteDeps): Service {
  const router = new Router(routes(deps), {
    decodeSegment,
    notFound: () => {
      throw KeystoneErrors.routeNotFound();
    },
    methodNotAllowed: () => () => {
      throw KeystoneErrors.methodNotAllowed();
    },
  });
  return {
    name: 'keystone',
    handle: async (request) => {
      const meta: ExchangeMeta = { service: 'keystone', route: UNMATCHED, requestId: deps.ids.requestId() };
      return { ...answer(deps, router, request, meta), meta };
    },
  };
}

function answer(deps: KeystoneRouteDeps, router: Router<Handler>, request: WireRequest, meta: ExchangeMeta) {
  const requestId = meta.requestId ?? '';
  const head = request.method === 'HEAD';
  // `base` ends with Keystone's own prefix; the documents it builds name the whole cloud's URLs.
  const site = request.base.endsWith(IDENTITY_PREFIX) ? request.base.slice(0, -IDENTITY_PREFIX.length) : request.base;
  const origin = `${request.origin}${site}`;
  const path = request.rawPath;
  try {
    const normalized = path === '' ? '/' : path.length > 1 ? path.replace(/\/$/, '') : path;
    const found = router.find(normalized);
    if (!found) throw KeystoneErrors.routeNotFound();
    meta.route = found.template;
    if (request.method === 'OPTIONS') {
      const allow = [...Object.keys(found.route.methods), ...('GET' in found.route.methods ? ['HEAD'] : []), 'OPTIONS'];
      return keystoneResponse({ status: 200, headers: { Allow: allow.join(', ') } }, requestId, head);
    }
    const { handler } = router.match(head ? 'GET' : request.method, normalized);
    const selfUrl = `${identityUrl(origin)}${path}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
    const caller = () => {
      const identity = deps.service.caller(header(request.headers, 'x-auth-token'));
      noteCaller(meta, identity);
      return identity;
    };
    const call = { headers: request.headers, body: rawBodyOf(request), caller, origin, params: found.params, selfUrl };
    const result = handler({ ...call, query: new URLSearchParams(request.rawQuery) });
    return keystoneResponse(result, requestId, head);
  } catch (err) {
    const error = err instanceof KeystoneError ? err : KeystoneErrors.unexpected();
    return keystoneErrorResponse(error, requestId, `${identityUrl(origin)}/v3`, head);
  }
}

function noteCaller(meta: ExchangeMeta, identity: TokenIdentity): void {
  meta.project = identity.projectId;
  meta.roles = [...identity.roles];
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
