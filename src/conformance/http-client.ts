import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CaseBody } from './types';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const TIMEOUT_MS = 30_000;

/**
 * One HTTP exchange with full control of the body: JSON, raw bytes (malformed
 * on purpose) or chunked transfer encoding. Bounded by a timeout.
 */
export function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: CaseBody,
  omitHost = false,
): Promise<RawResponse> {
  // The path goes out as written (percent-escapes and all), after the base URL's own path.
  const target = new URL(baseUrl);
  const fullPath = `${target.pathname.replace(/\/$/, '')}${path}`;
  const requestFn = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = { ...headers };
    const payload =
      body && 'json' in body
        ? JSON.stringify(body.json)
        : body && 'raw' in body
          ? body.raw
          : body && 'bytes' in body
            ? Buffer.from(body.bytes, 'latin1')
            : undefined;
    if (payload !== undefined) outgoing['Content-Length'] = String(Buffer.byteLength(payload));
    if (body && 'chunks' in body) outgoing['Transfer-Encoding'] = 'chunked';
    const req = requestFn(
      { host: target.hostname, port: target.port, method, path: fullPath, headers: outgoing, timeout: TIMEOUT_MS, setHost: !omitHost },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (body && 'chunks' in body) for (const chunk of body.chunks) req.write(chunk);
    else if (payload !== undefined) req.write(payload);
    req.end();
  });
}
