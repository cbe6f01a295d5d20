import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalFor } from './http-limits';
import { originOf } from './origin';
import { BodyTooLarge, DEFAULT_MAX_REQUEST_BODY, readBody } from './read-body';
import type { Interceptor, Service, WireRequest, WireResponse } from './types';
import { writeResponse } from './writer';

/** A service served under a path prefix ('' for the root). */
export interface Mount {
  prefix: string;
  service: Service;
  /** Whether a request's body is left unread for the service to stream (image uploads); the path is below the prefix. */
  streamsBody?: (method: string, rawPath: string) => boolean;
}

export interface FrontDoorOptions {
  mounts: Mount[];
  /** The namespace this front door serves ('' for the default one), set on every request it makes. */
  namespace?: string;
  /** How long a `hang` fault holds a connection before closing it (default 30 s). */
  hangLimitMs?: number;
  /** The most bytes of a buffered body read (default 64 MiB); beyond it `bodyTooLarge` answers. */
  maxBodyBytes?: number;
  /** The answer to a body past `maxBodyBytes` (default: the bare 413). */
  bodyTooLarge?: (request: { method: string; headers: IncomingMessage['headers'] }) => WireResponse;
}

const DEFAULT_HANG_LIMIT_MS = 30_000;

/** When everything else failed (an interceptor threw): the bare 500 a Python server sends when the application raises. */
const BARE_500: WireResponse = {
  status: 500,
  reason: 'Internal Server Error',
  headers: [
    ['Content-Type', 'text/plain'],
    ['Content-Length', '0'],
    ['Connection', 'close'],
  ],
  body: undefined,
};

const BARE_413: WireResponse = { status: 413, reason: 'Request Entity Too Large', headers: [['Content-Length', '0']], body: undefined };

/**
 * Every request comes in here: it becomes a WireRequest (the body read, except
 * an upload's), the service is picked by path prefix, the interceptors run
 * around it in the order they were added (the first added is the outermost),
 * and one writer puts the answer on the socket.
 */
export class FrontDoor {
  private readonly interceptors: Interceptor[] = [];
  private mounts: Mount[];
  private readonly namespace: string;
  /** How long a `hang` fault holds a connection before closing it. */
  hangLimitMs: number;

  private readonly maxBodyBytes: number;
  private readonly bodyTooLarge: NonNullable<FrontDoorOptions['bodyTooLarge']>;

  constructor(options: FrontDoorOptions) {
    this.mounts = byLongestPrefix(options.mounts);
    this.namespace = options.namespace ?? '';
    this.hangLimitMs = options.hangLimitMs ?? DEFAULT_HANG_LIMIT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_REQUEST_BODY;
    this.bodyTooLarge = options.bodyTooLarge ?? (() => BARE_413);
  }

  /** Adds an interceptor around every request from now on (inside those added before). */
  use(interceptor: Interceptor): this {
    this.interceptors.push(interceptor);
    return this;
  }

  /** Removes an interceptor added with `use`. */
  remove(interceptor: Interceptor): this {
    const index = this.interceptors.indexOf(interceptor);
    if (index >= 0) this.interceptors.splice(index, 1);
    return this;
  }

  /** Serves a service under a prefix (a control API, say); the longest prefix wins. */
  mount(mount: Mount): this {
    this.mounts = byLongestPrefix([...this.mounts, mount]);
    return this;
  }

  /** The Node entry: `mountPath` is a host application's mount path (Express's `req.baseUrl`), routed below. */
  handle(req: IncomingMessage, res: ServerResponse, mountPath = ''): void {
    const refusal = refusalFor(req);
    if (refusal !== undefined) return void req.socket.end(refusal);
    this.receive(req, mountPath).then(
      ({ request, service }) => this.run(request, service).then((response) => this.write(res, response, request.method)),
      (err: unknown) => {
        if (err instanceof BodyTooLarge)
          return this.write(res, this.bodyTooLarge({ method: req.method ?? 'GET', headers: req.headers }), req.method ?? 'GET');
        // The body could not be read (the client went away): nothing to answer.
        req.socket.destroy();
      },
    );
  }

  /** An answer that cannot be written (a header an interceptor made up that Node refuses) is the bare 500. */
  private write(res: ServerResponse, response: WireResponse, method: string): void {
    try {
      writeResponse(res, response, method, this.hangLimitMs);
    } catch {
      if (res.headersSent) return void res.destroy();
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      writeResponse(res, BARE_500, method, this.hangLimitMs);
    }
  }

  private async receive(req: IncomingMessage, mountPath: string): Promise<{ request: WireRequest; service: Service }> {
    const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const [fullPath, rawQuery = ''] = url.split(/\?(.*)/s);
    // Mounted in another app (`app.use('/glance', mock.app)`), the mount path is the services'
    // SCRIPT_NAME: routing starts after it and the hrefs they build carry it.
    const path = fullPath.slice(mountPath.length) || '/';
    const method = req.method ?? 'GET';
    const mount = pick(this.mounts, path);
    if (!mount) throw new Error(`no service for ${path}`);
    const rawPath = path.slice(mount.prefix.length);
    const streams = mount.streamsBody?.(method, rawPath) ?? false;
    const request: WireRequest = {
      method,
      url: `${path}${url.slice(fullPath.length)}`,
      rawPath,
      rawQuery,
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body: streams ? undefined : await readBody(req, this.maxBodyBytes),
      ...(streams && { stream: req }),
      base: `${mountPath}${mount.prefix}`,
      origin: originOf(req),
      receivedAt: Date.now(),
      namespace: this.namespace,
    };
    return { request, service: mount.service };
  }

  private async run(request: WireRequest, service: Service): Promise<WireResponse> {
    const chain = [...this.interceptors];
    const step = (i: number): Promise<WireResponse> => {
      if (i === chain.length) return service.handle(request);
      let called = false;
      return chain[i](request, () => {
        if (called) return Promise.reject(new Error('an interceptor called next twice'));
        called = true;
        return step(i + 1);
      });
    };
    try {
      return await step(0);
    } catch {
      return BARE_500;
    }
  }
}

function byLongestPrefix(mounts: Mount[]): Mount[] {
  return [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
}

const underPrefix = (path: string, prefix: string) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`);

function pick(mounts: Mount[], rawPath: string): Mount | undefined {
  return mounts.find((mount) => underPrefix(rawPath, mount.prefix));
}
