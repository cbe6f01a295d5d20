import type { Exchange, WireRequest, WireResponse } from '../../src/wire/types';

/** A made-up exchange for the journal's unit tests. */
export function exchange(
  method: string,
  path: string,
  status: number,
  extra: {
    project?: string | null;
    route?: string;
    headers?: Record<string, string>;
    body?: string;
    responseBody?: string;
    at?: number;
  } = {},
): Exchange {
  const request: WireRequest = {
    method,
    url: path,
    rawPath: path.split('?')[0],
    rawQuery: path.split('?')[1] ?? '',
    headers: extra.headers ?? {},
    rawHeaders: Object.entries(extra.headers ?? {}).flat(),
    body: extra.body === undefined ? undefined : Buffer.from(extra.body),
    base: '',
    origin: 'http://127.0.0.1',
    receivedAt: extra.at ?? Date.parse('2030-01-01T00:00:00Z'),
  };
  const response: WireResponse = {
    status,
    reason: '',
    headers: [['Content-Type', 'application/json']],
    body: Buffer.from(extra.responseBody ?? '{}'),
    meta: { service: 'glance', route: extra.route ?? 'unmatched', project: extra.project ?? null, roles: [], requestId: 'req-1' },
  };
  return { request, response, durationMs: 1.5, namespace: '' };
}
