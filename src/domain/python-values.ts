/**
 * Numbers as Python's `json.loads` makes them, which is what Glance works on.
 *
 * - A Python `int` is a JS `number` when it is a safe integer, else a `bigint`
 *   (kept exact: MySQL stores `123456789012345678901234567890` as written).
 * - A Python `float` is a JS `number` when that number is not a whole number
 *   (1.5, 1e-7, NaN, Infinity, -Infinity), else a {@link PythonFloat}
 *   (1.0, 1e5, -0.0): a JS number could not tell `1.0` from `1`, and Glance
 *   echoes `1.0`, stores "1.0" on SQLite and prints `1.0 is not of type …`.
 *
 * So `typeof value === 'number' && Number.isInteger(value)` still means "a
 * Python int", and a whole-number float is never mistaken for one.
 */
export class PythonFloat {
  constructor(readonly value: number) {}
}

export type PythonNumber = number | bigint | PythonFloat;

export const isPythonNumber = (value: unknown): value is PythonNumber =>
  typeof value === 'number' || typeof value === 'bigint' || value instanceof PythonFloat;

/** A Python int (bool excluded). */
export const isPythonInt = (value: unknown): value is number | bigint =>
  (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';

/** The numeric value (a bigint beyond JS precision stays a bigint). */
export const numericValue = (value: PythonNumber): number | bigint => (value instanceof PythonFloat ? value.value : value);

/** Python's float from its JSON text: a whole number is tagged, anything else stays a JS number. */
export function pythonFloat(value: number): number | PythonFloat {
  return Number.isInteger(value) ? new PythonFloat(value) : value;
}

/** Python's int from its JSON digits. */
export function pythonInt(digits: string): number | bigint {
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : BigInt(digits);
}

/** `repr()` of a Python number: `1.0`, `1e+16`, `1.5e-07`, `inf`, `nan`, `123456789012345678901234567890`. */
export function pythonNumberRepr(value: PythonNumber): string {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PythonFloat) return floatRepr(value.value);
  return Number.isInteger(value) ? String(value) : floatRepr(value);
}

/** Python's `float.__repr__`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const { sign, digits, exponent } = decompose(value);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return `${sign}${fixed(digits, exponent + 1)}${digits.length <= exponent + 1 ? '.0' : ''}`;
}

/** Shortest round-trip significant digits and decimal exponent (value = d.ddd × 10^exponent). */
export function decompose(value: number): { sign: string; digits: string; exponent: number } {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const [mantissa, exp] = Math.abs(value).toExponential().split('e');
  return { sign, digits: mantissa.replace('.', ''), exponent: Number(exp) };
}

/** Digits placed around the decimal point, `decpt` digits before it. */
export function fixed(digits: string, decpt: number): string {
  if (decpt <= 0) return `0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return digits + '0'.repeat(decpt - digits.length);
  return `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** Python's `repr()` of a JSON value, dict keys in their order or sorted (as pprint prints them). */
export function pythonRepr(value: unknown, sortDicts = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (isPythonNumber(value)) return pythonNumberRepr(value);
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return `[${value.map((v) => pythonRepr(v, sortDicts)).join(', ')}]`;
  const entries = dictEntries(value as Record<string, unknown>, sortDicts);
  return `{${entries.map(([k, v]) => `${reprString(k)}: ${pythonRepr(v, sortDicts)}`).join(', ')}}`;
}

/** Python's `str()`: a string is itself, anything else its repr. */
export const pythonStr = (value: unknown): string => (typeof value === 'string' ? value : pythonRepr(value));

export function dictEntries(value: Record<string, unknown>, sort: boolean): Array<[string, unknown]> {
  const entries = Object.entries(value);
  return sort ? entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
}

const REPR_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "\\'", '"': '\\"' };
// Python escapes what str.isprintable() refuses: categories C* and Z* but the space.
const SINGLE_QUOTED = /[\p{C}\p{Z}\\']/gu;
const DOUBLE_QUOTED = /[\p{C}\p{Z}\\"]/gu;
function reprEscape(ch: string): string {
  if (ch === ' ') return ch;
  const known = REPR_ESCAPES[ch];
  if (known) return known;
  const code = ch.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** `str.__repr__`: single quotes unless the text has one and no double quote; one regex pass over long strings. */
export function reprString(value: string): string {
  const [quote, inner] = reprStringPieces(value);
  return `${quote}${inner}${quote}`;
}

/**
 * `str.__repr__` as its quote, its escaped text and its quote: a text with
 * nothing to escape is the very string given, so a long value printed twice
 * in a message stays one string.
 */
export function reprStringPieces(value: string): [string, string, string] {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  return [quote, value.replace(quote === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED, reprEscape), quote];
}

/** `repr()` in pieces whose concatenation is the repr (see reprStringPieces). */
export const pythonReprPieces = (value: unknown): string[] => (typeof value === 'string' ? reprStringPieces(value) : [pythonRepr(value)]);
