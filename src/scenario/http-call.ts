import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface CallResult {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One HTTP request with node:http rather than fetch: Glance's refusals of a body on GET or
 * DELETE are part of what scenarios check, and fetch refuses to send one.
 */
export function call(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs = 30000,
): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i].toLowerCase();
          out[name] = out[name] === undefined ? res.rawHeaders[i + 1] : `${out[name]}, ${res.rawHeaders[i + 1]}`;
        }
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
