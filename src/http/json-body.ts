import { GlanceErrors } from '../domain/glance-errors';
import type { RawBody } from './raw-body';

/**
 * glance.common.wsgi.JSONRequestDeserializer: no body is a 400, bad JSON is a
 * 400, and a top-level value that is neither an object nor an array is a 400.
 */
export function jsonBody(raw: RawBody | undefined): unknown {
  if (!raw || !raw.present) throw GlanceErrors.bodyExpected();
  const parsed = parsePythonJson(raw.bytes.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw GlanceErrors.unexpectedBodyType();
  return parsed;
}

/** Python's json.loads also reads NaN, Infinity and -Infinity. */
function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const relaxed = text.replace(/"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g, (match, literal) =>
      literal ? `{"__python_float__":"${literal}"}` : match,
    );
    if (relaxed === text) throw GlanceErrors.malformedJson();
    try {
      return JSON.parse(relaxed, (_key, value) =>
        value && typeof value === 'object' && '__python_float__' in value ? Number(value.__python_float__) : value,
      );
    } catch {
      throw GlanceErrors.malformedJson();
    }
  }
}

/** Python's `body[key]`: KeyError for a missing key, TypeError for a non-dict body. */
export function pythonItem(body: unknown, key: string): { found: true; value: unknown } | { found: false; typeError: boolean } {
  if (Array.isArray(body) || typeof body !== 'object' || body === null) return { found: false, typeError: true };
  if (!Object.prototype.hasOwnProperty.call(body, key)) return { found: false, typeError: false };
  return { found: true, value: (body as Record<string, unknown>)[key] };
}

/** Python truthiness, for `if not member_id`. */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true; // NaN included, as in Python
}
