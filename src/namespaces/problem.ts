import type { WireResponse } from '../wire/types';

/** An error of the mock's own APIs, answered as RFC 9457 problem details naming what was wrong. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** The request field at fault: a path segment, a header, a body member or an option. */
    readonly field?: string,
    readonly headers: Array<[string, string]> = [],
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/** `application/problem+json` (RFC 9457), with `field` as an extension member. */
export function problemResponse(error: ProblemError): WireResponse {
  const body: Record<string, unknown> = { type: 'about:blank', title: error.title, status: error.status, detail: error.detail };
  if (error.field !== undefined) body.field = error.field;
  return jsonResponse(error.status, body, 'application/problem+json', error.headers);
}

export function jsonResponse(
  status: number,
  body: unknown,
  contentType = 'application/json',
  headers: Array<[string, string]> = [],
): WireResponse {
  const bytes = Buffer.from(JSON.stringify(body));
  return {
    status,
    reason: '',
    headers: [['Content-Type', contentType], ...headers, ['Content-Length', String(bytes.length)]],
    body: bytes,
  };
}

export const noContent = (): WireResponse => ({ status: 204, reason: '', headers: [], body: undefined });
