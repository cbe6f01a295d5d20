import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GlanceMock } from '../../src';

/** A mock's plain Node handler on a loopback port; `close` ends every connection and the server. */
export async function serveHandle(mock: GlanceMock): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const server = createServer(mock.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
