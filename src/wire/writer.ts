import type { ServerResponse } from 'node:http';
import type { WireResponse } from './types';

/**
 * The one writer: a response value onto the socket, headers in the order
 * given (Node adds Date, Connection and Keep-Alive after them), the reason
 * phrase when one is given, no body for HEAD, image data chunk by chunk.
 * A fault is no response: the connection is reset, closed without a byte, or
 * held open without a byte for at most `hangLimitMs`, then closed.
 */
export function writeResponse(res: ServerResponse, response: WireResponse, method: string, hangLimitMs: number): void {
  if (response.fault) return writeFault(res, response.fault, hangLimitMs);
  res.statusCode = response.status;
  if (response.reason) res.statusMessage = response.reason;
  const seen = new Set<string>();
  for (const [name, value] of response.headers) {
    const key = name.toLowerCase();
    if (seen.has(key)) res.appendHeader(name, value);
    else res.setHeader(name, value);
    seen.add(key);
  }
  const { body } = response;
  if (method === 'HEAD' || body === undefined) return void res.end();
  if (Array.isArray(body)) {
    for (const chunk of body) res.write(chunk);
    return void res.end();
  }
  res.end(body);
}

function writeFault(res: ServerResponse, fault: NonNullable<WireResponse['fault']>, hangLimitMs: number): void {
  const socket = res.socket;
  if (!socket) return;
  switch (fault) {
    case 'reset':
      socket.resetAndDestroy();
      return;
    case 'empty-response':
      socket.end();
      return;
    case 'hang': {
      const timer = setTimeout(() => socket.destroy(), hangLimitMs);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
      return;
    }
  }
}
