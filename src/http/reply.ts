import type { GlanceError } from '../domain/glance-errors';
import type { WireResponse } from '../wire/types';
import { formatErrorPieces, statusTitle } from './error-format';
import { encodePieces, JsonBytes } from './json-bytes';
import type { RouteResult } from './router';

export const REQUEST_ID = 'X-Openstack-Request-Id';

/**
 * A route's result as Glance puts it on the wire: its headers in Glance's wire
 * order (webob Responses and HTTPExceptions order them differently) and, for
 * HEAD, the headers of the body without the body.
 */
export function resultResponse(result: RouteResult, head: boolean, requestId?: string): WireResponse {
  const extra = ('headers' in result && result.headers) || {};
  const id: Record<string, string> = requestId ? { [REQUEST_ID]: requestId } : {};
  if ('json' in result) {
    const body = [...(result.json instanceof JsonBytes ? result.json : new JsonBytes(result.json)).chunks];
    const headers = { 'Content-Length': String(lengthOf(body)), 'Content-Type': 'application/json', ...extra, ...id };
    return response(result.status, statusTitle(result.status), headers, result.order, head ? undefined : oneOrMany(body));
  }
  if ('bytes' in result) {
    // Image data goes out exactly as the route ordered its headers, chunk by chunk.
    return {
      status: result.status,
      reason: statusTitle(result.status),
      headers: Object.entries({ ...result.headers, ...id }),
      body: head ? undefined : result.bytes,
    };
  }
  if ('raw' in result) {
    const body = Buffer.from(result.raw, 'utf8');
    const headers = {
      'Content-Type': result.contentType,
      ...extra,
      'Content-Length': String(body.length),
      ...(result.withoutRequestId ? {} : id),
    };
    return response(result.status, statusTitle(result.status), headers, result.order, head ? undefined : body);
  }
  return response(result.status, statusTitle(result.status), { ...id, 'Content-Length': '0' }, undefined, undefined);
}

/** A GlanceError as webob renders it; a HEAD request gets webob's empty HTML answer. */
export function errorResponse(error: GlanceError, accept: string | undefined, head: boolean, requestId?: string): WireResponse {
  const formatted = formatErrorPieces(error, accept);
  const body = head ? [] : encodePieces(formatted.pieces);
  const headers = {
    ...formatted.headers,
    'Content-Length': String(lengthOf(body)),
    'Content-Type': head ? 'text/html; charset=UTF-8' : formatted.contentType,
    ...(requestId ? { [REQUEST_ID]: requestId } : {}),
  };
  return response(formatted.status, formatted.statusMessage, headers, undefined, head ? undefined : oneOrMany(body));
}

const lengthOf = (chunks: Buffer[]) => chunks.reduce((length, chunk) => length + chunk.length, 0);
const oneOrMany = (chunks: Buffer[]) => (chunks.length === 1 ? chunks[0] : chunks);

function response(
  status: number,
  reason: string,
  headers: Record<string, string>,
  order: string[] | undefined,
  body: WireResponse['body'],
): WireResponse {
  const names = [...(order ?? []), ...Object.keys(headers).filter((name) => !order?.includes(name))];
  const ordered = names.filter((name) => headers[name] !== undefined).map((name): [string, string] => [name, headers[name]]);
  return { status, reason, headers: ordered, body };
}
