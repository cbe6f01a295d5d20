import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type GlanceMockOptions } from '../../src';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A mock listening on 127.0.0.1 (ephemeral port), for requests supertest cannot shape: raw bytes, chunked bodies. */
export class RawServer {
  private constructor(private readonly server: Server) {}

  static async start(options: GlanceMockOptions = {}): Promise<RawServer> {
    const server = createApp(options).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new RawServer(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** One request; `chunks` are sent with Transfer-Encoding: chunked, `body` with a Content-Length. */
  send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer | string,
    chunks?: Array<Buffer | string>,
  ): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing: Record<string, string> = { ...headers };
      if (body !== undefined) outgoing['Content-Length'] = String(Buffer.byteLength(body));
      if (chunks) outgoing['Transfer-Encoding'] = 'chunked';
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers: outgoing }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      for (const chunk of chunks ?? []) req.write(chunk);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
