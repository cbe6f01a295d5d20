import { JsonDepthError, parsePythonJson } from '../shared/json-parse';
import type { RawBody } from '../shared/raw-body';
import { KeystoneErrors } from './keystone-errors';

/** How deep a body may nest before Python's recursion limit breaks Keystone's `json.loads` (Zed, measured). */
export const KEYSTONE_JSON_DEPTH = 928;

/**
 * keystone's json_body check: a body must be JSON (or come without a
 * Content-Type) and decode to an object. Flask hands the bytes to Python's
 * `json.loads`, which guesses UTF-8 (a BOM allowed, surrogates passed through),
 * UTF-16 or UTF-32 from the first bytes; too deep a nesting is Flask's 500 page.
 */
export function keystoneJsonBody(raw: RawBody | undefined, contentType: string | undefined): unknown {
  if (!raw || raw.bytes.length === 0) return {};
  const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const isJson = mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
  if (!isJson && contentType !== undefined && contentType !== '') throw KeystoneErrors.notJson();
  let parsed: unknown;
  try {
    parsed = parsePythonJson(decodeJsonBytes(raw.bytes), { maxDepth: KEYSTONE_JSON_DEPTH, objectHook: false });
  } catch (error) {
    throw error instanceof JsonDepthError ? KeystoneErrors.flaskServerError() : KeystoneErrors.malformedJson();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.getPrototypeOf(parsed) !== null) {
    throw KeystoneErrors.malformedJson();
  }
  return parsed;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `json.detect_encoding` and the decode that follows; throws where Python raises UnicodeDecodeError. */
export function decodeJsonBytes(bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = bytes;
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0x00, 0x00, 0xfe, 0xff) || starts(0xff, 0xfe, 0x00, 0x00)) return utf32(bytes, b0 === 0xff, 4);
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe))
    return new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  if (starts(0xef, 0xbb, 0xbf)) return utf8SurrogatePass(bytes.subarray(3));
  if (bytes.length >= 4) {
    if (!b0) return b1 ? utf16(bytes, false) : utf32(bytes, false, 0);
    if (!b1) return b2 || b3 ? utf16(bytes, true) : utf32(bytes, true, 0);
  } else if (bytes.length === 2) {
    if (!b0) return utf16(bytes, false);
    if (!b1) return utf16(bytes, true);
  }
  return utf8SurrogatePass(bytes);
}

const utf16 = (bytes: Uint8Array, le: boolean) =>
  new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes);

function utf32(bytes: Uint8Array, le: boolean, skip: number): string {
  if ((bytes.length - skip) % 4 !== 0) throw new RangeError('truncated data');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = skip; i < bytes.length; i += 4) {
    const code = view.getUint32(i, le);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new RangeError('code point not in range');
    parts.push(String.fromCodePoint(code));
  }
  return parts.join('');
}

/** UTF-8 with `errors='surrogatepass'`: encoded surrogates (ED A0 80…) decode to lone surrogates. */
function utf8SurrogatePass(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return bytes.includes(0xed) ? decodeWithSurrogates(bytes) : rethrow();
  }
}

function decodeWithSurrogates(bytes: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== 0xed || bytes[i + 1] < 0xa0 || bytes[i + 1] > 0xbf || (bytes[i + 2] & 0xc0) !== 0x80) continue;
    parts.push(UTF8.decode(bytes.subarray(start, i)));
    parts.push(String.fromCharCode(0xd000 | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)));
    start = i + 3;
    i += 2;
  }
  parts.push(UTF8.decode(bytes.subarray(start)));
  return parts.join('');
}

function rethrow(): never {
  throw new RangeError('invalid UTF-8');
}
