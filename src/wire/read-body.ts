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
  const declared = Number(req.headers['content-length'] ?? 0);
  const present = chunked || declared > 0;
  // Nothing declared, nothing to read: Node's parser has no body bytes for this request.
  if (!present) return Promise.resolve(undefined);
  const gather = !chunked && declared <= limit ? new Preallocated(declared) : new Chunks(limit);
  return new Promise((resolve, reject) => {
    req.on('data', (chunk: Buffer) => gather.add(chunk));
    req.on('end', () => (gather.over ? reject(new BodyTooLarge(limit)) : resolve(gather.bytes())));
    req.on('error', reject);
  });
}

/**
 * A body of a declared length, copied into place as it arrives: a large body
 * costs no second whole copy once its last byte is in, so refusing it takes
 * only its judging. The room is taken when the first byte comes (a header
 * alone reserves nothing), and pages are only resident once written.
 */
class Preallocated {
  readonly over = false;
  private buffer: Buffer | undefined;
  private size = 0;

  constructor(private readonly length: number) {}

  add(chunk: Buffer): void {
    this.buffer ??= Buffer.allocUnsafe(this.length);
    // Node's parser delivers exactly Content-Length bytes; the bound is kept all the same.
    this.size += chunk.copy(this.buffer, this.size);
  }

  bytes(): Buffer {
    if (!this.buffer) return Buffer.alloc(0);
    return this.size === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.size);
  }
}

/** A chunked body, of a length unknown until its end. */
class Chunks {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  get over(): boolean {
    return this.size > this.limit;
  }

  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size <= this.limit) this.chunks.push(chunk);
    else this.chunks = [];
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}
