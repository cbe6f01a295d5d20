import type { Exchange, WireRequest, WireResponse } from '../wire/types';
import { objectAt } from './check';
import { maskedBodyText, maskedHeaders } from './mask';
import { pathPattern, type PathPattern } from './path-pattern';
import { badField } from './problem';
import { requestPath } from './request-path';

/** Bodies longer than this are kept cut, with `bodyTruncated`. */
export const JOURNAL_BODY_LIMIT = 64 * 1024;
export const DEFAULT_JOURNAL_SIZE = 1000;
export const MAX_JOURNAL_SIZE = 1_000_000;

/** One request and its answer as the journal shows it: credentials masked, bodies as text. */
export interface JournalEntry {
  /** 1, 2, … in arrival order; never reused until the journal is reset. */
  id: number;
  /** When it arrived (the wall clock, not the mock's clock), ISO 8601. */
  time: string;
  namespace: string;
  service: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | null;
  bodyTruncated?: boolean;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  responseBodyTruncated?: boolean;
  durationMs: number;
  /** The route template matched, or `unmatched`. */
  route: string;
  project: string | null;
  roles: string[];
  requestId: string | null;
  fault?: string;
  /** The fault rules that fired for this request. */
  faultRules?: string[];
}

/**
 * What a request leaves in the journal until someone reads it: the request's
 * body as masked text (credentials are never kept), everything else by
 * reference to what the request and its answer already hold (an answer's body
 * is often a body written once and sent to many). The entry is built on first
 * read, so a request nobody reads back costs a small record, not a copy of its
 * answer.
 */
export interface Recorded {
  readonly id: number;
  /** Only what the entry shows: neither request is kept whole, its body and stream could be large. */
  readonly request: Pick<WireRequest, 'method' | 'url' | 'rawQuery' | 'headers' | 'receivedAt'>;
  readonly response: Pick<WireResponse, 'status' | 'headers' | 'meta' | 'fault'>;
  readonly durationMs: number;
  readonly namespace: string;
  readonly body: BodyText;
  readonly responseBody: Buffer | Buffer[] | undefined;
  readonly responseTruncated: boolean;
  readonly faultRules?: string[];
  entry?: JournalEntry;
}

/** A bounded ring of entries: past its size the oldest is dropped. */
export class Journal {
  private entries: Recorded[] = [];
  private start = 0;
  private nextId = 1;
  private dropped = 0;

  constructor(private bound: number = DEFAULT_JOURNAL_SIZE) {}

  get size(): number {
    return this.entries.length;
  }

  get capacity(): number {
    return this.bound;
  }

  get droppedCount(): number {
    return this.dropped;
  }

  record(exchange: Exchange, faultRules?: string[]): Recorded {
    const { request, response } = exchange;
    const kept = keptBody(response.body);
    const { method, url, rawQuery, headers, receivedAt } = request;
    const recorded: Recorded = {
      id: this.nextId++,
      request: { method, url, rawQuery, headers, receivedAt },
      response: { status: response.status, headers: response.headers, meta: response.meta, fault: response.fault },
      durationMs: exchange.durationMs,
      namespace: exchange.namespace,
      body: bodyText(request.stream ? undefined : request.body, true),
      responseBody: kept.body,
      responseTruncated: kept.truncated,
      ...(faultRules && { faultRules }),
    };
    if (this.entries.length < this.bound) {
      this.entries.push(recorded);
    } else {
      this.entries[this.start] = recorded;
      this.start = (this.start + 1) % this.bound;
      this.dropped++;
    }
    return recorded;
  }

  /** Oldest first. */
  all(): JournalEntry[] {
    return this.ordered().map(journalEntry);
  }

  find(filter: JournalFilter): JournalEntry[] {
    const found = this.all().filter((entry) => filter.matches(entry));
    return filter.limit !== undefined ? found.slice(-filter.limit) : found;
  }

  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    this.start = 0;
    return count;
  }

  /** Forget everything, ids included, and take a new bound. */
  reset(bound = this.bound): void {
    this.clear();
    this.bound = bound;
    this.nextId = 1;
    this.dropped = 0;
  }

  resize(bound: number): void {
    const kept = this.ordered().slice(-bound);
    this.dropped += this.entries.length - kept.length;
    this.entries = kept;
    this.start = 0;
    this.bound = bound;
  }

  /** The ring's records, oldest first. */
  private ordered(): Recorded[] {
    return [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
  }
}

/** What a recorded request adds to the metrics: the entry's fields of the same names. */
export function observation(recorded: Recorded): Pick<JournalEntry, 'service' | 'route' | 'method' | 'status' | 'durationMs'> {
  const meta = recorded.response.meta ?? {};
  return {
    service: meta.service ?? 'unknown',
    route: meta.route ?? 'unmatched',
    method: recorded.request.method,
    status: recorded.response.status,
    durationMs: Math.round(recorded.durationMs * 1000) / 1000,
  };
}

/** A recorded request as the journal shows it, built once. */
export function journalEntry(recorded: Recorded): JournalEntry {
  return (recorded.entry ??= toEntry(recorded));
}

function toEntry(recorded: Recorded): JournalEntry {
  const { request, response, namespace, body, faultRules } = recorded;
  const meta = response.meta ?? {};
  const responseBody = bodyText(recorded.responseBody, false);
  const { service, route, method, status, durationMs } = observation(recorded);
  return {
    id: recorded.id,
    time: new Date(request.receivedAt).toISOString(),
    namespace,
    service,
    method,
    path: requestPath(request),
    query: request.rawQuery,
    headers: maskedHeaders(request.headers),
    body: body.text,
    ...(body.truncated && { bodyTruncated: true }),
    status,
    responseHeaders: maskedHeaders(response.headers),
    responseBody: responseBody.text,
    ...((responseBody.truncated || recorded.responseTruncated) && { responseBodyTruncated: true }),
    durationMs,
    route,
    project: meta.project ?? null,
    roles: meta.roles ?? [],
    requestId: meta.requestId ?? null,
    ...(response.fault && { fault: response.fault }),
    ...(faultRules && { faultRules }),
  };
}

interface BodyText {
  text: string | null;
  truncated: boolean;
}

/**
 * An answer's body as the journal keeps it: by reference when it is no longer
 * than what the journal shows, else its first bytes copied (image data can be
 * large, and a view would keep all of it).
 */
function keptBody(body: Buffer | Buffer[] | undefined): { body: Buffer | Buffer[] | undefined; truncated: boolean } {
  if (body === undefined) return { body, truncated: false };
  const chunks = Array.isArray(body) ? body : [body];
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (total <= JOURNAL_BODY_LIMIT) return { body, truncated: false };
  return { body: Buffer.concat(headOf(chunks)), truncated: true };
}

function bodyText(body: Buffer | Buffer[] | undefined, masked: boolean): BodyText {
  if (body === undefined) return { text: null, truncated: false };
  const chunks = Array.isArray(body) ? body : [body];
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const text = Buffer.concat(headOf(chunks)).toString('utf8');
  return { text: masked ? maskedBodyText(text) : text, truncated: total > JOURNAL_BODY_LIMIT };
}

/** The chunks' first JOURNAL_BODY_LIMIT bytes, as views. */
function headOf(chunks: readonly Buffer[]): Buffer[] {
  const kept: Buffer[] = [];
  let size = 0;
  for (const chunk of chunks) {
    if (size >= JOURNAL_BODY_LIMIT) break;
    const part = chunk.subarray(0, JOURNAL_BODY_LIMIT - size);
    kept.push(part);
    size += part.length;
  }
  return kept;
}

/** What `GET /_mock/requests` and `control.requests()` take. */
export interface RequestFilterInput {
  method?: string;
  /** A `{id}`-style template, or a regular expression starting with `^`. */
  path?: string;
  /** A status (`404`) or a class (`4xx`). */
  status?: number | string;
  project?: string;
  /** An ISO 8601 time (entries that arrived at or after it) or an entry id (entries after it). */
  since?: string | number;
  /** Only the most recent n matches. */
  limit?: number;
}

export const FILTER_FIELDS = ['method', 'path', 'status', 'project', 'since', 'limit'] as const;

export interface JournalFilter {
  limit?: number;
  matches(entry: JournalEntry): boolean;
}

/** Checked once: a bad filter is a 400 naming the parameter, whether it came as a query or an object. */
export function journalFilter(input: unknown, prefix = ''): JournalFilter {
  const fields = objectAt(input ?? {}, prefix, FILTER_FIELDS);
  const name = (key: string) => (prefix ? `${prefix}/${key}` : key);
  const tests: Array<(entry: JournalEntry) => boolean> = [];
  const method = stringish(fields.method, name('method'));
  if (method !== undefined) {
    if (!/^[A-Za-z]+$/.test(method)) throw badField(name('method'), 'must be an HTTP method');
    tests.push((e) => e.method === method.toUpperCase());
  }
  const path = stringish(fields.path, name('path'));
  if (path !== undefined) {
    const pattern: PathPattern = pathPattern(path, name('path'));
    tests.push((e) => pattern.matches(e.path, e.route));
  }
  const status = statusTest(fields.status, name('status'));
  if (status) tests.push(status);
  const project = stringish(fields.project, name('project'));
  if (project !== undefined) tests.push((e) => e.project === project);
  const since = sinceTest(fields.since, name('since'));
  if (since) tests.push(since);
  const limit = integerish(fields.limit, name('limit'), 1);
  return { limit, matches: (entry) => tests.every((t) => t(entry)) };
}

function stringish(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw badField(field, 'must be a non-empty string');
  return value;
}

function integerish(value: unknown, field: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) throw badField(field, `must be an integer of at least ${min}`);
  return n;
}

function statusTest(value: unknown, field: string): ((e: JournalEntry) => boolean) | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^[1-5]xx$/i.test(value)) {
    const hundreds = Number(value[0]);
    return (e) => Math.floor(e.status / 100) === hundreds;
  }
  const status = integerish(value, field, 100);
  if (status === undefined || status > 599) throw badField(field, 'must be a status from 100 to 599 or a class such as 4xx');
  return (e) => e.status === status;
}

function sinceTest(value: unknown, field: string): ((e: JournalEntry) => boolean) | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
    const id = integerish(value, field, 0) ?? 0;
    return (e) => e.id > id;
  }
  const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw badField(field, 'must be an ISO 8601 date-time or an entry id');
  return (e) => Date.parse(e.time) >= time;
}
