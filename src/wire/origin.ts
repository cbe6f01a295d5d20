import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * webob's `Request.host_url`: the scheme, then the Host header (its port left
 * out when it is the scheme's default, `:80` for http) or, without a Host
 * header (HTTP/1.0) or with an empty one, the address and port the connection
 * came in on, as eventlet's server puts them in SERVER_NAME and SERVER_PORT.
 */
export function originOf(req: IncomingMessage): string {
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const header = req.headers.host;
  let host: string;
  let port: string | undefined;
  if (header) {
    const split = header.includes(':') && !header.endsWith(']') ? header.lastIndexOf(':') : -1;
    [host, port] = split < 0 ? [header, undefined] : [header.slice(0, split), header.slice(split + 1)];
  } else {
    host = req.socket.localAddress ?? '127.0.0.1';
    port = req.socket.localPort === undefined ? undefined : String(req.socket.localPort);
  }
  const defaultPort = scheme === 'https' ? '443' : '80';
  return `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}`;
}
