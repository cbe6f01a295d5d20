import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGlanceMock } from '../src';
import { runCli, type CliIo } from '../src/cli';

const BIN = join(__dirname, '..', 'bin', 'glance-mock.js');
const DEMO_SEED = join(__dirname, '..', 'scenarios', 'demo-seed.yaml');

function captureIo(stop: Promise<string> = new Promise(() => undefined)) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => stop };
  return { io, out, err };
}

describe('glance-mock CLI', () => {
  it('when asked for help on serve, then every option is documented', async () => {
    const { io, out } = captureIo();
    expect(await runCli(['serve', '--help'], io)).toBe(0);
    const help = out.join('\n');
    for (const option of ['--host', '--port', '--seed', '--member-quota', '--db-profile', '--policy']) {
      expect(help).toContain(option);
    }
  });

  it.each([
    [['serve', '--port', 'abc'], /--port.*must be an integer/],
    [['serve', '--db-profile', 'postgres'], /Allowed choices are mysql, sqlite/],
    [['serve', '--policy', 'open'], /Allowed choices are legacy, secure-rbac/],
    [['serve', '--member-quota', '1.5'], /--member-quota.*must be an integer/],
    [['serve', '--seed', '/nonexistent/seed.yaml', '--port', '0'], /bad seed: .*cannot read/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('when run with %j, then a one-line error and exit code 1', async (argv, pattern) => {
    const { io, err } = captureIo();
    expect(await runCli(argv as string[], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(pattern);
  });

  it('when the port is in use, then a one-line error naming it', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { io, err } = captureIo();
    expect(await runCli(['serve', '--port', String(port)], io)).toBe(1);
    expect(err).toEqual([`glance-mock: 127.0.0.1:${port} is already in use`]);
    await new Promise((resolve) => blocker.close(resolve));
  });

  it('when serving until a signal, then it prints its URL, answers, and stops cleanly', async () => {
    let stop!: (signal: string) => void;
    const { io, out } = captureIo(new Promise((resolve) => (stop = resolve)));
    const done = runCli(['serve', '--port', '0', '--seed', DEMO_SEED, '--member-quota', '5', '--db-profile', 'sqlite'], io);
    await waitFor(() => out.length > 0);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out[0])![0];
    expect(out[0]).toContain('db profile sqlite');
    const res = await fetch(`${url}/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members`, {
      headers: { 'X-Auth-Token': 'admin-token' },
    });
    expect(res.status).toBe(200);
    stop('SIGTERM');
    expect(await done).toBe(0);
    expect(out.at(-1)).toBe('glance-mock stopped (SIGTERM)');
    await expect(fetch(`${url}/versions`)).rejects.toThrow();
  });

  it('when conformance runs against a mock, then it prints the table, writes the report and exits by the result', async () => {
    const mock = await startGlanceMock({ port: 0, dbProfile: 'sqlite' });
    const report = join(mkdtempSync(join(tmpdir(), 'glance-cli-')), 'report.json');
    try {
      const ok = captureIo();
      expect(
        await runCli(['conformance', '--target', mock.url, '--profile', 'sqlite', '--only', 'matrix/shared/', '--report', report], ok.io),
      ).toBe(0);
      expect(ok.out.join('\n')).toMatch(/persona x visibility\s+66\s+0/);
      expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ total: 77, mismatched: 0, profile: 'sqlite' });

      const wrong = captureIo();
      expect(await runCli(['conformance', '--target', mock.url, '--profile', 'mysql', '--only', 'member-ids/create/256'], wrong.io)).toBe(
        1,
      );
      expect(wrong.out.join('\n')).toContain('MISMATCH member-ids/create/256-characters (status, body)');
      expect(wrong.out.join('\n')).toMatch(/^0 passed, 1 failed$/m);
    } finally {
      await mock.close();
    }
  });

  it('when the installed bin gets SIGINT, then it exits 0', async () => {
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'serve', '--port', '0']);
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    await waitFor(() => output.includes('listening on'));
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)![0];
    expect((await fetch(`${url}/versions`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(output).toContain('glance-mock stopped (SIGINT)');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
