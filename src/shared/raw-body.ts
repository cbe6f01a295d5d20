import type { WireRequest } from '../wire/types';

const NO_BYTES = Buffer.alloc(0);

/** The request body as bytes, whatever its Content-Type, as a Python web framework sees it. */
export interface RawBody {
  /** webob's `has_body`: the request is chunked or declares a positive Content-Length. */
  present: boolean;
  /** The declared Content-Length: Glance refuses a body on GET/DELETE only when it is positive. */
  declaredLength: number;
  bytes: Buffer;
}

/** The buffered body of a request with what its headers declare; undefined for a streamed upload. */
export function rawBodyOf(request: WireRequest): RawBody | undefined {
  if (request.stream) return undefined;
  const length = Number(request.headers['content-length'] ?? 0);
  const present = request.headers['transfer-encoding'] !== undefined || length > 0;
  return { present, declaredLength: Number.isFinite(length) ? length : 0, bytes: request.body ?? NO_BYTES };
}
