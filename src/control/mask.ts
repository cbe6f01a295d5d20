import type { IncomingHttpHeaders } from 'node:http';

/** Headers that carry credentials: kept in the journal as `***`. */
const SECRET_HEADERS = new Set(['x-auth-token', 'x-subject-token', 'x-service-token', 'authorization', 'cookie', 'set-cookie']);
export const MASK = '***';

export function maskedHeaders(headers: IncomingHttpHeaders | Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? MASK : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * A JSON body with Keystone's secrets masked: every `password`, and the `id`
 * of a `token` object (a token given to get another). Text that is not JSON,
 * or holds none of them, is kept as sent.
 */
export function maskedBodyText(text: string): string {
  if (!/"password"|"token"/.test(text)) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${MASK}"`);
  }
  return maskValue(value) ? JSON.stringify(value) : text;
}

function maskValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let masked = false;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'password' && inner !== null && typeof inner !== 'object') {
      (value as Record<string, unknown>)[key] = MASK;
      masked = true;
    } else if (key === 'token' && typeof inner === 'object' && inner !== null && 'id' in inner) {
      (inner as Record<string, unknown>).id = MASK;
      masked = true;
    } else if (maskValue(inner)) {
      masked = true;
    }
  }
  return masked;
}
