import type { Exchange } from '../wire/types';
import type { ProviderState } from './states';

export interface PactParticipants {
  consumer: string;
  provider: string;
}

/** A Pact V4 file as JSON. */
export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: Record<string, unknown>;
}

export interface PactInteraction {
  type: 'Synchronous/HTTP';
  description: string;
  pending: false;
  providerStates: Array<{ name: string; params: Record<string, unknown> }>;
  request: PactRequest;
  response: PactResponse;
}

interface PactBody {
  content: unknown;
  contentType: string;
  encoded: false | 'base64';
}

interface PactRequest {
  method: string;
  path: string;
  query?: Record<string, string[]>;
  headers?: Record<string, string[]>;
  body?: PactBody;
  generators?: Record<string, unknown>;
  matchingRules?: Record<string, unknown>;
}

interface PactResponse {
  status: number;
  headers?: Record<string, string[]>;
  body?: PactBody;
  matchingRules?: Record<string, unknown>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rules = Record<string, { combine: 'AND'; matchers: Array<Record<string, unknown>> }>;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID_ONLY = new RegExp(`^${UUID}$`);
const TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$';
const IMAGE_PATH = new RegExp(`^/v2/images/(${UUID})(/.*)?$`);
/** Request headers a pact keeps: what Glance reads. Tokens become trusted headers; the rest is the client's. */
const REQUEST_HEADERS = ['accept', 'content-type', 'x-identity-status', 'x-project-id', 'x-tenant-id', 'x-user-id', 'x-roles'];

/**
 * Turns the exchanges clients had with the mock into a Pact V4 file. Each
 * Glance call (`/v2/...`, also under `/image`) becomes an interaction; its
 * provider states say what the request met, in the vocabulary of states.ts,
 * as far as the exchanges before it and its own answer tell: an image is
 * known from a create, a show, a list or a member call that saw it, its
 * members from the member calls. Ids, timestamps and request ids are matched
 * by pattern, image ids in paths come from the provider state, and a token is
 * replaced by the trusted headers of its project (`meta.project`, `meta.roles`),
 * so the pact verifies against any Glance that trusts those headers.
 */
export function pactFromExchanges(exchanges: Exchange[], { consumer, provider }: PactParticipants): PactFile {
  // Each namespace is a cloud of its own (with `ids` seeded, the same ids name different images in
  // each): what one namespace's exchanges tell says nothing about another's images.
  const worlds = new Map<string, World>();
  const interactions: PactInteraction[] = [];
  for (const exchange of exchanges) {
    const service = exchange.response.meta?.service;
    const path = glancePath(exchange.request.url.split('?')[0]);
    if (path === undefined || (service !== undefined && service !== 'glance')) continue;
    const call = readExchange(exchange, path);
    let world = worlds.get(exchange.namespace);
    if (!world) worlds.set(exchange.namespace, (world = new World()));
    const states = world.statesFor(call);
    interactions.push(interaction(call, states, interactions.length + 1));
    world.learn(call);
  }
  return {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions,
    metadata: { pactSpecification: { version: '4.0' }, recordedBy: { name: 'glance-mock' } },
  };
}

/** The Glance path of a request, or undefined for what is not Glance's API (Keystone, the version list). */
function glancePath(rawPath: string): string | undefined {
  const path = rawPath.startsWith('/image/') ? rawPath.slice('/image'.length) : rawPath;
  return path.startsWith('/v2/') ? path : undefined;
}

interface Call {
  exchange: Exchange;
  method: string;
  path: string;
  query: string;
  imageId?: string;
  /** `/members`, `/members/{id}` or '' after the image id. */
  rest: string;
  project: string | null;
  roles: string[];
  status: number;
  body: Json | undefined;
  responseBody: Json | undefined;
}

function readExchange(exchange: Exchange, path: string): Call {
  const { request, response } = exchange;
  const match = IMAGE_PATH.exec(path);
  const meta = response.meta ?? {};
  return {
    exchange,
    method: request.method.toUpperCase(),
    path,
    query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
    imageId: match?.[1],
    rest: match?.[2] ?? '',
    project: meta.project ?? headerValue(request.headers['x-project-id']) ?? null,
    roles: meta.roles ?? headerValue(request.headers['x-roles'])?.split(',') ?? [],
    status: response.status,
    body: parseJson(request.body),
    responseBody: parseJson(bodyBuffer(response.body)),
  };
}

interface KnownImage {
  id: string;
  visibility: 'private' | 'shared' | 'community' | 'public';
  owner: string | null;
  name?: string | null;
  members: Map<string, 'pending' | 'accepted' | 'rejected'>;
}

/** What the exchanges so far tell about the provider's images and members. */
class World {
  private readonly images = new Map<string, KnownImage>();
  private readonly gone = new Set<string>();

  statesFor(call: Call): ProviderState[] {
    if (call.imageId === undefined) return this.listStates(call);
    const id = call.imageId;
    if (this.gone.has(id) || (call.status === 404 && !this.images.has(id) && call.rest === '')) {
      return [{ state: 'no image exists', imageId: id }];
    }
    const found = this.images.get(id) ?? this.inferImage(call);
    if (!found) return [{ state: 'no image exists', imageId: id }];
    const known = { ...found, members: new Map(found.members) };
    revealMembers(call, known);
    if (call.status === 413 && call.rest === '/members') {
      return [{ state: 'the image has reached its member limit', imageId: id, owner: known.owner }];
    }
    return imageStates(known);
  }

  /** An image first met in this call: what its answer and its caller say about it. */
  private inferImage(call: Call): KnownImage | undefined {
    const id = call.imageId as string;
    const body = asObject(call.responseBody);
    if (call.rest === '' && body && body.id === id) return imageFrom(body);
    if (!call.rest.startsWith('/members')) return undefined;
    if (call.status === 404 && /not found\.?<br|Image .* not found/.test(JSON.stringify(call.responseBody ?? ''))) return undefined;
    const image: KnownImage = { id, visibility: 'shared', owner: call.project, members: new Map() };
    const memberInPath = decodeURIComponent(call.rest.slice('/members/'.length));
    if (call.rest.startsWith('/members/') && call.status < 300 && call.method !== 'PUT') image.members.set(memberInPath, 'pending');
    if (call.method === 'PUT' && call.status < 300) {
      // The member changed its own status: the owner is someone else; what it was before is unknown.
      image.owner = null;
      image.members.set(memberInPath, 'pending');
    }
    if (call.status === 409 && typeof asObject(call.body)?.member === 'string') {
      image.members.set(asObject(call.body)?.member as string, 'pending');
    }
    for (const member of asArray(body?.members)) {
      const entry = asObject(member);
      if (entry && typeof entry.member_id === 'string') image.members.set(entry.member_id, memberStatus(entry.status));
    }
    return image;
  }

  /** An image list: each image listed, and the caller's membership of those shared with it. */
  private listStates(call: Call): ProviderState[] {
    if (!(call.method === 'GET' && call.path === '/v2/images' && call.status === 200)) return [];
    const wanted = new URLSearchParams(call.query).get('member_status');
    return asArray(asObject(call.responseBody)?.images).flatMap((entry) => {
      const body = asObject(entry);
      if (!body || typeof body.id !== 'string') return [];
      const image = this.images.get(body.id) ?? imageFrom(body);
      if (image.visibility === 'shared' && call.project && image.owner !== call.project && !image.members.has(call.project)) {
        image.members.set(call.project, wanted === 'pending' || wanted === 'rejected' ? wanted : 'accepted');
      }
      return imageStates(image);
    });
  }

  /** What the provider holds after this call. */
  learn(call: Call): void {
    const body = asObject(call.responseBody);
    if (call.method === 'POST' && call.path === '/v2/images' && call.status === 201 && body && typeof body.id === 'string') {
      this.images.set(body.id, imageFrom(body));
      return;
    }
    if (call.imageId === undefined) {
      if (call.path === '/v2/images' && call.status === 200) this.remember(call);
      return;
    }
    const id = call.imageId;
    if (call.status === 404 && call.rest === '') {
      this.gone.add(id);
      return;
    }
    if (call.status >= 300) return;
    if (call.method === 'DELETE' && call.rest === '') {
      this.images.delete(id);
      this.gone.add(id);
      return;
    }
    const image = this.images.get(id) ?? this.inferImage(call);
    if (!image) return;
    this.images.set(id, image);
    revealMembers(call, image);
    if (call.rest === '' && body) Object.assign(image, imageFrom(body), { members: image.members });
    if (call.rest === '/members' && call.method === 'POST' && typeof body?.member_id === 'string')
      image.members.set(body.member_id, 'pending');
    if (call.rest.startsWith('/members/')) {
      const memberId = decodeURIComponent(call.rest.slice('/members/'.length));
      if (call.method === 'DELETE') image.members.delete(memberId);
      else if (body && typeof body.status === 'string') image.members.set(memberId, memberStatus(body.status));
    }
  }

  private remember(call: Call): void {
    for (const entry of asArray(asObject(call.responseBody)?.images)) {
      const body = asObject(entry);
      if (body && typeof body.id === 'string' && !this.images.has(body.id)) this.images.set(body.id, imageFrom(body));
    }
  }
}

/** Members that were there before a call, as its successful answer shows them. */
function revealMembers(call: Call, image: KnownImage): void {
  if (call.status >= 300 || !call.rest.startsWith('/members')) return;
  const body = asObject(call.responseBody);
  if (call.method === 'GET') {
    const listed = call.rest === '/members' ? asArray(body?.members) : [body ?? null];
    for (const member of listed) {
      const entry = asObject(member);
      if (entry && typeof entry.member_id === 'string') image.members.set(entry.member_id, memberStatus(entry.status));
    }
  }
  if (call.rest.startsWith('/members/') && (call.method === 'PUT' || call.method === 'DELETE')) {
    const memberId = decodeURIComponent(call.rest.slice('/members/'.length));
    if (!image.members.has(memberId)) image.members.set(memberId, 'pending');
  }
}

function imageStates(image: KnownImage): ProviderState[] {
  const states: ProviderState[] = [
    {
      state: 'an image exists',
      imageId: image.id,
      visibility: image.visibility,
      owner: image.owner,
      ...(typeof image.name === 'string' ? { name: image.name } : {}),
    },
  ];
  if (image.visibility !== 'shared') return states;
  for (const [memberId, status] of image.members) {
    states.push({ state: 'a project is a member of the image', imageId: image.id, memberId, status });
  }
  return states;
}

function imageFrom(body: Record<string, Json>): KnownImage {
  const visibility = ['private', 'shared', 'community', 'public'].includes(String(body.visibility))
    ? (body.visibility as KnownImage['visibility'])
    : 'shared';
  return {
    id: String(body.id),
    visibility,
    owner: typeof body.owner === 'string' ? body.owner : null,
    name: typeof body.name === 'string' ? body.name : null,
    members: new Map(),
  };
}

function memberStatus(value: Json | undefined): 'pending' | 'accepted' | 'rejected' {
  return value === 'accepted' || value === 'rejected' ? value : 'pending';
}

function interaction(call: Call, states: ProviderState[], n: number): PactInteraction {
  const { request, response } = call.exchange;
  const pathRules: Rules = {};
  const generators: Record<string, unknown> = {};
  const stated = call.imageId !== undefined && states.some((state) => state.imageId === call.imageId);
  if (stated) {
    generators.path = { type: 'ProviderState', expression: `/v2/images/\${imageId}${call.rest}` };
    pathRules.path = { combine: 'AND', matchers: [{ match: 'type' }] };
  }
  const pactRequest: PactRequest = {
    method: call.method,
    path: call.path,
    ...(call.query ? { query: queryOf(call.query) } : {}),
    headers: requestHeaders(call),
    ...(request.body && request.body.length > 0 ? { body: bodyOf(request.body, headerValue(request.headers['content-type'])) } : {}),
    ...(stated ? { generators, matchingRules: { path: pathRules.path } } : {}),
  };
  const responseType = headerOf(response.headers, 'content-type');
  const responseRules = bodyRules(stableImages(call.responseBody));
  const headerRules: Rules = {};
  const headers: Record<string, string[]> = {};
  if (responseType) headers['Content-Type'] = [responseType];
  const location = headerOf(response.headers, 'location');
  if (location) {
    headers.Location = [location];
    headerRules.Location = { combine: 'AND', matchers: [{ match: 'regex', regex: `^.*/v2/images/${UUID}$` }] };
  }
  const requestId = headerOf(response.headers, 'x-openstack-request-id');
  if (requestId) {
    headers['X-Openstack-Request-Id'] = [requestId];
    headerRules['X-Openstack-Request-Id'] = { combine: 'AND', matchers: [{ match: 'regex', regex: `^req-${UUID}$` }] };
  }
  const body = bodyBuffer(response.body);
  const pactResponse: PactResponse = {
    status: response.status,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(body && body.length > 0 ? { body: withoutImageData(bodyOf(body, responseType)) } : {}),
    ...(Object.keys(responseRules).length > 0 || Object.keys(headerRules).length > 0
      ? {
          matchingRules: {
            ...(Object.keys(responseRules).length > 0 ? { body: responseRules } : {}),
            ...(Object.keys(headerRules).length > 0 ? { header: headerRules } : {}),
          },
        }
      : {}),
  };
  return {
    type: 'Synchronous/HTTP',
    description: `${n}. ${call.method} ${describePath(call)} → ${response.status}${inNamespace(call.exchange)}`,
    pending: false,
    providerStates: states.map(({ state, ...params }) => ({ name: state, params })),
    request: pactRequest,
    response: pactResponse,
  };
}

/** Where a recorded call was made, when not in the default namespace. */
const inNamespace = ({ namespace }: Exchange) => (namespace ? ` (namespace ${namespace})` : '');

function describePath(call: Call): string {
  if (call.imageId === undefined) return call.path + (call.query ? `?${call.query}` : '');
  return `/v2/images/{image}${call.rest}`;
}

/** The caller as trusted headers: a token becomes its project and roles. */
function requestHeaders(call: Call): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  const raw = call.exchange.request.headers;
  for (const name of REQUEST_HEADERS) {
    const value = headerValue(raw[name]);
    if (value !== undefined) headers[canonical(name)] = [value];
  }
  if (raw['x-auth-token'] !== undefined && headers['X-Identity-Status'] === undefined && call.project) {
    headers['X-Identity-Status'] = ['Confirmed'];
    headers['X-Project-Id'] = [call.project];
    headers['X-Roles'] = [call.roles.join(',')];
  }
  return headers;
}

/** Volatile values matched by pattern: ids, timestamps, the links that carry ids. */
function bodyRules(body: Json | undefined): Rules {
  const rules: Rules = {};
  const walk = (value: Json, path: string, key: string) => {
    if (Array.isArray(value)) {
      if (value.length > 0 && (key === 'images' || key === 'members')) {
        rules[path] = { combine: 'AND', matchers: [{ match: 'type', min: 0 }] };
        walk(value[0], `${path}[*]`, '');
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) walk(child, `${path}.${name}`, name);
      return;
    }
    if (typeof value !== 'string') return;
    const rule = (regex: string) => (rules[path] = { combine: 'AND', matchers: [{ match: 'regex', regex }] });
    if ((key === 'id' || key === 'image_id') && UUID_ONLY.test(value)) rule(`^${UUID}$`);
    else if ((key === 'created_at' || key === 'updated_at') && new RegExp(TIMESTAMP).test(value)) rule(TIMESTAMP);
    else if (key === 'self' || key === 'file') rule(`^/v2/images/${UUID}(/file)?$`);
    else if (key === 'message' && new RegExp(UUID).test(value)) {
      rule(`^${escapeRegex(value).replace(new RegExp(UUID, 'g'), UUID)}$`);
    }
  };
  if (body !== undefined && body !== null && typeof body === 'object') walk(body, '$', '');
  return rules;
}

/**
 * What provider states can set up of an image: the rest (status, data, formats,
 * extra properties) depends on what was uploaded and is left out of the
 * expected body, where a missing key means "anything".
 */
const STABLE_IMAGE_KEYS = new Set(['id', 'name', 'visibility', 'owner', 'created_at', 'updated_at', 'self', 'file', 'schema']);

function stableImages(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((one) => stableImages(one) as Json);
  if (value === null || typeof value !== 'object') return value;
  const image = 'visibility' in value && 'id' in value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !image || STABLE_IMAGE_KEYS.has(key))
      .map(([key, child]) => [key, stableImages(child) as Json]),
  );
}

function withoutImageData(body: PactBody): PactBody {
  return body.encoded === false && typeof body.content === 'object' ? { ...body, content: stableImages(body.content as Json) } : body;
}

function bodyOf(buffer: Buffer, contentType: string | undefined): PactBody {
  const type = contentType ?? 'application/octet-stream';
  const json = /json/i.test(type) ? parseJson(buffer) : undefined;
  if (json !== undefined) return { content: json, contentType: type, encoded: false };
  if (/^text\/|json/i.test(type)) return { content: buffer.toString('utf8'), contentType: type, encoded: false };
  return { content: buffer.toString('base64'), contentType: type, encoded: 'base64' };
}

function queryOf(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) (result[key] ??= []).push(value);
  return result;
}

function parseJson(buffer: Buffer | undefined): Json | undefined {
  if (!buffer || buffer.length === 0) return undefined;
  try {
    return JSON.parse(buffer.toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

function bodyBuffer(body: Buffer | Buffer[] | undefined): Buffer | undefined {
  if (body === undefined) return undefined;
  return Array.isArray(body) ? Buffer.concat(body) : body;
}

function headerOf(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function canonical(name: string): string {
  if (name === 'x-openstack-request-id') return 'X-Openstack-Request-Id';
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

function asObject(value: Json | undefined): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
