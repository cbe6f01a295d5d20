import type { IncomingHttpHeaders } from 'node:http';
import type { RawBody } from '../shared/raw-body';
import type { RouteResult } from './router';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * What webob's form parsing, reached by Glance's middleware for every POST
 * after authentication, does to a request with a form media type (compared
 * case-sensitively, as webob does): a `multipart/form-data` without a valid
 * boundary raises past every handler (eventlet's bare 500), and a chunked
 * form body is consumed, so Glance then reads an empty body ("Malformed JSON").
 * Returns the bare 500 to send, or the body as Glance then reads it.
 */
export function readAsForm(
  method: string,
  headers: IncomingHttpHeaders,
  body: RawBody | undefined,
): { failure: RouteResult } | { body: RawBody | undefined } {
  if (method !== 'POST') return { body };
  const [mediaType, ...params] = (headers['content-type'] ?? '').split(';');
  if (!FORM_TYPES.includes(mediaType.trim())) return { body };
  if (mediaType.trim() === 'multipart/form-data' && !validBoundary(params)) {
    return {
      failure: {
        status: 500,
        raw: '',
        contentType: 'text/plain',
        headers: { Connection: 'close' },
        order: ['Content-Type', 'Content-Length'],
      },
    };
  }
  if (headers['transfer-encoding'] !== undefined && body) return { body: { ...body, bytes: Buffer.alloc(0) } };
  return { body };
}

/** cgi's `valid_boundary`, on the `boundary` parameter as cgi.parse_header reads it. */
function validBoundary(params: string[]): boolean {
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    let value = param.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return /^[ -~]{0,200}[!-~]$/.test(value);
  }
  return false;
}
