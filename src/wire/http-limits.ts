import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The limits of Glance's HTTP server (eventlet.wsgi over Python's
 * BaseHTTPRequestHandler, with Glance's `max_header_line` of 16384), checked
 * before anything else, in eventlet's order: the request line, the protocol
 * version, then each header line as it is read (its length, the running total,
 * the count). These answers come from the server, not from Glance: raw bytes,
 * no request id, and the connection is closed.
 */
export const MAX_REQUEST_LINE = 8192;
export const MAX_HEADER_LINE = 16384;
export const MAX_TOTAL_HEADER_SIZE = 65536;
/** Python's http.client refuses more than 256 lines, the empty line that ends the headers included. */
export const MAX_HEADER_LINES = 256;

/**
 * Node's own limit on the request line and headers together, set far above
 * eventlet's so that the checks below decide (and tell a long line from a long
 * total) for any request a test plausibly sends; beyond it, eventlet's answer
 * for headers too large.
 */
export const NODE_MAX_HEADER_SIZE = 1024 * 1024;

/** The server's refusal of a request beyond these limits, as raw bytes to end the connection with; undefined to serve it. */
export function refusalFor(req: IncomingMessage): string | undefined {
  const requestLine = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
  if (Buffer.byteLength(requestLine, 'latin1') >= MAX_REQUEST_LINE) return EVENTLET.requestUriTooLong;
  if (req.httpVersionMajor >= 2) {
    const version = `${req.httpVersionMajor}.${req.httpVersionMinor}`;
    return pythonError(505, `Invalid HTTP version (${version})`, 'Cannot fulfill request');
  }
  let total = 0;
  const lines = [...headerLines(req.rawHeaders), '\r\n'];
  for (let i = 0; i < lines.length; i++) {
    const length = Buffer.byteLength(lines[i], 'latin1');
    if (length >= MAX_HEADER_LINE) return EVENTLET.headerLineTooLong;
    total += length;
    if (total > MAX_TOTAL_HEADER_SIZE) return EVENTLET.headersTooLarge;
    if (i + 1 > MAX_HEADER_LINES) {
      return pythonError(431, 'Too many headers', `got more than ${MAX_HEADER_LINES} headers`);
    }
  }
  return undefined;
}

function* headerLines(raw: string[]): Generator<string> {
  for (let i = 0; i + 1 < raw.length; i += 2) yield `${raw[i]}: ${raw[i + 1]}\r\n`;
}

/** eventlet.wsgi's own answers: HTTP/1.0, no body. */
export const EVENTLET = {
  requestUriTooLong: 'HTTP/1.0 414 Request URI Too Long\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
  headerLineTooLong: 'HTTP/1.0 400 Header Line Too Long\r\nConnection: close\r\nContent-length: 0\r\n\r\n',
  headersTooLarge: 'HTTP/1.0 400 Headers Too Large\r\nConnection: close\r\nContent-length: 0\r\n\r\n',
  badRequest: 'HTTP/1.0 400 Bad Request\r\nConnection: close\r\nContent-length: 0\r\n\r\n',
};

/** BaseHTTPRequestHandler.send_error: Python's HTML page, as Debian's Python 3.11 writes it. */
export function pythonError(code: number, message: string, explain: string): string {
  const body =
    '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n' +
    '        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n' +
    `        <p>Error code: ${code}</p>\n        <p>Message: ${escapeHtml(message)}.</p>\n` +
    `        <p>Error code explanation: ${code} - ${escapeHtml(explain)}.</p>\n    </body>\n</html>\n`;
  return (
    `HTTP/1.1 ${code} ${message}\r\nServer: BaseHTTP/0.6 Python/3.11.2\r\nDate: ${new Date().toUTCString()}\r\n` +
    `Connection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** html.escape(quote=False) */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What Node's parser refuses before the app sees the request. Where eventlet
 * refuses it too, its bytes; otherwise Node's own 400 (see the README).
 */
export function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
  socket.end(clientErrorAnswer(err));
}

function clientErrorAnswer(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return EVENTLET.headersTooLarge;
    case 'HPE_INVALID_CONTENT_LENGTH':
      return EVENTLET.badRequest;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
    default:
      return 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
  }
}
