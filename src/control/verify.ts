import { objectAt, optionalInteger, optionalString } from './check';
import type { JournalEntry } from './journal';
import { pathPattern, type PathPattern } from './path-pattern';
import { badField, ControlProblem } from './problem';

/** `{method, path, status?, project?, count? | atLeast? | atMost?}`; without a count, at least one. */
export interface VerifyPattern {
  method: string;
  path: string;
  status?: number;
  project?: string;
  count?: number;
  atLeast?: number;
  atMost?: number;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  /** Set when it fails: why, in one sentence. */
  detail?: string;
  /** Set when it fails: the requests that came closest. */
  nearMisses?: NearMiss[];
  /** For an ordered list: the pattern that was not found in order. */
  failedAt?: number;
}

export interface NearMiss {
  id: number;
  method: string;
  path: string;
  status: number;
  project: string | null;
  route: string;
  /** The pattern's fields this request did not match. */
  mismatched: string[];
}

const PATTERN_FIELDS = ['method', 'path', 'status', 'project', 'count', 'atLeast', 'atMost'] as const;
const NEAR_MISSES = 5;

interface CompiledPattern {
  source: VerifyPattern;
  path: PathPattern;
  mismatches(entry: JournalEntry): string[];
  describe(): string;
}

function compile(input: unknown, field: string, counted: boolean): CompiledPattern {
  const fields = objectAt(input, field, counted ? PATTERN_FIELDS : PATTERN_FIELDS.slice(0, 4));
  const method = optionalString(fields, 'method', field);
  const path = optionalString(fields, 'path', field);
  if (method === undefined) throw badField(`${field}/method`, 'is required');
  if (path === undefined) throw badField(`${field}/path`, 'is required');
  const status = optionalInteger(fields, 'status', field, 100, 599);
  const project = optionalString(fields, 'project', field);
  const count = optionalInteger(fields, 'count', field, 0);
  const atLeast = optionalInteger(fields, 'atLeast', field, 0);
  const atMost = optionalInteger(fields, 'atMost', field, 0);
  if (count !== undefined && (atLeast !== undefined || atMost !== undefined)) {
    throw badField(`${field}/count`, 'cannot be given with atLeast or atMost');
  }
  if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) throw badField(`${field}/atLeast`, 'is more than atMost');
  const compiled = pathPattern(path, `${field}/path`);
  const upper = method.toUpperCase();
  const source: VerifyPattern = { method: upper, path, status, project, count, atLeast, atMost };
  return {
    source,
    path: compiled,
    mismatches(entry) {
      const out: string[] = [];
      if (upper !== '*' && entry.method !== upper) out.push('method');
      if (!compiled.matches(entry.path, entry.route)) out.push('path');
      if (status !== undefined && entry.status !== status) out.push('status');
      if (project !== undefined && entry.project !== project) out.push('project');
      return out;
    },
    describe: () =>
      `${upper} ${path}${status !== undefined ? ` with status ${status}` : ''}${project !== undefined ? ` by project ${project}` : ''}`,
  };
}

/** A pattern, or an ordered list of them (`[...]` or `{"inOrder": [...]}`), checked against the journal. */
export function verify(input: unknown, entries: JournalEntry[]): VerifyResult {
  if (Array.isArray(input)) return verifyInOrder(input, entries, '');
  if (typeof input === 'object' && input !== null && 'inOrder' in input) {
    const fields = objectAt(input, '', ['inOrder']);
    if (!Array.isArray(fields.inOrder)) throw badField('/inOrder', 'must be an array of patterns');
    return verifyInOrder(fields.inOrder, entries, '/inOrder');
  }
  const pattern = compile(input, '', true);
  const matched = entries.filter((e) => pattern.mismatches(e).length === 0);
  const { count, atLeast, atMost } = pattern.source;
  const expected =
    count !== undefined
      ? { ok: matched.length === count, words: `exactly ${count}` }
      : atLeast !== undefined || atMost !== undefined
        ? {
            ok: matched.length >= (atLeast ?? 0) && matched.length <= (atMost ?? Infinity),
            words: [atLeast !== undefined && `at least ${atLeast}`, atMost !== undefined && `at most ${atMost}`]
              .filter(Boolean)
              .join(' and '),
          }
        : { ok: matched.length >= 1, words: 'at least 1' };
  if (expected.ok) return { ok: true, count: matched.length };
  return {
    ok: false,
    count: matched.length,
    detail: `expected ${expected.words} request(s) matching ${pattern.describe()}, saw ${matched.length}`,
    nearMisses: nearMisses(pattern, entries),
  };
}

function verifyInOrder(list: unknown[], entries: JournalEntry[], field: string): VerifyResult {
  if (list.length === 0) throw badField(field || '/', 'must hold at least one pattern');
  const patterns = list.map((p, i) => compile(p, `${field}/${i}`, false));
  let from = 0;
  for (let i = 0; i < patterns.length; i++) {
    const at = entries.findIndex((e, j) => j >= from && patterns[i].mismatches(e).length === 0);
    if (at < 0) {
      return {
        ok: false,
        count: i,
        failedAt: i,
        detail: `expected in order: pattern ${i} (${patterns[i].describe()}) was not seen after pattern ${i - 1}`,
        nearMisses: nearMisses(patterns[i], entries.slice(from)),
      };
    }
    from = at + 1;
  }
  return { ok: true, count: patterns.length };
}

/** The requests that matched most of the pattern's fields, newest first among equals. */
function nearMisses(pattern: CompiledPattern, entries: JournalEntry[]): NearMiss[] {
  return entries
    .map((entry) => ({ entry, mismatched: pattern.mismatches(entry) }))
    .filter(({ mismatched }) => mismatched.length > 0 && mismatched.length < 4)
    .sort((a, b) => a.mismatched.length - b.mismatched.length || b.entry.id - a.entry.id)
    .slice(0, NEAR_MISSES)
    .map(({ entry, mismatched }) => ({
      id: entry.id,
      method: entry.method,
      path: entry.path,
      status: entry.status,
      project: entry.project,
      route: entry.route,
      mismatched,
    }));
}

/** A failed verification as the 422 problem the control API answers. */
export function verificationFailed(result: VerifyResult): ControlProblem {
  return new ControlProblem(422, result.detail ?? 'verification failed', undefined, {
    ok: false,
    count: result.count,
    ...(result.failedAt !== undefined && { failedAt: result.failedAt }),
    nearMisses: result.nearMisses ?? [],
  });
}
