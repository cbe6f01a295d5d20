import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGlanceMock } from './mock';
import type { GlanceMockOptions } from './options';
import type { SeedData } from './seed/seed-types';

export interface StartOptions extends GlanceMockOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
}

export interface RunningGlanceMock {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
  reset(): void;
  seed(data: SeedData): void;
}

/** Start a mock on a port; resolves once it listens, rejects if the port is taken. */
export function startGlanceMock(options: StartOptions = {}): Promise<RunningGlanceMock> {
  const { host = '127.0.0.1', port = 0, ...mockOptions } = options;
  const mock = createGlanceMock(mockOptions);
  return new Promise((resolve, reject) => {
    const server: Server = mock.app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${actual}`,
        port: actual,
        host,
        close: () => closeServer(server),
        reset: mock.reset,
        seed: mock.seed,
      });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
