import type { IncomingMessage } from 'node:http';

export interface ReadBody {
  /** Undefined when the request declares no body, and when it was too large to keep. */
  bytes: Buffer | undefined;
  /** The body passed `maxBytes`: it was read to its end and dropped. */
  tooLarge: boolean;
}

/**
 * The request body, read whole. A Python server counts a body as present when
 * the request is chunked or has a positive Content-Length, and ignores the
 * request's Content-Type. Glance reads a body of any size (no sizelimit filter
 * in its paste pipeline); the mock keeps at most `maxBytes`, and a larger body
 * is read to its end (so the connection stays usable) and reported too large.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<ReadBody> {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const present = chunked || Number(req.headers['content-length'] ?? 0) > 0;
  // Nothing declared, nothing to read: Node's parser has no body bytes for this request.
  if (!present) return Promise.resolve({ bytes: undefined, tooLarge: false });
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks = [];
    });
    req.on('end', () =>
      resolve(size > maxBytes ? { bytes: undefined, tooLarge: true } : { bytes: Buffer.concat(chunks), tooLarge: false }),
    );
    req.on('error', reject);
  });
}
