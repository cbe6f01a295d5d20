import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Upload } from '../domain/image-data';

/** Paths (below Glance's prefix, not decoded) whose PUT bodies are image data: streamed, never collected whole. */
const UPLOAD_PATH = /^\/v2\/images\/[^/]+\/file\/?$/;

export function isImageUpload(method: string, rawPath: string): boolean {
  return method === 'PUT' && UPLOAD_PATH.test(rawPath);
}

/** Glance's `request.content_length or None`: a declared size, or none for chunked or empty bodies. */
export function declaredSize(headers: IncomingHttpHeaders): number | null {
  const length = Number(headers['content-length']);
  return Number.isFinite(length) && length > 0 ? length : null;
}

/**
 * Feed the request body to the upload as it arrives. On a refused chunk the
 * rest of the body is read and dropped (nothing kept) and the refusal is the
 * answer; a client that goes away leaves the image as it was before.
 */
export function streamInto(req: Readable, upload: Upload): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (error === undefined) return resolve();
      upload.abort();
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      try {
        upload.write(chunk);
      } catch (error) {
        settle(error);
      }
    };
    req.on('data', onData);
    req.on('end', () => settle());
    req.on('error', (error) => settle(error));
    req.on('close', () => settle(req.readableEnded ? undefined : new Error('the client closed the upload')));
  });
}
