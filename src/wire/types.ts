import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * A request as the front door sees it: what every service, the journal, the
 * fault rules and the recorders read. The body is buffered except for an image
 * upload, which stays a stream.
 */
export interface WireRequest {
  method: string;
  /** Path and query as received, after a host application's mount path and any namespace prefix. */
  url: string;
  /** The path below `base`, without the query, not decoded. */
  rawPath: string;
  /** The query without `?`, not decoded ('' when none). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Alternating names and values, as received (Node's `rawHeaders`). */
  rawHeaders: string[];
  /** The buffered body; undefined when none was sent or when it is streamed. */
  body: Buffer | undefined;
  /** An image upload's body, left unread for the service to stream. */
  stream?: Readable;
  /** Where the caller reached this service: mount path, namespace prefix and service prefix (`/image`, `/identity`). */
  base: string;
  /** `http://host:port` as the caller addressed it (Host header), for the hrefs a service builds. */
  origin: string;
  /** Arrival time, ms since the epoch (the wall clock, not the mock's clock). */
  receivedAt: number;
  /** The namespace that serves it ('' or absent: the default one). */
  namespace?: string;
}

/** A response as a value: one writer puts it on the socket, exactly in this order. */
export interface WireResponse {
  status: number;
  /** The reason phrase; '' for Node's default. */
  reason: string;
  /** Header names and values in wire order. */
  headers: Array<[string, string]>;
  /** The body; chunks for image data; undefined for none (HEAD, 204). */
  body: Buffer | Buffer[] | undefined;
  /** Not written: what the journal, metrics and recorders need to know about the exchange. */
  meta?: ExchangeMeta;
  /** Not a response: the connection is destroyed (`reset`), closed without a byte (`empty-response`) or held (`hang`). */
  fault?: 'reset' | 'empty-response' | 'hang';
}

export interface ExchangeMeta {
  /** The service that answered: `glance`, `keystone`, `control`. */
  service?: string;
  /** The route template matched, such as `/v2/images/{image_id}/members`, or `unmatched`. */
  route?: string;
  /** The caller as the service resolved it. */
  project?: string | null;
  roles?: string[];
  requestId?: string;
}

/** One request and its answer, as the journal keeps it. */
export interface Exchange {
  request: WireRequest;
  response: WireResponse;
  durationMs: number;
  /** The namespace that served it ('' for the default one). */
  namespace: string;
}

/** A service behind the front door (Glance, Keystone, the control plane). */
export interface Service {
  readonly name: string;
  handle(request: WireRequest): Promise<WireResponse>;
}

/**
 * Wraps the handling of every request: the journal, faults, latency and
 * recording hook in here. Calls `next` at most once.
 */
export type Interceptor = (request: WireRequest, next: () => Promise<WireResponse>) => Promise<WireResponse>;
