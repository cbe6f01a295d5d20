import type { GlanceError } from '../domain/glance-errors';
import { pythonJson } from '../shared/python-json';
import type { WireResponse } from '../wire/types';
import { formatError, statusTitle } from './error-format';
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
    // Glance's serializers write success bodies with ensure_ascii=False.
    const body = Buffer.from(pythonJson(result.json, false), 'utf8');
    const headers = { 'Content-Length': String(body.length), 'Content-Type': 'application/json', ...extra, ...id };
    return response(result.status, statusTitle(result.status), headers, result.order, head ? undefined : body);
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
  const formatted = formatError(error, accept);
  const body = head ? Buffer.alloc(0) : Buffer.from(formatted.body, 'utf8');
  const headers = {
    ...formatted.headers,
    'Content-Length': String(body.length),
    'Content-Type': head ? 'text/html; charset=UTF-8' : formatted.contentType,
    ...(requestId ? { [REQUEST_ID]: requestId } : {}),
  };
  return response(formatted.status, formatted.statusMessage, headers, undefined, head ? undefined : body);
}

function response(
  status: number,
  reason: string,
  headers: Record<string, string>,
  order: string[] | undefined,
  body: Buffer | undefined,
): WireResponse {
  const names = [...(order ?? []), ...Object.keys(headers).filter((name) => !order?.includes(name))];
  const ordered = names.filter((name) => headers[name] !== undefined).map((name): [string, string] => [name, headers[name]]);
  return { status, reason, headers: ordered, body };
}
