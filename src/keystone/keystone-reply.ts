import { pythonJson } from '../shared/python-json';
import type { WireResponse } from '../wire/types';
import type { KeystoneError } from './keystone-errors';

export interface KeystoneResult {
  status: 200 | 201 | 204 | 300;
  json?: unknown;
  headers?: Record<string, string>;
  /** Resource bodies (projects, domains) end with a newline; token and version bodies do not. */
  newline?: boolean;
}

/**
 * Keystone's wire format: success bodies from `jsonutils.dumps` (Python's
 * separators, ASCII-escaped), then any extra headers, `Vary: X-Auth-Token`
 * and the request id; HEAD gets the headers of the body without it.
 */
export function keystoneResponse(result: KeystoneResult, requestId: string, head: boolean): WireResponse {
  const text = result.json === undefined ? '' : `${pythonJson(result.json, true)}${result.newline ? '\n' : ''}`;
  const body = Buffer.from(text, 'utf8');
  const headers: Record<string, string> = {
    ...(result.json !== undefined && { 'Content-Type': 'application/json' }),
    'Content-Length': String(body.length),
    ...result.headers,
    Vary: 'X-Auth-Token',
    'x-openstack-request-id': requestId,
  };
  return response(result.status, headers, head ? undefined : body);
}

/**
 * Keystone's error body is Flask's `jsonify`: compact, keys sorted, a newline at the end. A 401
 * names the identity endpoint in WWW-Authenticate. Paths and methods Keystone
 * has no route for get Flask's HTML page instead.
 */
export function keystoneErrorResponse(error: KeystoneError, requestId: string, identityV3Url: string, head: boolean): WireResponse {
  if (error.flaskHtml) {
    const html =
      `<!doctype html>\n<html lang=en>\n<title>${error.code} ${error.title}</title>\n` +
      `<h1>${error.title}</h1>\n<p>${error.message}</p>\n`;
    const body = Buffer.from(html, 'utf8');
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) };
    // An unhandled exception escapes Keystone's middleware too: its 500 page has neither header.
    if (error.code !== 500) Object.assign(headers, { Vary: 'X-Auth-Token', 'x-openstack-request-id': requestId });
    return response(error.code, headers, head ? undefined : body);
  }
  const fields: Record<string, unknown> = { code: error.code, ...error.extra, message: error.message, title: error.title };
  const sorted = Object.fromEntries(
    Object.keys(fields)
      .sort()
      .map((key) => [key, fields[key]]),
  );
  const body = Buffer.from(`${asciiJson({ error: sorted })}\n`, 'utf8');
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    ...(error.code === 401 && { 'WWW-Authenticate': `Keystone uri="${identityV3Url}"` }),
    Vary: 'X-Auth-Token',
    'x-openstack-request-id': requestId,
  };
  return response(error.code, headers, head ? undefined : body);
}

/** Compact JSON with Python's default ensure_ascii. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Keystone's answers go out with the usual reason phrase of their status. */
function response(status: number, headers: Record<string, string>, body: Buffer | undefined): WireResponse {
  return { status, reason: '', headers: Object.entries(headers), body };
}
