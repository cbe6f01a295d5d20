import { isDeepStrictEqual } from 'node:util';

/** How an expected value is compared with an actual one: literals, matchers, subset or exact. */

export interface Mismatch {
  /** Where: `status`, `header content-type`, `$.members[0].status`, `text`. */
  path: string;
  expected: string;
  actual: string;
}

const MATCHER_KEYS = ['type', 'regex', 'uuid', 'timestamp', 'oneOf', 'contains', 'length', 'absent', 'equals', 'not'] as const;
type MatcherKey = (typeof MATCHER_KEYS)[number];
export type Matcher = Partial<Record<MatcherKey, unknown>>;

const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are all matcher keys is a matcher (`{equals: …}` matches such an object literally). */
export function isMatcher(value: unknown): value is Matcher {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (MATCHER_KEYS as readonly string[]).includes(k));
}

/** What is wrong with the matchers in an expectation, naming the field; undefined when nothing. */
export function matcherProblem(value: unknown, at: string): string | undefined {
  if (isMatcher(value)) {
    if (value.type !== undefined && !TYPES.includes(value.type as string)) return `${at}/type must be one of ${TYPES.join(', ')}`;
    if (value.regex !== undefined) {
      if (typeof value.regex !== 'string') return `${at}/regex must be a string`;
      try {
        new RegExp(value.regex);
      } catch (err) {
        return `${at}/regex is not a regular expression (${(err as Error).message})`;
      }
    }
    for (const flag of ['uuid', 'timestamp', 'absent'] as const)
      if (value[flag] !== undefined && value[flag] !== true) return `${at}/${flag} must be true`;
    if (value.oneOf !== undefined && (!Array.isArray(value.oneOf) || value.oneOf.length === 0))
      return `${at}/oneOf must be a list of values`;
    if (value.length !== undefined && !(Number.isInteger(value.length) && (value.length as number) >= 0))
      return `${at}/length must be a whole number`;
    if (value.contains !== undefined) return matcherProblem(value.contains, `${at}/contains`);
    if (value.not !== undefined) return matcherProblem(value.not, `${at}/not`);
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = matcherProblem(value[i], `${at}/${i}`);
      if (problem) return problem;
    }
  } else if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const problem = matcherProblem(v, `${at}/${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Compare: `subset` ignores object keys the expectation does not name; `exact` does not. */
export function match(expected: unknown, actual: unknown, path: string, mode: 'subset' | 'exact' = 'subset'): Mismatch[] {
  if (isMatcher(expected)) return matchMatcher(expected, actual, path, mode);
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [mismatch(path, expected, actual)];
    const out: Mismatch[] = [];
    for (const [key, value] of Object.entries(expected)) {
      const childPath = `${path}.${key}`;
      if (!Object.prototype.hasOwnProperty.call(actual, key)) {
        if (!(isMatcher(value) && value.absent === true)) out.push({ path: childPath, expected: render(value), actual: '(absent)' });
        continue;
      }
      out.push(...match(value, actual[key], childPath, mode));
    }
    if (mode === 'exact')
      for (const key of Object.keys(actual))
        if (!Object.prototype.hasOwnProperty.call(expected, key))
          out.push({ path: `${path}.${key}`, expected: '(absent)', actual: render(actual[key]) });
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [mismatch(path, expected, actual)];
    if (expected.length !== actual.length)
      return [{ path: `${path}.length`, expected: String(expected.length), actual: `${actual.length}: ${render(actual)}` }];
    return expected.flatMap((value, i) => match(value, actual[i], `${path}[${i}]`, mode));
  }
  return Object.is(expected, actual) || expected === actual ? [] : [mismatch(path, expected, actual)];
}

function matchMatcher(m: Matcher, actual: unknown, path: string, mode: 'subset' | 'exact'): Mismatch[] {
  const fail = (what: string): Mismatch[] => [{ path, expected: what, actual: actual === undefined ? '(absent)' : render(actual) }];
  if (m.absent === true) return actual === undefined ? [] : fail('(absent)');
  if (actual === undefined) return fail(describeMatcher(m));
  if (m.type !== undefined && typeOf(actual, m.type as string) !== m.type) return fail(`a value of type ${String(m.type)}`);
  if (m.regex !== undefined && !(typeof actual === 'string' && new RegExp(m.regex as string).test(actual)))
    return fail(`a string matching /${String(m.regex)}/`);
  if (m.uuid === true && !(typeof actual === 'string' && UUID.test(actual))) return fail('a UUID');
  if (m.timestamp === true && !(typeof actual === 'string' && TIMESTAMP.test(actual))) return fail('a timestamp');
  if (m.oneOf !== undefined && !(m.oneOf as unknown[]).some((v) => match(v, actual, path, mode).length === 0))
    return fail(`one of ${render(m.oneOf)}`);
  if (m.length !== undefined) {
    const length = typeof actual === 'string' || Array.isArray(actual) ? actual.length : undefined;
    if (length !== m.length) return fail(`length ${String(m.length)}`);
  }
  if (m.contains !== undefined) {
    const ok =
      typeof actual === 'string'
        ? typeof m.contains === 'string' && actual.includes(m.contains)
        : Array.isArray(actual) && actual.some((item) => match(m.contains, item, path, mode).length === 0);
    if (!ok) return fail(`${Array.isArray(actual) ? 'an item matching' : 'a string containing'} ${render(m.contains)}`);
  }
  if (m.not !== undefined && match(m.not, actual, path, mode).length === 0) return fail(`not ${render(m.not)}`);
  // Literally: no matchers inside, so an object with matcher-like keys can be expected.
  if (m.equals !== undefined && !isDeepStrictEqual(m.equals, actual)) return fail(render(m.equals));
  return [];
}

function typeOf(value: unknown, wanted: string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (wanted === 'integer' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function describeMatcher(m: Matcher): string {
  return render(m);
}

function mismatch(path: string, expected: unknown, actual: unknown): Mismatch {
  return { path, expected: render(expected), actual: actual === undefined ? '(absent)' : render(actual) };
}

/** A value as one readable line. */
export function render(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
