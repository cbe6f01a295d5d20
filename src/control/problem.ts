import { STATUS_CODES } from 'node:http';
import type { WireResponse } from '../wire/types';

/**
 * An error of the control API, answered as RFC 9457 problem details
 * (`application/problem+json`) naming the field at fault.
 */
export class ControlProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** The request field at fault: a JSON pointer into the body, a query parameter, a header or a path segment. */
    readonly field?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Array<[string, string]> = [],
  ) {
    super(detail);
    this.name = 'ControlProblem';
  }
}

export const badField = (field: string, detail: string) => new ControlProblem(400, `${field}: ${detail}`, field);

export function problemBody(problem: ControlProblem): Record<string, unknown> {
  return {
    type: 'about:blank',
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    ...(problem.field !== undefined && { field: problem.field }),
    ...problem.extensions,
  };
}

export function problemResponse(problem: ControlProblem): WireResponse {
  const body = Buffer.from(JSON.stringify(problemBody(problem)), 'utf8');
  return {
    status: problem.status,
    reason: '',
    headers: [['Content-Type', 'application/problem+json'], ['Content-Length', String(body.length)], ...problem.headers],
    body,
  };
}

export function jsonResponse(status: number, value: unknown, headers: Array<[string, string]> = []): WireResponse {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  return {
    status,
    reason: '',
    headers: [['Content-Type', 'application/json'], ['Content-Length', String(body.length)], ...headers],
    body,
  };
}

export const noContent = (): WireResponse => ({ status: 204, reason: '', headers: [], body: undefined });

export function textResponse(status: number, text: string, contentType: string): WireResponse {
  const body = Buffer.from(text, 'utf8');
  return {
    status,
    reason: '',
    headers: [
      ['Content-Type', contentType],
      ['Content-Length', String(body.length)],
    ],
    body,
  };
}
