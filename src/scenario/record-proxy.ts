import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Exchange, WireRequest, WireResponse } from '../wire/types';

export interface RecordingProxyOptions {
  /** Where requests go: the mock or a real Glance (with its Keystone under `/identity`, or not). */
  target: string;
  host?: string;
  port?: number;
  /** Called with each exchange as it completes. */
  onExchange?: (exchange: Exchange) => void;
}

export interface RecordingProxy {
  url: string;
  port: number;
  /** Every exchange so far, in the order they completed. */
  exchanges: Exchange[];
  close(): Promise<void>;
}

/** Hop-by-hop headers: the proxy's own connection, not the exchange's. */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

/**
 * A proxy that forwards each request to the target as it came (the Host header kept, so a
 * Keystone catalog built from it points clients back at the proxy) and records the exchange.
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const target = new URL(options.target);
  const prefix = target.pathname.replace(/\/+$/, '');
  const exchanges: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const receivedAt = Date.now();
      const body = await readBody(req);
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      // The mock and devstack serve Glance under /image and Keystone under /identity: the
      // service prefix is the base, and rawPath is below it, as the front door has them.
      const base = /^\/(image|identity)(?=\/|$)/.exec(path)?.[0] ?? '';
      const wireRequest: WireRequest = {
        method: req.method ?? 'GET',
        url,
        rawPath: path.slice(base.length) || '/',
        rawQuery: q < 0 ? '' : url.slice(q + 1),
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: body.length ? body : undefined,
        base,
        origin: `http://${req.headers.host ?? ''}`,
        receivedAt,
      };
      let response: WireResponse;
      try {
        response = await forward(target, prefix, wireRequest);
      } catch (err) {
        res
          .writeHead(502, { 'content-type': 'text/plain' })
          .end(`glance-mock record: the target did not answer (${(err as Error).message})\n`);
        return;
      }
      const headers: string[] = [];
      for (const [name, value] of response.headers)
        if (!HOP.has(name.toLowerCase()) && name.toLowerCase() !== 'content-length') headers.push(name, value);
      const out = Buffer.concat(response.body === undefined ? [] : Array.isArray(response.body) ? response.body : [response.body]);
      if (req.method !== 'HEAD' && response.status !== 204 && response.status !== 304) headers.push('Content-Length', String(out.length));
      else {
        const length = response.headers.find(([n]) => n.toLowerCase() === 'content-length');
        if (length) headers.push(...length);
      }
      res.writeHead(response.status, response.reason || undefined, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
      const exchange: Exchange = { request: wireRequest, response, durationMs: Date.now() - receivedAt, namespace: '' };
      exchanges.push(exchange);
      options.onExchange?.(exchange);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(target: URL, prefix: string, wire: WireRequest): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const headers: string[] = [];
    for (let i = 0; i < wire.rawHeaders.length; i += 2)
      if (!HOP.has(wire.rawHeaders[i].toLowerCase()) && wire.rawHeaders[i].toLowerCase() !== 'content-length')
        headers.push(wire.rawHeaders[i], wire.rawHeaders[i + 1]);
    if (wire.body) headers.push('Content-Length', String(wire.body.length));
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: wire.method,
        path: `${prefix}${wire.url}`,
        headers,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const pairs: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers: pairs, body: body.length ? body : undefined });
        });
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('no answer within 120 s')));
    req.on('error', reject);
    req.end(wire.body);
  });
}
