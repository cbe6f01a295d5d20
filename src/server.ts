import { createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { NODE_MAX_HEADER_SIZE, onClientError } from './wire/http-limits';
import { createGlanceMock } from './mock';
import type { GlanceMockOptions } from './options';
import type { SeedApplied } from './seed/apply-seed';
import type { SeedData } from './seed/seed-types';
import type { NamespaceInfo } from './namespaces/registry';
import type { MockControl } from './control/control';
import type { Interceptor } from './wire/types';
import type { FrontDoor } from './wire/front-door';

export interface StartOptions extends GlanceMockOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Where warnings go (listening beyond loopback); default: a line on stderr. */
  onWarning?: (message: string) => void;
  /** Interceptors around every request of every namespace (the first added is the outermost), as `use` adds them. */
  interceptors?: Interceptor[];
}

export interface RunningGlanceMock {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
  reset(): void;
  /** Add seed data (all or nothing); returns what was created, with generated ids. */
  seed(data: SeedData): SeedApplied;
  /** The whole state as a seed document. */
  exportState(): SeedData;
  /** Replace the whole state with a document (all or nothing). */
  replaceState(data: unknown): SeedApplied;
  /** The control plane: the same as `/_mock` over HTTP. */
  control: MockControl;
  /** Where the default namespace's requests come in: `frontDoor.use(interceptor)` sees its exchanges only. */
  frontDoor: FrontDoor;
  /** Adds an interceptor around every request of every namespace, those made later too (`request.namespace` says whose). */
  use(interceptor: Interceptor): void;
  /** Removes an interceptor added with `use` (or the `interceptors` option). */
  remove(interceptor: Interceptor): void;
  /** A namespace: its own URL (`<url>/_ns/<name>`), seed and reset; made from the start-up seed on first use. */
  namespace(name: string): RunningNamespace;
  namespaces(): NamespaceInfo[];
  dropNamespace(name: string): boolean;
}

export interface RunningNamespace {
  name: string;
  /** Every path under it (`/v2/...`, `/image`, `/identity/v3`, `/_mock`) is the namespace's. */
  url: string;
  reset(): void;
  seed(data: SeedData): SeedApplied;
  exportState(): SeedData;
  replaceState(data: unknown): SeedApplied;
  /** The namespace's own control plane: the same as `<url>/_mock` over HTTP. */
  control: MockControl;
}

/**
 * Start a mock on a port. Resolves once it listens; rejects, never throws, for
 * a bad option, a bad seed or a port that is taken (`code: 'EADDRINUSE'`).
 */
export async function startGlanceMock(options: StartOptions = {}): Promise<RunningGlanceMock> {
  const { host = '127.0.0.1', port = 0, onWarning = warnOnStderr, interceptors = [], ...mockOptions } = options;
  const mock = createGlanceMock(mockOptions);
  for (const interceptor of interceptors) mock.use(interceptor);
  const server = createGlanceServer(mock.handle);
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  warnIfExposed(address, host, onWarning);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  return {
    url,
    port: address.port,
    host,
    close: () => closeServer(server),
    reset: mock.reset,
    seed: mock.seed,
    exportState: mock.exportState,
    replaceState: mock.replaceState,
    control: mock.control,
    frontDoor: mock.frontDoor,
    use: (interceptor) => void mock.use(interceptor),
    remove: (interceptor) => void mock.remove(interceptor),
    namespace: (name) => {
      const instance = mock.namespace(name);
      return {
        name,
        url: `${url}/_ns/${encodeURIComponent(name)}`,
        reset: instance.reset,
        seed: instance.seed,
        exportState: instance.exportState,
        replaceState: instance.replaceState,
        control: instance.control,
      };
    },
    namespaces: mock.namespaces,
    dropNamespace: mock.dropNamespace,
  };
}

/** Node's HTTP server set up as close to Glance's eventlet server as Node allows. */
function createGlanceServer(app: (req: IncomingMessage, res: ServerResponse) => void): Server {
  // eventlet accepts HTTP/1.1 without Host (answering with the address it listens on), headers
  // up to its own limits, which the front door checks (src/wire/http-limits.ts), and what Node's strict
  // parser refuses: Content-Length with Transfer-Encoding (the chunked body is read), folded lines.
  const server = createServer({ maxHeaderSize: NODE_MAX_HEADER_SIZE, requireHostHeader: false, insecureHTTPParser: true }, app);
  server.on('clientError', onClientError);
  // Node hands CONNECT to a tunnel handler; Glance routes it like any method (405 on a route).
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    // An authority (`CONNECT host:443`) is no path: Glance sees an unknown version and lists them.
    if (!req.url?.startsWith('/')) req.url = `/${req.url ?? ''}`;
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    res.on('finish', () => socket.end());
    app(req, res);
  });
  return server;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Beyond loopback the trusted headers make every caller admin: say so. */
export function warnIfExposed(address: AddressInfo, host: string, onWarning: (message: string) => void): void {
  if (!isLoopback(address.address)) onWarning(exposureWarning(host, address.port));
}

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

function exposureWarning(host: string, port: number): string {
  return (
    `glance-mock: warning: listening on ${host}:${port}, beyond loopback: the trusted headers ` +
    '(X-Identity-Status, X-Project-Id, X-Roles) make every caller who can reach this port an admin. ' +
    'Listen on 127.0.0.1 unless the network is yours alone.'
  );
}

const warnOnStderr = (message: string) => void process.stderr.write(`${message}\n`);

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
