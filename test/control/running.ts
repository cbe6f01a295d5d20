import { startGlanceMock, type RunningGlanceMock, type StartOptions } from '../../src';

export const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1', 'X-Roles': 'member' };
export const MEMBER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p2', 'X-Roles': 'member' };

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** A mock on 127.0.0.1 and a small client for it. */
export async function running(options: StartOptions = {}) {
  const mock: RunningGlanceMock = await startGlanceMock({ ids: 'control-tests', ...options });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(`${mock.url}${path}`, {
      method,
      headers: { ...(body !== undefined && typeof body !== 'string' && { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON: text is there
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return { mock, call };
}
