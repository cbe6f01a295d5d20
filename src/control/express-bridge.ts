import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Socket } from 'node:net';
import type { Interceptor, Service, WireRequest, WireResponse } from '../wire/types';

export interface BridgeParts {
  /** The control API and where it is served; absent when it is off. */
  control?: { service: Service; prefix: string };
  interceptors: Interceptor[];
  /** The route template a Glance or Keystone path matches, for the journal and the metrics. */
  routeOf(method: string, rawPath: string): string;
}

/**
 * Runs the control API and the interceptors (journal, faults) in the Express
 * pipeline: the request as a WireRequest, the app's answer captured as a
 * WireResponse, then written once.
 */
export function controlBridge(parts: BridgeParts): RequestHandler {
  return (req, res, next) => {
    const wire = toWire(req);
    if (parts.control && underPrefix(wire.rawPath, parts.control.prefix)) {
      void parts.control.service.handle(wire).then((response) => writeWire(res, response));
      return;
    }
    if (parts.interceptors.length === 0) return next();
    const run = (i: number): Promise<WireResponse> =>
      i === parts.interceptors.length
        ? captured(req, res, next, parts.routeOf(wire.method, wire.rawPath))
        : parts.interceptors[i](wire, () => run(i + 1));
    run(0).then(
      (response) => writeWire(res, response),
      () => res.socket?.destroy(),
    );
  };
}

const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

function toWire(req: Request): WireRequest {
  const [fullPath, rawQuery = ''] = req.originalUrl.split(/\?(.*)/s);
  const rawPath = fullPath.slice(req.baseUrl.length) || '/';
  const upload = req.rawBody === undefined;
  return {
    method: req.method,
    url: `${rawPath}${rawQuery ? `?${rawQuery}` : ''}`,
    rawPath,
    rawQuery,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    body: upload || !req.rawBody?.present ? undefined : req.rawBody.bytes,
    ...(upload && { stream: req }),
    base: req.baseUrl,
    origin: `http://${req.headers.host ?? ''}`,
    receivedAt: Date.now(),
  };
}

/** Lets the app answer, keeping what it writes instead of sending it. */
function captured(req: Request, res: Response, next: NextFunction, route: string): Promise<WireResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const originalWrite = res.write;
    const originalEnd = res.end;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    res.write = ((chunk: unknown, encoding?: unknown) => {
      keep(chunk, encoding);
      return true;
    }) as Response['write'];
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      keep(chunk, encoding);
      res.write = originalWrite;
      res.end = originalEnd;
      // Node keeps the names as the app spelled them (OutgoingMessage#getRawHeaderNames, untyped on a response).
      const names = (res as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
      const headers = names.map((name): [string, string] => [name, String(res.getHeader(name))]);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      const requestId = headers.find(([name]) => name.toLowerCase() === 'x-openstack-request-id')?.[1];
      resolve({
        status: res.statusCode,
        reason: res.statusMessage ?? '',
        headers,
        body: req.method === 'HEAD' && chunks.length === 0 ? undefined : chunks,
        meta: { service: route.startsWith('/identity') ? 'keystone' : 'glance', route, ...(requestId && { requestId }) },
      });
      return res;
    }) as Response['end'];
    next();
  });
}

/** The one writer: a response in order, or a fault on the socket. */
export function writeWire(res: Response, response: WireResponse): void {
  const socket = res.socket as Socket | null;
  if (response.fault === 'reset') return void socket?.resetAndDestroy();
  if (response.fault === 'empty-response' || response.fault === 'hang') return void socket?.destroy();
  res.statusCode = response.status;
  if (response.reason) res.statusMessage = response.reason;
  const grouped = new Map<string, string[]>();
  for (const [name, value] of response.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0] : values);
  const body = response.body;
  if (!Array.isArray(body)) return void res.end(body);
  // One write for a body of one chunk: a separate end() would be a second packet on the socket.
  for (let i = 0; i < body.length - 1; i++) res.write(body[i]);
  res.end(body[body.length - 1]);
}
