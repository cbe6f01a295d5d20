import type { IncomingMessage } from 'node:http';

/**
 * Glance reads a JSON body of any size (a 300 MiB body padded with spaces is
 * still a 201), so nothing is cut; the mock's own bound keeps the process
 * alive (option maxRequestBody).
 */
export const DEFAULT_MAX_REQUEST_BODY = 64 * 1024 * 1024;

/** A body past the bound: read to its end (the connection stays usable), then refused. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * The request body, read whole; undefined when the request declares none.
 * A Python server counts a body as present when the request is chunked or has
 * a positive Content-Length, and ignores the request's Content-Type.
 */
export function readBody(req: IncomingMessage, limit = DEFAULT_MAX_REQUEST_BODY): Promise<Buffer | undefined> {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const present = chunked || Number(req.headers['content-length'] ?? 0) > 0;
  // Nothing declared, nothing to read: Node's parser has no body bytes for this request.
  if (!present) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks = [];
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
