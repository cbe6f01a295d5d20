import { PythonFloat, pythonNumberRepr } from '../domain/python-values';

/**
 * JSON text as Python's `json.dumps` writes it, which is what Glance sends,
 * in one pass: `", "` and `": "` separators; numbers as Python prints them
 * (`1.0`, `1e+16`, `NaN`, `Infinity`, big ints exact); with `ensureAscii`
 * (the default) every character outside printable ASCII escaped as `\uXXXX`.
 * Like `JSON.stringify`, undefined members of objects are left out.
 */
export function pythonJson(value: unknown, ensureAscii = true): string {
  return pythonJsonPieces(value, ensureAscii).join('');
}

/** pythonJson in pieces whose concatenation is the text: a long string that needs no escape is a piece of its own, not copied. */
export function pythonJsonPieces(value: unknown, ensureAscii = true): string[] {
  const out: string[] = [];
  write(value, ensureAscii ? ASCII_ESCAPED : CONTROL_ESCAPED, out);
  return out;
}

/** Python's ESCAPE_ASCII (`[\\"]|[^\ -~]`) and ESCAPE (`[\x00-\x1f\\"]`); lone surrogates are escaped in both. */
const ASCII_ESCAPED = /[\\"]|[^ -~]/;
// eslint-disable-next-line no-control-regex -- Python's ESCAPE names the control characters
const CONTROL_ESCAPED = /[\x00-\x1f\\"]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function write(value: unknown, escaped: RegExp, out: string[]): void {
  if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') out.push('null');
  else if (typeof value === 'string') quote(value, escaped, out);
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PythonFloat) out.push(jsonNumber(value));
  else if (Array.isArray(value)) writeArray(value, escaped, out);
  else writeObject(value as Record<string, unknown>, escaped, out);
}

function writeArray(items: unknown[], escaped: RegExp, out: string[]): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(', ');
    write(items[i], escaped, out);
  }
  out.push(']');
}

function writeObject(object: Record<string, unknown>, escaped: RegExp, out: string[]): void {
  out.push('{');
  let first = true;
  for (const key of Object.keys(object)) {
    const entry = object[key];
    if (entry === undefined || typeof entry === 'function' || typeof entry === 'symbol') continue;
    if (!first) out.push(', ');
    first = false;
    quote(key, escaped, out);
    out.push(': ');
    write(entry, escaped, out);
  }
  out.push('}');
}

/** json.dumps writes floats with `float.__repr__`, except nan/inf as `NaN`, `Infinity`, `-Infinity`. */
function jsonNumber(value: number | bigint | PythonFloat): string {
  const number = value instanceof PythonFloat ? value.value : value;
  if (typeof number === 'number' && !Number.isFinite(number)) {
    return Number.isNaN(number) ? 'NaN' : number > 0 ? 'Infinity' : '-Infinity';
  }
  return pythonNumberRepr(value);
}

/** A quoted string; runs that need no escape are kept whole, so long strings cost one scan. */
function quote(text: string, escaped: RegExp, parts: string[]): void {
  const first = text.search(escaped);
  if (first < 0) {
    parts.push('"', text, '"');
    return;
  }
  parts.push('"', text.slice(0, first));
  let start = first;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escape = needsEscape(code, text, i, escaped === ASCII_ESCAPED);
    if (!escape) continue;
    if (start < i) parts.push(text.slice(start, i));
    parts.push(SHORT_ESCAPES[text[i]] ?? `\\u${code.toString(16).padStart(4, '0')}`);
    start = i + 1;
  }
  if (start < text.length) parts.push(text.slice(start));
  parts.push('"');
}

function needsEscape(code: number, text: string, i: number, ascii: boolean): boolean {
  if (code === 0x22 || code === 0x5c || code < 0x20) return true;
  if (ascii) return code > 0x7e;
  if (code >= 0xd800 && code <= 0xdbff) return !isLow(text.charCodeAt(i + 1));
  if (code >= 0xdc00 && code <= 0xdfff) return !isHigh(text.charCodeAt(i - 1));
  return false;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
