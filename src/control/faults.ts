import { GlanceError, WEBOB_EXPLANATIONS, type GlanceStatus } from '../domain/glance-errors';
import { formatError } from '../http/error-format';
import type { WireRequest, WireResponse } from '../wire/types';
import { objectAt, optionalInteger, optionalNumber, optionalString, type Fields } from './check';
import { drawDelay, latencySpec, MAX_DELAY_MS, type LatencySpec } from './latency';
import { pathPattern, type PathPattern } from './path-pattern';
import { badField, ControlProblem } from './problem';
import { seededRandom } from './random';
import { requestPath } from './request-path';

export const FAULT_KINDS = ['reset', 'empty-response', 'hang'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** How long `hang` holds a connection unless the rule says otherwise, and the most it may say. */
export const DEFAULT_HANG_MS = 30_000;
export const MAX_HANG_MS = 300_000;
export const MAX_FAULT_RULES = 1000;

export type FaultResponse = { status: number; headers?: Record<string, string>; body?: unknown } | { fault: FaultKind; hangMs?: number };

/** A fault rule as given to `POST /_mock/faults` or `control.faults.add()`. */
export interface FaultRuleInput {
  method?: string;
  path?: string;
  project?: string;
  response?: FaultResponse;
  latency?: LatencySpec;
  delayMs?: number;
  times?: number;
  probability?: number;
  seed?: string | number;
}

/** A rule as listed: what was given, its id, and how often it fired. */
export interface FaultRule extends FaultRuleInput {
  id: string;
  hits: number;
  /** Fires left when `times` was given. */
  remaining?: number;
}

const RULE_FIELDS = ['method', 'path', 'project', 'response', 'latency', 'delayMs', 'times', 'probability', 'seed'] as const;

interface LiveRule {
  view: FaultRule;
  path: PathPattern;
  chance: () => number;
  jitter: () => number;
}

/** What the front door does for one request: wait, then answer in place of the service, or let it answer. */
export interface FaultAction {
  delayMs: number;
  response?: FaultResponse;
  ruleIds: string[];
}

/** Check a rule; every failure names its field. */
export function checkRule(input: unknown): FaultRuleInput {
  const fields = objectAt(input, '', RULE_FIELDS);
  const method = optionalString(fields, 'method', '');
  if (method !== undefined && method !== '*' && !/^[A-Za-z]+$/.test(method)) throw badField('/method', 'must be an HTTP method or *');
  const path = optionalString(fields, 'path', '');
  if (path !== undefined) pathPattern(path, '/path');
  const project = optionalString(fields, 'project', '');
  const response = fields.response === undefined ? undefined : checkResponse(fields.response);
  const latency = fields.latency === undefined ? undefined : latencySpec(fields.latency, '/latency');
  const delayMs = optionalInteger(fields, 'delayMs', '', 0, MAX_DELAY_MS);
  const times = optionalInteger(fields, 'times', '', 1);
  const probability = optionalNumber(fields, 'probability', '', 0, 1);
  const seed = fields.seed;
  if (seed !== undefined && typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) {
    throw badField('/seed', 'must be a string or a number');
  }
  if (!response && !latency && delayMs === undefined) throw badField('/response', 'is required unless latency or delayMs is given');
  return strip({ method: method?.toUpperCase(), path, project, response, latency, delayMs, times, probability, seed });
}

function checkResponse(input: unknown): FaultResponse {
  const fields: Fields = objectAt(input, '/response', ['status', 'headers', 'body', 'fault', 'hangMs']);
  if (fields.fault !== undefined) {
    if (fields.status !== undefined || fields.headers !== undefined || fields.body !== undefined) {
      throw badField('/response/fault', 'cannot be given with status, headers or body');
    }
    if (!FAULT_KINDS.includes(fields.fault as FaultKind)) throw badField('/response/fault', `must be one of ${FAULT_KINDS.join(', ')}`);
    const hangMs = optionalInteger(fields, 'hangMs', '/response', 1, MAX_HANG_MS);
    if (hangMs !== undefined && fields.fault !== 'hang') throw badField('/response/hangMs', 'is for the hang fault only');
    return strip({ fault: fields.fault as FaultKind, hangMs });
  }
  if (fields.hangMs !== undefined) throw badField('/response/hangMs', 'is for the hang fault only');
  const status = optionalInteger(fields, 'status', '/response', 200, 599);
  if (status === undefined) throw badField('/response/status', 'is required unless fault is given');
  const headers = fields.headers;
  if (headers !== undefined) {
    const map = objectAt(headers, '/response/headers', Object.keys(headers as object));
    for (const [name, value] of Object.entries(map)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw badField(`/response/headers/${name}`, 'is not a header name');
      if (typeof value !== 'string' || /[\r\n]/.test(value)) throw badField(`/response/headers/${name}`, 'must be a string on one line');
    }
  }
  return strip({ status, headers: headers as Record<string, string> | undefined, body: fields.body });
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The fault rules of one mock instance, in the order they were added. */
export class FaultRules {
  private rules: LiveRule[] = [];
  private nextId = 1;

  add(input: unknown): FaultRule {
    const rule = checkRule(input);
    if (this.rules.length >= MAX_FAULT_RULES) throw new ControlProblem(409, `at most ${MAX_FAULT_RULES} fault rules may exist`);
    const view: FaultRule = { id: `fault-${this.nextId++}`, ...rule, hits: 0, ...(rule.times !== undefined && { remaining: rule.times }) };
    const seed = rule.seed ?? 0;
    this.rules.push({
      view,
      path: pathPattern(rule.path ?? '*', '/path'),
      chance: seededRandom(`${seed}:probability`),
      jitter: seededRandom(`${seed}:latency`),
    });
    return { ...view };
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.view }));
  }

  get(id: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.view.id === id);
    return rule && { ...rule.view };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.view.id !== id);
    return this.rules.length < before;
  }

  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }

  reset(): void {
    this.clear();
    this.nextId = 1;
  }

  /** Rules that can still fire. */
  get active(): number {
    return this.rules.filter((r) => r.view.remaining !== 0).length;
  }

  /**
   * The first rule with a response that matches and fires answers; every
   * matching latency-only rule adds its delay. A rule that matches draws from
   * its own seeded generator, so the same requests give the same faults.
   */
  pick(request: WireRequest, project: () => string | null): FaultAction | undefined {
    let delayMs = 0;
    let response: FaultResponse | undefined;
    const ruleIds: string[] = [];
    let callerProject: string | null | undefined;
    for (const rule of this.rules) {
      const { view } = rule;
      if (view.remaining === 0) continue;
      if (response && view.response) continue;
      if (view.method && view.method !== '*' && view.method !== request.method) continue;
      if (!rule.path.matches(requestPath(request))) continue;
      if (view.project !== undefined) {
        callerProject ??= project();
        if (callerProject !== view.project) continue;
      }
      if (view.probability !== undefined && rule.chance() >= view.probability) continue;
      view.hits++;
      if (view.remaining !== undefined) view.remaining--;
      ruleIds.push(view.id);
      if (view.delayMs !== undefined) delayMs += view.delayMs;
      if (view.latency) delayMs += drawDelay(view.latency, rule.jitter);
      if (view.response) response = view.response;
    }
    if (ruleIds.length === 0) return undefined;
    return { delayMs: Math.min(delayMs, MAX_DELAY_MS), response, ruleIds };
  }
}

/**
 * The answer an injected status gives: given headers and body as they are;
 * a bare error status answers webob's text for it, formatted by Accept, as
 * Glance answers when it raises the bare exception.
 */
export function faultAnswer(response: FaultResponse, request: WireRequest, requestId: string): WireResponse {
  if ('fault' in response) return { status: 0, reason: '', headers: [], body: undefined, fault: response.fault };
  const given = Object.entries(response.headers ?? {});
  if (response.body !== undefined) {
    const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    const bytes = Buffer.from(text, 'utf8');
    const hasType = given.some(([name]) => name.toLowerCase() === 'content-type');
    const type: Array<[string, string]> = hasType
      ? []
      : [['Content-Type', typeof response.body === 'string' ? 'text/plain; charset=UTF-8' : 'application/json']];
    return {
      status: response.status,
      reason: '',
      headers: [...type, ...given, ['Content-Length', String(bytes.length)], ['X-Openstack-Request-Id', requestId]],
      body: bytes,
    };
  }
  if (response.status < 400) {
    return {
      status: response.status,
      reason: '',
      headers: [...given, ['Content-Length', '0'], ['X-Openstack-Request-Id', requestId]],
      body: Buffer.alloc(0),
    };
  }
  const error = new GlanceError(response.status as GlanceStatus, WEBOB_EXPLANATIONS[response.status] ?? '');
  const formatted = formatError(error, request.headers.accept);
  const head = request.method === 'HEAD';
  const body = head ? Buffer.alloc(0) : Buffer.from(formatted.body, 'utf8');
  return {
    status: response.status,
    reason: formatted.statusMessage,
    headers: [
      ...given,
      ['Content-Length', String(body.length)],
      ['Content-Type', head ? 'text/html; charset=UTF-8' : formatted.contentType],
      ['X-Openstack-Request-Id', requestId],
    ],
    body: head ? undefined : body,
  };
}
