import { stringify } from 'yaml';
import type { Exchange } from '../wire/types';
import type { Actor, Scenario, Step, StepExpectation } from './types';

export interface RecordOptions {
  name?: string;
  description?: string;
  /**
   * `trusted` (default): a caller whose token came from a login in the recording plays as the
   * trusted headers of that token's project, roles and user, so the scenario also runs on a
   * Glance without Keystone. `keystone`: it logs in again with the recorded password.
   */
  actors?: 'trusted' | 'keystone';
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const WHOLE_UUID = new RegExp(`^${UUID.source}$`, 'i');
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

interface Login {
  project?: string;
  roles: string[];
  user?: string;
  username?: string;
  password?: string;
  projectName?: string;
  domain?: string;
}

/**
 * A scenario from recorded exchanges: one step per Glance request (Keystone's and version
 * discovery are the client's set-up and are left out), ids first seen in an answer become
 * captures that later requests and expectations use, other volatile values (timestamps, ids,
 * request ids, tokens) become matchers or are not expected. The exchanges are one namespace's:
 * another namespace's images are not this one's, so mixed together they would not play back.
 */
export function scenarioFromExchanges(exchanges: Exchange[], options: RecordOptions = {}): Scenario {
  const logins = new Map<string, Login>();
  const actors: Record<string, Actor> = {};
  const actorKeys = new Map<string, string>();
  const known = new Map<string, string>(); // volatile literal -> variable name
  const used = new Set<string>();
  const steps: Step[] = [];

  for (const exchange of exchanges) {
    const login = loginOf(exchange);
    if (login) logins.set(login.token, login.login);
    const path = glancePath(exchange);
    if (path === undefined) continue;
    const actor = actorOf(exchange, logins, options.actors ?? 'trusted');
    let actorName: string | undefined;
    if (actor) {
      const key = JSON.stringify(actor.actor);
      actorName = actorKeys.get(key);
      if (!actorName) {
        actorName = uniqueName(actor.hint, used);
        actorKeys.set(key, actorName);
        actors[actorName] = actor.actor;
      }
    }
    const step = toStep(exchange, path, actorName, known, used, steps.length + 1);
    steps.push(step);
  }
  return {
    name: options.name ?? 'recorded flow',
    ...(options.description ? { description: options.description } : {}),
    ...(Object.keys(actors).length ? { actors } : {}),
    steps,
  };
}

/** The scenario as YAML, as `glance-mock record` writes it. */
export function scenarioToYaml(scenario: Scenario): string {
  return stringify(scenario, { lineWidth: 0 });
}

function loginOf(exchange: Exchange): { token: string; login: Login } | undefined {
  const { request, response } = exchange;
  if (request.method !== 'POST' || !/\/v3\/auth\/tokens$/.test(request.rawPath) || response.status !== 201) return undefined;
  const token = header(response.headers, 'x-subject-token');
  if (!token) return undefined;
  const body = json(bodyText(response.body)) as {
    token?: { project?: { id?: string }; roles?: Array<{ name?: string }>; user?: { id?: string } };
  };
  const sent = json(request.body?.toString('utf8') ?? '') as {
    auth?: {
      identity?: { password?: { user?: { name?: string; password?: string; domain?: { name?: string } } } };
      scope?: { project?: { name?: string } };
    };
  };
  const user = sent?.auth?.identity?.password?.user;
  return {
    token,
    login: {
      project: body?.token?.project?.id,
      roles: (body?.token?.roles ?? []).map((r) => r.name ?? '').filter(Boolean),
      user: body?.token?.user?.id,
      username: user?.name,
      password: user?.password,
      projectName: sent?.auth?.scope?.project?.name,
      domain: user?.domain?.name,
    },
  };
}

/** The Glance path of a request (below its base: `/image`, a mount path), or undefined for anything but the v2 API. */
function glancePath(exchange: Exchange): string | undefined {
  const { request, response } = exchange;
  if (response.meta?.service && response.meta.service !== 'glance') return undefined;
  if (/\/identity$/.test(request.base)) return undefined;
  const path = request.rawPath;
  if (!/^\/v2(\/|$)/.test(path)) return undefined;
  return request.rawQuery ? `${path}?${request.rawQuery}` : path;
}

function actorOf(exchange: Exchange, logins: Map<string, Login>, mode: 'trusted' | 'keystone'): { actor: Actor; hint: string } | undefined {
  const h = exchange.request.headers;
  const one = (name: string) => {
    const v = h[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (one('x-identity-status') === 'Confirmed' && (one('x-project-id') || one('x-tenant-id'))) {
    const project = (one('x-project-id') ?? one('x-tenant-id'))!;
    const roles = one('x-roles');
    const user = one('x-user-id');
    const actor: Actor = {
      project,
      ...(roles
        ? {
            roles: roles
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
          }
        : {}),
      ...(user ? { user } : {}),
    };
    return { actor, hint: `project_${project.slice(0, 8)}` };
  }
  const token = one('x-auth-token');
  if (!token) return undefined;
  const login = logins.get(token);
  if (login && mode === 'keystone' && login.username && login.password !== undefined) {
    const keystone = {
      username: login.username,
      password: login.password,
      ...(login.projectName ? { project: login.projectName } : {}),
      ...(login.domain ? { domain: login.domain } : {}),
    };
    return { actor: { keystone }, hint: login.username };
  }
  if (login?.project) {
    const actor: Actor = { project: login.project, roles: login.roles, ...(login.user ? { user: login.user } : {}) };
    return { actor, hint: login.username ?? `project_${login.project.slice(0, 8)}` };
  }
  return { actor: { token }, hint: 'token' };
}

function toStep(
  exchange: Exchange,
  path: string,
  actor: string | undefined,
  known: Map<string, string>,
  used: Set<string>,
  n: number,
): Step {
  const { request, response } = exchange;
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'accept']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name === 'content-type' ? 'Content-Type' : 'Accept'] = substitute(value, known);
  }
  let sentText = request.body?.toString('utf8');
  // A scenario's body is text: bytes that are not UTF-8 (image data) are left out, and said so.
  const binary = request.body !== undefined && !Buffer.from(sentText ?? '', 'utf8').equals(request.body);
  if (binary) sentText = undefined;
  let body: unknown;
  if (sentText !== undefined && sentText !== '') {
    const parsed = json(sentText);
    if (parsed !== undefined && /json/.test(String(request.headers['content-type'] ?? ''))) {
      body = substituteDeep(parsed, known);
      if (headers['Content-Type'] === 'application/json') delete headers['Content-Type'];
    } else body = substitute(sentText, known);
  }
  const stepRequest = {
    method: request.method,
    path: substitute(path, known),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(body !== undefined ? { body } : {}),
  };

  const text = bodyText(response.body);
  const expect: StepExpectation = { status: response.status };
  const contentType = header(response.headers, 'content-type');
  if (contentType) expect.headers = { 'Content-Type': contentType };
  else if (response.status === 204) expect.headers = { 'Content-Type': { absent: true } };
  const answer = /json/.test(contentType ?? '') ? json(text) : undefined;
  const capture: Record<string, string> = {};
  if (answer !== undefined) {
    // The ids first seen here are captured, for this answer's expectation and the steps after.
    collectIds(answer, '$', (value, at, key) => {
      if (known.has(value)) return;
      const name = uniqueName(variableHint(answer, key), used);
      known.set(value, name);
      capture[name] = at;
    });
    expect.body = expectation(answer, known);
  } else if (text.length <= 4000) expect.text = textExpectation(text, known);
  return {
    name: `${n}. ${request.method} ${path.replace(UUID, '…')}${binary ? ' (its binary body not recorded)' : ''}`.slice(0, 160),
    ...(actor ? { actor } : {}),
    request: stepRequest,
    expect,
    ...(Object.keys(capture).length ? { capture } : {}),
  };
}

function variableHint(answer: unknown, key: string): string {
  const schema = (answer as { schema?: unknown })?.schema;
  if (key === 'id' && schema === '/v2/schemas/image') return 'image';
  if (key === 'id' && schema === '/v2/schemas/task') return 'task';
  return key.replace(/[^A-Za-z0-9_]/g, '_') || 'value';
}

/** Every UUID string directly under an object key, with its JSONPath (top level and objects under it). */
function collectIds(value: unknown, at: string, found: (value: string, at: string, key: string) => void): void {
  if (Array.isArray(value)) return; // a list's items are other resources: matched, not captured
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    const path = /^[A-Za-z_][\w]*$/.test(key) ? `${at}.${key}` : `${at}["${key}"]`;
    if (typeof v === 'string' && WHOLE_UUID.test(v)) found(v, path, key);
    else if (typeof v === 'object' && v !== null) collectIds(v, path, found);
  }
}

/** A recorded answer as an expectation: known ids as variables, timestamps and other ids as matchers. */
function expectation(value: unknown, known: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => expectation(v, known));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expectation(v, known)]));
  if (typeof value !== 'string') return value;
  if (TIMESTAMP.test(value)) return { timestamp: true };
  const replaced = substitute(value, known);
  if (WHOLE_UUID.test(replaced)) return { uuid: true };
  if (new RegExp(UUID.source, 'i').test(replaced)) return { regex: anyIdRegex(replaced) };
  return escapeTemplate(replaced, value);
}

function textExpectation(text: string, known: Map<string, string>): unknown {
  const replaced = substitute(text, known);
  if (!new RegExp(UUID.source, 'i').test(replaced)) return escapeTemplate(replaced, text);
  // An id the recording never saw created: any id in its place.
  return { regex: anyIdRegex(replaced) };
}

/** `${` in recorded text that no substitution made stays literal when played. */
function escapeTemplate(replaced: string, original: string): string {
  return original.includes('${') ? replaced.replace(/\$\{(?!\w+\})/g, '$${') : replaced;
}

/** A regex for text with ids nobody captured (any id there); `${name}` stays, to be interpolated. */
function anyIdRegex(replaced: string): string {
  const escaped = escapeRegex(replaced)
    .replace(/\\\$\\\{(\w+)\\\}/g, (_m, name: string) => `\${${name}}`)
    .replace(new RegExp(UUID.source, 'gi'), '[0-9a-f-]{36}');
  return `^${escaped}$`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function substitute(text: string, known: Map<string, string>): string {
  let out = text;
  for (const [value, name] of known) out = out.split(value).join(`\${${name}}`);
  return out;
}

function substituteDeep(value: unknown, known: Map<string, string>): unknown {
  if (typeof value === 'string') return substitute(value, known);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, known));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, known)]));
  return value;
}

function uniqueName(hint: string, used: Set<string>): string {
  const base = /^[A-Za-z_]/.test(hint) ? hint : `v_${hint}`;
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}

function header(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

function bodyText(body: Buffer | Buffer[] | undefined): string {
  if (!body) return '';
  return (Array.isArray(body) ? Buffer.concat(body) : body).toString('utf8');
}

function json(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
