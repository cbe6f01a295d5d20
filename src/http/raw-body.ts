import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GlanceErrors } from '../domain/glance-errors';

/**
 * Glance reads a JSON body of any size (a 300 MiB body padded with spaces is
 * still a 201), so nothing is cut; the mock's own bound keeps the process
 * alive, and beyond it the answer is a 413 naming the option.
 */
export const DEFAULT_MAX_REQUEST_BODY = 256 * 1024 * 1024;
const NO_BYTES = Buffer.alloc(0);

/** The request body as bytes, whatever its Content-Type; `undefined` when Glance would see none. */
export interface RawBody {
  present: boolean;
  /** The declared Content-Length: Glance refuses a body on GET/DELETE only when it is positive. */
  declaredLength: number;
  bytes: Buffer;
}

declare module 'express-serve-static-core' {
  interface Request {
    rawBody?: RawBody;
  }
}

/**
 * Collect the body of every request. Glance's `has_body` counts a body as
 * present when the request is chunked or has a positive Content-Length,
 * and ignores the request's Content-Type.
 */
export function rawBodyCollector(limit: number = DEFAULT_MAX_REQUEST_BODY): RequestHandler {
  return (req, res, next) => collectRawBody(req, res, next, limit);
}

function collectRawBody(req: Request, _res: Response, next: NextFunction, limit: number): void {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const length = Number(req.headers['content-length'] ?? 0);
  const present = chunked || length > 0;
  if (!present) {
    // Nothing declared, nothing to read: Node's parser has no body bytes for this request.
    req.rawBody = { present, declaredLength: Number.isFinite(length) ? length : 0, bytes: NO_BYTES };
    return next();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else chunks.length = 0;
  });
  req.on('end', () => {
    // Read to its end (the connection stays usable), then refused.
    if (size > limit) return next(GlanceErrors.mockBodyTooLarge(limit));
    req.rawBody = { present, declaredLength: Number.isFinite(length) ? length : 0, bytes: Buffer.concat(chunks) };
    next();
  });
  req.on('error', next);
}
