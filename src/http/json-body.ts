import { isAscii, isUtf8 } from 'node:buffer';
import { GlanceErrors } from '../domain/glance-errors';
import { isPythonNumber, numericValue } from '../domain/python-values';
import { JsonDepthError, parsePythonJson } from '../shared/json-parse';
import { recognizePythonJson } from '../shared/json-recognize';
import type { RawBody } from '../shared/raw-body';

/**
 * How deep a body may nest before Python's recursion limit breaks Glance's
 * `json.loads` (a 500), measured on Glance Zed: 895 containers in a route's
 * body, 897 in the body of a request answered 405 (a shallower stack).
 */
export const ROUTE_JSON_DEPTH = 895;
export const REJECTED_METHOD_JSON_DEPTH = 897;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * glance.common.wsgi.JSONRequestDeserializer: no body is a 400; bytes that are
 * not strict UTF-8 (a BOM included) or not JSON are a 400; too deep a nesting
 * is Python's RecursionError (500); a top-level value that is neither an
 * object nor an array is a 400.
 */
export function jsonBody(raw: RawBody | undefined, maxDepth = ROUTE_JSON_DEPTH): unknown {
  if (!raw || !raw.present) throw GlanceErrors.bodyExpected();
  const parsed = parseBody(raw.bytes, maxDepth);
  if (typeof parsed !== 'object' || parsed === null || isPythonNumber(parsed)) throw GlanceErrors.unexpectedBodyType();
  return parsed;
}

function parseBody(bytes: Buffer, maxDepth: number): unknown {
  const limits = { maxDepth, objectHook: true };
  // oslo's jsonutils.loads decodes the body with `errors='strict'`: bad UTF-8 is a ValueError.
  if (!isUtf8(bytes)) throw GlanceErrors.malformedJson();
  // Judged on the bytes first: a refused body (of any size) is never decoded nor built into values.
  const verdict = recognizePythonJson(bytes, limits);
  if (verdict === 'depth') throw GlanceErrors.serverError();
  if (verdict === 'syntax') throw GlanceErrors.malformedJson();
  let text: string;
  try {
    // ASCII (most bodies) decodes much faster, to a one-byte string.
    text = isAscii(bytes) ? bytes.toString('latin1') : UTF8.decode(bytes);
  } catch {
    throw GlanceErrors.malformedJson();
  }
  try {
    return parsePythonJson(text, limits);
  } catch (error) {
    throw error instanceof JsonDepthError ? GlanceErrors.serverError() : GlanceErrors.malformedJson();
  }
}

/** Python's `body[key]`: KeyError for a missing key, TypeError for a non-dict body. */
export function pythonItem(body: unknown, key: string): { found: true; value: unknown } | { found: false; typeError: boolean } {
  if (Array.isArray(body) || typeof body !== 'object' || body === null) return { found: false, typeError: true };
  if (!Object.hasOwn(body, key)) return { found: false, typeError: false };
  return { found: true, value: (body as Record<string, unknown>)[key] };
}

/** Python truthiness, for `if not member_id`. */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (isPythonNumber(value)) return Number(numericValue(value)) !== 0; // NaN is true, as in Python
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}
