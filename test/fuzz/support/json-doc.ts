/**
 * JSON documents as Python's json module reads them, built as trees so that a
 * test knows what it sent: Python-only literals (NaN, Infinity), floats written
 * `1.0`, integers past 64 bits, lone surrogates written as `\ud800`, duplicate
 * keys (the last wins), and keys such as `__proto__`, `toString`, `constructor`.
 */
import fc from 'fast-check';

export type JsonDoc =
  | { kind: 'object'; entries: Array<[string, JsonDoc]> }
  | { kind: 'array'; items: JsonDoc[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; literal: string }
  | { kind: 'literal'; literal: 'true' | 'false' | 'null' };

export const HOSTILE_KEYS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

/** Strings of every kind of character, lone surrogates and 4-byte characters included. */
export const hostileString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.string({ maxLength, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...LONE_SURROGATES)).map(([a, s]) => a + s) },
    { weight: 1, arbitrary: fc.constantFrom('\u00e9t\u00e9', 'ǅ', '\u{1f600}', '\u0000', 'a\nb', '<script>', '%2F', '../', ' ') },
  );

export const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: -1000, max: 1000 }).map((n) => `${n}.0`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e5', '1E400', '-0', '0.0', '9223372036854775807', '9223372036854775808'),
);

const leaf: fc.Arbitrary<JsonDoc> = fc.oneof(
  hostileString().map((value) => ({ kind: 'string' as const, value })),
  numberLiteral.map((literal) => ({ kind: 'number' as const, literal })),
  fc.constantFrom('true', 'false', 'null').map((literal) => ({ kind: 'literal' as const, literal: literal as 'true' })),
);

const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS, 'member', 'status', 'name', 'visibility') },
  { weight: 2, arbitrary: hostileString(12) },
);

/** Any JSON value, a few levels deep. */
export const jsonDoc: fc.Arbitrary<JsonDoc> = fc.letrec<{ node: JsonDoc }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }).map((items) => ({ kind: 'array' as const, items })),
    fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((entries) => ({ kind: 'object' as const, entries })),
  ),
})).node;

/** A member value a client might send: strings of every kind, numbers, and what is not a project id at all. */
export const memberValue: fc.Arbitrary<JsonDoc> = fc.oneof(
  { weight: 5, arbitrary: hostileString(300).map((value): JsonDoc => ({ kind: 'string', value })) },
  { weight: 2, arbitrary: numberLiteral.map((literal): JsonDoc => ({ kind: 'number', literal })) },
  { weight: 2, arbitrary: jsonDoc },
);

/** Python's json.dumps of a str with ensure_ascii: what a Python client would send. */
function pyString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export function serialize(doc: JsonDoc): string {
  switch (doc.kind) {
    case 'object':
      return `{${doc.entries.map(([k, v]) => `${pyString(k)}: ${serialize(v)}`).join(', ')}}`;
    case 'array':
      return `[${doc.items.map(serialize).join(', ')}]`;
    case 'string':
      return pyString(doc.value);
    case 'number':
    case 'literal':
      return doc.literal;
  }
}

export const obj = (entries: Array<[string, JsonDoc]>): JsonDoc => ({ kind: 'object', entries });
export const str = (value: string): JsonDoc => ({ kind: 'string', value });

/** Python's `body[key]` on a parsed document: the last duplicate wins. */
export function lookup(doc: JsonDoc, name: string): JsonDoc | undefined {
  if (doc.kind !== 'object') return undefined;
  return [...doc.entries].reverse().find(([k]) => k === name)?.[1];
}

/** Every string anywhere in the document, keys included. */
export function strings(doc: JsonDoc): string[] {
  switch (doc.kind) {
    case 'object':
      return doc.entries.flatMap(([k, v]) => [k, ...strings(v)]);
    case 'array':
      return doc.items.flatMap(strings);
    case 'string':
      return [doc.value];
    default:
      return [];
  }
}

export const hasLoneSurrogate = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
