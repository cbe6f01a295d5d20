import type { Response } from 'express';
import { pythonJson } from '../http/python-json';
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
export function sendKeystone(res: Response, result: KeystoneResult, requestId: string): void {
  const text = result.json === undefined ? '' : `${pythonJson(result.json, true)}${result.newline ? '\n' : ''}`;
  const body = Buffer.from(text, 'utf8');
  const headers: Record<string, string> = {
    ...(result.json !== undefined && { 'Content-Type': 'application/json' }),
    'Content-Length': String(body.length),
    ...result.headers,
    Vary: 'X-Auth-Token',
    'x-openstack-request-id': requestId,
  };
  write(res, result.status, headers, body);
}

/**
 * Keystone's error body is Flask's `jsonify`: compact, keys sorted, a newline at the end. A 401
 * names the identity endpoint in WWW-Authenticate. Paths and methods Keystone
 * has no route for get Flask's HTML page instead.
 */
export function sendKeystoneError(res: Response, error: KeystoneError, requestId: string, identityV3Url: string): void {
  if (error.flaskHtml) {
    const html =
      `<!doctype html>\n<html lang=en>\n<title>${error.code} ${error.title}</title>\n` +
      `<h1>${error.title}</h1>\n<p>${error.message}</p>\n`;
    const body = Buffer.from(html, 'utf8');
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) };
    // An unhandled exception escapes Keystone's middleware too: its 500 page has neither header.
    if (error.code !== 500) Object.assign(headers, { Vary: 'X-Auth-Token', 'x-openstack-request-id': requestId });
    return write(res, error.code, headers, body);
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
  write(res, error.code, headers, body);
}

/** Compact JSON with Python's default ensure_ascii. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function write(res: Response, status: number, headers: Record<string, string>, body: Buffer): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
