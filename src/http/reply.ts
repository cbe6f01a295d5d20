import type { Response } from 'express';
import type { GlanceError } from '../domain/glance-errors';
import { formatError, statusTitle } from './error-format';
import { pythonJson } from './python-json';
import type { RouteResult } from './router';

export const REQUEST_ID = 'X-Openstack-Request-Id';

/**
 * Writes a response with Glance's headers in Glance's wire order (webob
 * Responses and HTTPExceptions order them differently) and, for HEAD, the
 * headers of the body without the body.
 */
export function sendResult(res: Response, result: RouteResult, requestId?: string): void {
  const head = res.req.method === 'HEAD';
  const extra = ('headers' in result && result.headers) || {};
  const id: Record<string, string> = requestId ? { [REQUEST_ID]: requestId } : {};
  if ('json' in result) {
    // Glance's serializers write success bodies with ensure_ascii=False.
    const body = Buffer.from(pythonJson(result.json, false), 'utf8');
    const headers = { 'Content-Length': String(body.length), 'Content-Type': 'application/json', ...extra, ...id };
    return write(res, result.status, statusTitle(result.status), headers, result.order, head ? undefined : body);
  }
  if ('bytes' in result) return writeBytes(res, result.status, { ...result.headers, ...id }, head ? [] : result.bytes);
  if ('raw' in result) {
    const body = Buffer.from(result.raw, 'utf8');
    const headers = {
      'Content-Type': result.contentType,
      ...extra,
      'Content-Length': String(body.length),
      ...(result.withoutRequestId ? {} : id),
    };
    return write(res, result.status, statusTitle(result.status), headers, result.order, head ? undefined : body);
  }
  write(res, result.status, statusTitle(result.status), { ...id, 'Content-Length': '0' }, undefined, undefined);
}

/** A GlanceError as webob renders it; a HEAD request gets webob's empty HTML answer. */
export function sendError(res: Response, error: GlanceError, requestId?: string): void {
  const formatted = formatError(error, res.req.headers.accept);
  const head = res.req.method === 'HEAD';
  const body = head ? Buffer.alloc(0) : Buffer.from(formatted.body, 'utf8');
  const headers = {
    ...formatted.headers,
    'Content-Length': String(body.length),
    'Content-Type': head ? 'text/html; charset=UTF-8' : formatted.contentType,
    ...(requestId ? { [REQUEST_ID]: requestId } : {}),
  };
  write(res, formatted.status, formatted.statusMessage, headers, undefined, head ? undefined : body);
}

function writeBytes(res: Response, status: number, headers: Record<string, string>, chunks: Buffer[]): void {
  res.statusCode = status;
  res.statusMessage = statusTitle(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  for (const chunk of chunks) res.write(chunk);
  res.end();
}

function write(
  res: Response,
  status: number,
  statusMessage: string,
  headers: Record<string, string>,
  order: string[] | undefined,
  body: Buffer | undefined,
): void {
  res.statusCode = status;
  if (statusMessage) res.statusMessage = statusMessage;
  const names = [...(order ?? []), ...Object.keys(headers).filter((name) => !order?.includes(name))];
  for (const name of names) if (headers[name] !== undefined) res.setHeader(name, headers[name]);
  res.end(body);
}
