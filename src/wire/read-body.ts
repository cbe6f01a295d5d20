import type { IncomingMessage } from 'node:http';

/** What is kept of a body; the rest is read and dropped (Glance's limits refuse far smaller bodies). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The request body, read whole; undefined when the request declares none.
 * A Python server counts a body as present when the request is chunked or has
 * a positive Content-Length, and ignores the request's Content-Type.
 */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const present = chunked || Number(req.headers['content-length'] ?? 0) > 0;
  // Nothing declared, nothing to read: Node's parser has no body bytes for this request.
  if (!present) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
