import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Exchange, WireRequest, WireResponse } from './types';

export interface ForwardingProxyOptions {
  /** Where requests go: the mock or a real Glance (with its Keystone under `/identity`, or not). */
  target: string;
  host?: string;
  port?: number;
  /** Who answers 502 when the target does not (`<name>: the target did not answer (…)`). */
  name: string;
  /**
   * Each exchange once both bodies have passed whole: when the request had ended first (the usual
   * case), in the tick the answer's last byte is written, so a caller who has read its answer
   * finds the exchange handed over.
   */
  onExchange(exchange: Exchange): void;
}

export interface ForwardingProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Hop-by-hop headers: the proxy's own connections, not the exchange's. A request keeps its
 * framing (Content-Length or chunked), which Node's client follows as the body streams through;
 * an answer's chunking is Node's to write again (its Content-Length, when it has one, is kept).
 */
const HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer'];
const REQUEST_HOP = new Set(HOP);
const ANSWER_HOP = new Set([...HOP, 'transfer-encoding']);

/**
 * The proxy the recorders share: each request goes to the target as it came, its raw headers
 * in their order (the Host header kept, so a Keystone catalog built from it points clients back
 * at the proxy), and both bodies stream through as they arrive while a copy is kept for the
 * exchange. The answer keeps the target's status, reason and raw headers, less hop-by-hop ones.
 */
export async function startForwardingProxy(options: ForwardingProxyOptions): Promise<ForwardingProxy> {
  const target = new URL(options.target);
  const prefix = target.pathname.replace(/\/+$/, '');
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const server: Server = createServer((req, res) => {
    const receivedAt = Date.now();
    const requestChunks: Buffer[] = [];
    let requestEnded = false;
    let response: WireResponse | undefined;
    const handOver = () => {
      if (!requestEnded || !response) return;
      const body = Buffer.concat(requestChunks);
      const request = wireRequest(req, body.length ? body : undefined, receivedAt);
      options.onExchange({ request, response, durationMs: Date.now() - receivedAt, namespace: '' });
    };
    const upstream = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: `${prefix}${req.url ?? '/'}`,
        headers: without(req.rawHeaders, REQUEST_HOP),
        setHost: false,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage || undefined, without(answer.rawHeaders, ANSWER_HOP));
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.pipe(res, { end: false });
        answer.on('error', () => res.destroy());
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          response = {
            status: answer.statusCode ?? 0,
            reason: answer.statusMessage ?? '',
            headers: pairs(answer.rawHeaders),
            body: body.length ? body : undefined,
          };
          res.end();
          handOver();
        });
      },
    );
    upstream.setTimeout(120_000, () => upstream.destroy(new Error('no answer within 120 s')));
    upstream.on('error', (err) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`${options.name}: the target did not answer (${err.message})\n`);
    });
    // The caller gone before its answer: so is the call to the target.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.on('data', (chunk: Buffer) => requestChunks.push(chunk));
    req.on('end', () => {
      requestEnded = true;
      handOver();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The request as the front door has it: the mock and devstack serve Glance under `/image` and
 * Keystone under `/identity`, so that prefix is the base and rawPath is below it.
 */
function wireRequest(req: IncomingMessage, body: Buffer | undefined, receivedAt: number): WireRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const base = /^\/(image|identity)(?=\/|$)/.exec(path)?.[0] ?? '';
  return {
    method: req.method ?? 'GET',
    url,
    rawPath: path.slice(base.length) || '/',
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    body,
    base,
    origin: `http://${req.headers.host ?? ''}`,
    receivedAt,
  };
}

function without(rawHeaders: string[], names: Set<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) if (!names.has(rawHeaders[i].toLowerCase())) kept.push(rawHeaders[i], rawHeaders[i + 1]);
  return kept;
}

function pairs(rawHeaders: string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i < rawHeaders.length; i += 2) result.push([rawHeaders[i], rawHeaders[i + 1]]);
  return result;
}
