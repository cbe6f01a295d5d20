import { startGlanceMock } from '../src';
import { runCli, type CliIo } from '../src/cli';

function captureIo(stop: Promise<string> = new Promise(() => undefined)) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => stop };
  return { io, out, err };
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('glance-mock serve: how Glance is deployed', () => {
  it('when asked for help, then --auth and --no-image-cache are documented', async () => {
    const { io, out } = captureIo();
    expect(await runCli(['serve', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/--auth <mode>[\s\S]*"keystone",\s+"noauth",\s+default:\s+"keystone"[\s\S]*--no-image-cache/);
  });

  it('when --auth names an unknown mode, then a one-line error and exit code 1', async () => {
    const { io, err } = captureIo();
    expect(await runCli(['serve', '--auth', 'none'], io)).toBe(1);
    expect(err).toEqual(["error: option '--auth <mode>' argument 'none' is invalid. Allowed choices are keystone, noauth."]);
  });

  it('when --auth noauth comes with --policy secure-rbac, then a one-line error naming the combination', async () => {
    const { io, err } = captureIo();
    expect(await runCli(['serve', '--port', '0', '--auth', 'noauth', '--policy', 'secure-rbac'], io)).toBe(1);
    expect(err).toEqual(['glance-mock: auth noauth is served with the legacy policy only (got policy secure-rbac)']);
  });

  it('when served with --auth noauth --no-image-cache, then it says so, lists v2.15 as CURRENT and answers without identity', async () => {
    let stop!: (signal: string) => void;
    const { io, out } = captureIo(new Promise((resolve) => (stop = resolve)));
    const done = runCli(['serve', '--port', '0', '--auth', 'noauth', '--no-image-cache'], io);
    await waitFor(() => out.length > 0);
    expect(out[0]).toMatch(/auth noauth, no image cache\)$/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out[0])![0];
    const versions = (await (await fetch(`${url}/versions`)).json()) as { versions: Array<{ id: string; status: string }> };
    expect(versions.versions[0]).toMatchObject({ id: 'v2.15', status: 'CURRENT' });
    expect((await fetch(`${url}/v2/images`)).status).toBe(200);
    stop('SIGTERM');
    expect(await done).toBe(0);
  });
});

describe('glance-mock conformance --set', () => {
  it('when the noauth cases run against a mock behind Keystone, then they do not match the recording of Glance without Keystone', async () => {
    const mock = await startGlanceMock({ port: 0, dbProfile: 'sqlite' });
    try {
      const run = captureIo();
      expect(await runCli(['conformance', '--target', mock.url, '--set', 'noauth', '--only', 'noauth/create/no-headers'], run.io)).toBe(1);
      expect(run.out.join('\n')).toContain('against recorded noauth expectations');
      expect(run.out.join('\n')).toContain('MISMATCH noauth/create/no-headers (status, headers, body)');
    } finally {
      await mock.close();
    }
  });

  it('when the noauth cases run against a mock with auth noauth, then they match (exit 0)', async () => {
    const mock = await startGlanceMock({ port: 0, dbProfile: 'sqlite', auth: 'noauth' });
    try {
      const run = captureIo();
      expect(await runCli(['conformance', '--target', mock.url, '--set', 'noauth', '--only', 'noauth/'], run.io)).toBe(0);
      expect(run.out.join('\n')).toMatch(/no keystone\s+14\s+0/);
    } finally {
      await mock.close();
    }
  });
});
