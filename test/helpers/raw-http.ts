import { connect } from 'node:net';

/** Send raw bytes to a loopback port and collect everything until the server closes (bounded in time). */
export function rawRequest(port: number, data: string | Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(data);
  });
}

/** The status line, the headers (Date left out) and the body of a raw answer. */
export function parseRaw(text: string): { statusLine: string; headers: string[]; body: string } {
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const [statusLine, ...headers] = head.split('\r\n');
  return { statusLine, headers: headers.filter((h) => !h.startsWith('Date:')), body: split < 0 ? '' : text.slice(split + 4) };
}

export const TRUSTED = 'X-Identity-Status: Confirmed\r\nX-Project-Id: p1\r\nX-Roles: member\r\n';
