import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPactRecordingProxy, startRecordingProxy } from '../src';

/** A loopback address nothing listens on: a port just given up. */
async function closedTarget(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('when the target does not answer, then the recording proxy answers 502 naming why, and records nothing', () => {
  it.each([
    ['glance-mock record', startRecordingProxy],
    ['glance-mock pact recording proxy', startPactRecordingProxy],
  ])('%s', async (name, start) => {
    const proxy = await start({ target: await closedTarget() });
    try {
      const res = await fetch(`${proxy.url}/v2/images`);
      expect(res.status).toBe(502);
      expect(await res.text()).toMatch(
        new RegExp(`^${name}: the target did not answer \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\)\\n$`),
      );
      expect((await fetch(`${proxy.url}/v2/images`)).status).toBe(502);
    } finally {
      await proxy.close();
    }
    expect(proxy.exchanges).toEqual([]);
  });
});
