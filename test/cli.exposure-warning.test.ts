/**
 * `glance-mock serve --host` beyond loopback warns on stderr; on loopback it
 * stays quiet. The CLI is driven in-process with its I/O captured.
 */
import { runCli, type CliIo } from '../src/cli';

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: async () => 'SIGTERM' }, out, err };
}

describe('glance-mock serve and the network it listens on', () => {
  it('when it listens on 127.0.0.1, then nothing goes to stderr', async () => {
    const { io, out, err } = capture();
    expect(await runCli(['serve', '--port', '0'], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^glance-mock listening on http:\/\/127\.0\.0\.1:\d+ /);
  });
});
