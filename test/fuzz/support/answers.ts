/**
 * What every answer of the mock must look like, whatever was sent: no 5xx
 * outside the 500s the real Glance Zed gives (the allow-list below), no stack
 * trace or Node/Express internals, every error in one of webob's three formats,
 * and no answer slower than a generous bound.
 */
import { hasLoneSurrogate, lookup, strings, type JsonDoc } from './json-doc';
import type { WireAnswer } from './wire';
import { CONTENT_TYPES, TITLES, type ErrorFormat } from '../../helpers/webob';

export type Profile = 'mysql' | 'sqlite';
export type RouteKind = 'member-create' | 'image-create' | 'image-patch' | 'other';

export interface RequestFacts {
  profile: Profile;
  route: RouteKind;
  /** The body as a tree, when the test built it as JSON. */
  doc?: JsonDoc;
  rawBody?: Buffer;
  requestId?: string;
}

/** No answer may take longer than this, pathological inputs included (Glance needs milliseconds). */
export const ANSWER_BOUND_MS = 2000;

/** oslo.context refuses a caller's request id over 64 characters; Glance's controllers then fail. */
const MAX_REQUEST_ID = 64;
/** The shallowest nesting (containers, the top-level one included) at which the real Glance answered 500. */
const RECURSION_DEPTH = { 'image-create': 299, other: 895 } as const;
const MYSQL_VARCHAR = 255;
const MYSQL_TEXT_BYTES = 65_535;
/** SQLite's INTEGER: a signed 64-bit value; Python's sqlite3 raises OverflowError past it. */
const outsideInt64 = (n: bigint) => n >= 2n ** 63n || n < -(2n ** 63n);

/**
 * The allow-list: the 500s a real Glance Zed answers (each observed on Debian's
 * glance-api 25.1.0, SQLite and MariaDB), with the reason, or undefined when a
 * 500 would be the mock's own fault. A 500 is Glance's only for:
 * - an X-Openstack-Request-Id over 64 characters, on a request that reaches a
 *   controller (a body refused while being read stays a 400, see the headers test);
 * - JSON nested 895 containers deep or more, 299 on `POST /v2/images` (RecursionError);
 * - `POST /v2/images` with a list as the body;
 * - a member that is: a string with a lone surrogate; NaN; on mysql a string
 *   over 255 characters, ±Infinity (also 1E400), an object, [null], a list of
 *   more or fewer than one element or whose element is itself refused; on
 *   sqlite an integer outside 64 bits, any list or object;
 * - an image string (name, property) with a lone surrogate; on mysql a
 *   property value over 65,535 bytes (MariaDB's TEXT).
 */
export function glanceServerErrorReason(facts: RequestFacts): string | undefined {
  if (facts.requestId !== undefined && facts.requestId.trim().length > MAX_REQUEST_ID) {
    return 'X-Openstack-Request-Id over 64 characters reaching a controller';
  }
  const limit = facts.route === 'image-create' ? RECURSION_DEPTH['image-create'] : RECURSION_DEPTH.other;
  if (facts.rawBody && nestingDepth(facts.rawBody) >= limit) return `JSON nested ${limit} levels or more (RecursionError)`;
  if (facts.route === 'image-create' && isJsonList(facts.doc ? undefined : facts.rawBody)) return 'a list as the image body';
  if (!facts.doc) return undefined;
  if (facts.route === 'member-create') return memberReason(facts.profile, lookup(facts.doc, 'member'));
  if (facts.route === 'image-create' && facts.doc.kind === 'array') return 'a list as the image body';
  if (facts.route === 'image-create' || facts.route === 'image-patch') return imageReason(facts.profile, facts.doc);
  return undefined;
}

function memberReason(profile: Profile, member: JsonDoc | undefined): string | undefined {
  if (!member) return undefined;
  switch (member.kind) {
    case 'string':
      if (hasLoneSurrogate(member.value)) return 'a lone surrogate in the member id';
      if (profile === 'mysql' && [...member.value].length > MYSQL_VARCHAR) return 'member id over 255 characters (mysql)';
      return undefined;
    case 'number':
      if (member.literal === 'NaN') return 'NaN as member (SQLite stores NULL, PyMySQL refuses it)';
      // PyMySQL refuses to bind inf ("inf can not be used with MySQL"); SQLite stores it.
      if (profile === 'mysql' && !Number.isFinite(Number(member.literal))) return 'an infinite member (mysql)';
      if (profile === 'sqlite' && /^-?\d+$/.test(member.literal) && outsideInt64(BigInt(member.literal))) {
        return 'an integer member past 64 bits (sqlite)';
      }
      return undefined;
    case 'array':
      // PyMySQL binds a one-element list as its element ([1], [""], [[1]] are stored; [null] is not).
      if (profile === 'mysql' && member.items.length === 1) {
        const [only] = member.items;
        if (only.kind === 'literal') return only.literal === 'null' ? 'a [null] member (mysql)' : undefined;
        if (only.kind !== 'object') return memberReason(profile, only);
      }
      return `a list as member the driver cannot bind (${profile})`;
    case 'object':
      return `an object as member the driver cannot bind (${profile})`;
    default:
      return undefined;
  }
}

function imageReason(profile: Profile, doc: JsonDoc): string | undefined {
  const texts = strings(doc);
  if (texts.some(hasLoneSurrogate)) return 'a lone surrogate in a stored image string';
  if (profile === 'mysql' && texts.some((t) => Buffer.byteLength(t, 'utf8') > MYSQL_TEXT_BYTES)) {
    return 'a property value over 65535 bytes (MariaDB TEXT)';
  }
  return undefined;
}

/** Raw bytes that are a whole JSON list (a truncated document can still be one). */
function isJsonList(bytes: Buffer | undefined): boolean {
  if (!bytes) return false;
  try {
    return Array.isArray(JSON.parse(bytes.toString('utf8')));
  } catch {
    return false;
  }
}

/** The deepest nesting of arrays and objects, strings skipped; malformed text counts as far as it goes. */
export function nestingDepth(bytes: Buffer): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return max;
}

export type { ErrorFormat };
const FORMAT_OF_CONTENT_TYPE = Object.fromEntries(Object.entries(CONTENT_TYPES).map(([format, type]) => [type, format as ErrorFormat]));

/** What must never reach a client: stack frames, Node and Express internals, JS error names. */
const INTERNALS =
  /\bat [^\n]*\(?[^\n]*\.(?:ts|js):\d+:\d+|node:internal|node_modules|(?:Type|Range|Syntax|Reference)Error|Cannot read propert|is not a function|\[object Object\]|ECONNRESET|<!DOCTYPE/i;

/**
 * The answer is one Glance could give: a 5xx only where the allow-list names a
 * reason, no internals, errors in webob's format (the expected one when the
 * test knows what the Accept header selects), in time.
 */
export function expectGlanceLike(answer: WireAnswer, facts: RequestFacts, method: string, format?: ErrorFormat): void {
  const problems = glanceLikeProblems(answer, facts, method, format);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('; ')}\n  status ${answer.status} in ${answer.ms.toFixed(0)} ms, body: ${JSON.stringify(answer.text.slice(0, 300))}`,
    );
  }
}

export function glanceLikeProblems(answer: WireAnswer, facts: RequestFacts, method: string, format?: ErrorFormat): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 && !(answer.status === 500 && glanceServerErrorReason(facts))) {
    problems.push(`${answer.status} where the real Glance gives no 5xx`);
  }
  if (INTERNALS.test(answer.text)) problems.push('internals in the body');
  if (answer.ms > ANSWER_BOUND_MS) problems.push(`answered in ${answer.ms.toFixed(0)} ms (bound ${ANSWER_BOUND_MS} ms)`);
  if (answer.status >= 400 && method !== 'HEAD') problems.push(...webobProblems(answer, format));
  return problems;
}

function webobProblems(answer: WireAnswer, expected?: ErrorFormat): string[] {
  const title = TITLES[answer.status];
  if (!title) return [`status ${answer.status} is none Glance answers with`];
  const line = `${answer.status} ${title}`;
  const format = FORMAT_OF_CONTENT_TYPE[String(answer.headers['content-type'])];
  if (!format) return [`Content-Type ${answer.headers['content-type']} is none of webob's error formats`];
  if (expected && format !== expected) return [`${format} error where the Accept header selects ${expected}`];
  const body = answer.text;
  switch (format) {
    case 'plain':
      return body.startsWith(`${line}\n\n`) ? [] : ["plain error body without webob's status line"];
    case 'html':
      return body.startsWith(`<html>\n <head>\n  <title>${line}</title>\n </head>\n <body>\n  <h1>${line}</h1>\n  `) &&
        body.endsWith('\n </body>\n</html>')
        ? []
        : ["HTML error body not in webob's template"];
    case 'json': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return ['JSON error body that does not parse'];
      }
      const keys = Object.keys(parsed as object);
      const { message, code, title: t } = parsed as Record<string, unknown>;
      return keys.join() === 'message,code,title' && typeof message === 'string' && code === line && t === title
        ? []
        : ["JSON error body not in webob's shape"];
    }
  }
}
