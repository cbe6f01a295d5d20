import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange, ExchangeMeta } from '../wire/types';

export interface RecordingProxy {
  url: string;
  /** Every exchange so far, in the order the answers came. */
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

export interface RecordingProxyOptions {
  /** The mock (or a Glance with a Keystone under `/identity`) to forward to. */
  target: string;
  host?: string;
  port?: number;
}

/**
 * An HTTP proxy that keeps every request and answer as an Exchange, for
 * pactFromExchanges: clients point at it as they would at the cloud (the Host
 * header goes through, so the catalog's endpoints are the proxy's). A token's
 * project and roles are asked of the target's Keystone, as keystonemiddleware
 * would, so that the pact can speak trusted headers.
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const target = new URL(options.target);
  const exchanges: Exchange[] = [];
  const identities = new Map<string, Promise<Pick<ExchangeMeta, 'project' | 'roles'>>>();
  const identify = (token: string) => {
    if (!identities.has(token)) identities.set(token, askKeystone(target, token));
    return identities.get(token) as Promise<Pick<ExchangeMeta, 'project' | 'roles'>>;
  };
  const server: Server = createServer((req, res) => {
    const receivedAt = Date.now();
    void readAll(req).then(async (body) => {
      const upstream = await forward(target, req, body);
      res.writeHead(upstream.status, upstream.message, upstream.rawHeaders);
      res.end(upstream.body);
      const url = req.url ?? '/';
      const token = req.headers['x-auth-token'];
      const identity = typeof token === 'string' && !url.startsWith('/identity') ? await identify(token) : {};
      exchanges.push({
        request: {
          method: req.method ?? 'GET',
          url,
          rawPath: url.split('?')[0],
          rawQuery: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body: body.length > 0 ? body : undefined,
          base: '',
          origin: `http://${req.headers.host ?? ''}`,
          receivedAt,
        },
        response: {
          status: upstream.status,
          reason: upstream.message,
          headers: pairs(upstream.rawHeaders),
          body: upstream.body.length > 0 ? upstream.body : undefined,
          meta: { service: url.startsWith('/identity') ? 'keystone' : 'glance', ...identity },
        },
        durationMs: Date.now() - receivedAt,
        namespace: '',
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Upstream {
  status: number;
  message: string;
  rawHeaders: string[];
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (res) => {
        void readAll(res).then((data) =>
          resolve({
            status: res.statusCode ?? 502,
            message: res.statusMessage ?? '',
            rawHeaders: withoutFraming(res.rawHeaders, data.length),
            body: data,
          }),
        );
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/** The answer is sent whole: its length, not its chunking. */
function withoutFraming(rawHeaders: string[], length: number): string[] {
  const kept: string[] = [];
  let hadLength = false;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (name === 'transfer-encoding') continue;
    if (name === 'content-length') hadLength = true;
    kept.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  if (!hadLength && length > 0) kept.push('Content-Length', String(length));
  return kept;
}

function pairs(rawHeaders: string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i < rawHeaders.length; i += 2) result.push([rawHeaders[i], rawHeaders[i + 1]]);
  return result;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Keystone's own answer about a token (a user may validate its own token). */
async function askKeystone(target: URL, token: string): Promise<Pick<ExchangeMeta, 'project' | 'roles'>> {
  try {
    const res = await fetch(new URL('/identity/v3/auth/tokens', target), { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
    if (!res.ok) return { project: null, roles: [] };
    const body = (await res.json()) as { token?: { project?: { id?: string }; roles?: Array<{ name?: string }> } };
    return {
      project: body.token?.project?.id ?? null,
      roles: (body.token?.roles ?? []).map((role) => role.name ?? '').filter((name) => name !== ''),
    };
  } catch {
    return { project: null, roles: [] };
  }
}
