import type { NextFunction, Request, Response } from 'express';
import { GlanceErrors } from '../domain/glance-errors';

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
 * and ignores the request's Content-Type. Glance reads a body of any size
 * (no sizelimit filter in its paste pipeline); the mock keeps at most
 * `maxBytes` and refuses a larger body with a 413 once it is read to its end.
 */
export const collectRawBody = (maxBytes: number) => (req: Request, _res: Response, next: NextFunction) => collect(req, maxBytes, next);

function collect(req: Request, maxBytes: number, next: NextFunction): void {
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
    if (size <= maxBytes) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > maxBytes) return next(GlanceErrors.mockBodyTooLarge(maxBytes));
    req.rawBody = { present, declaredLength: Number.isFinite(length) ? length : 0, bytes: Buffer.concat(chunks) };
    next();
  });
  req.on('error', next);
}
