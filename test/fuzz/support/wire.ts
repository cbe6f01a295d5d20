/**
 * A raw HTTP client for hostile requests: any bytes as the body, chunked or not,
 * any header value Node lets through, the path exactly as given. Answers come
 * back as bytes with how long they took.
 */
import http from 'node:http';
import { startGlanceMock, type RunningGlanceMock, type StartOptions } from '../../../src';

export interface WireRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body with `Transfer-Encoding: chunked` instead of a Content-Length. */
  chunked?: boolean;
}

export interface WireAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  ms: number;
}

export class WireClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(private readonly mock: RunningGlanceMock) {}

  send(req: WireRequest): Promise<WireAnswer> {
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { ...req.headers };
    if (body !== undefined && req.chunked) headers['Transfer-Encoding'] = 'chunked';
    else if (body !== undefined) headers['Content-Length'] = String(body.length);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        { host: this.mock.host, port: this.mock.port, method: req.method, path: req.path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const bytes = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: bytes,
              text: bytes.toString('utf8'),
              ms: performance.now() - started,
            });
          });
          res.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A mock on 127.0.0.1 and an ephemeral port, with a client; `stop()` closes both. */
export async function startFuzzMock(options: StartOptions = {}) {
  const mock = await startGlanceMock({ ...options, host: '127.0.0.1', port: 0 });
  const client = new WireClient(mock);
  return {
    mock,
    client,
    send: (req: WireRequest) => client.send(req),
    stop: async () => {
      client.close();
      await mock.close();
    },
  };
}

export type FuzzMock = Awaited<ReturnType<typeof startFuzzMock>>;
