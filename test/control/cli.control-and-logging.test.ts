import { runCli, type CliIo } from '../../src/cli';

function serve(args: string[]) {
  let stop!: (signal: string) => void;
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => new Promise((resolve) => (stop = resolve)) };
  const done = runCli(['serve', '--port', '0', ...args], io);
  const url = async () => {
    for (let i = 0; i < 200 && out.length === 0 && err.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return /http:\/\/127\.0\.0\.1:\d+/.exec(out[0] ?? '')?.[0] ?? '';
  };
  return { out, err, url, stop: async () => (stop('SIGTERM'), done) };
}

const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1' };

describe('serve: the control plane and the request log', () => {
  test('at the default log level stdout holds the URL line alone', async () => {
    const run = serve([]);
    const url = await run.url();
    await fetch(`${url}/v2/images`, { headers: OWNER });
    await fetch(`${url}/_mock/health`);
    expect(await run.stop()).toBe(0);
    expect(run.out).toHaveLength(2);
    expect(run.out[1]).toBe('glance-mock stopped (SIGTERM)');
  });

  test('at info, one JSON line per Glance request, tokens left out', async () => {
    const run = serve(['--log-level', 'info']);
    const url = await run.url();
    await fetch(`${url}/v2/images?limit=1`, { headers: { ...OWNER, 'X-Auth-Token': 'never-logged' } });
    await fetch(`${url}/v2/images/nope`, { headers: OWNER });
    await run.stop();
    const lines = run.out.slice(1, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request',
        method: 'GET',
        path: '/v2/images',
        query: 'limit=1',
        status: 200,
        route: '/v2/images',
        project: 'p1',
      }),
      expect.objectContaining({ method: 'GET', path: '/v2/images/nope', status: 404, route: '/v2/images/{image_id}' }),
    ]);
    expect(run.out.join('\n')).not.toContain('never-logged');
  });

  test('--control-token, --control-prefix and --no-control', async () => {
    const guarded = serve(['--control-token', 'tok', '--control-prefix', '/__admin']);
    const url = await guarded.url();
    expect((await fetch(`${url}/__admin/health`)).status).toBe(401);
    expect((await fetch(`${url}/__admin/health`, { headers: { Authorization: 'Bearer tok' } })).status).toBe(200);
    await guarded.stop();
    const off = serve(['--no-control']);
    expect((await fetch(`${await off.url()}/_mock/health`)).status).toBe(300);
    await off.stop();
  });

  test.each([
    [['--journal-size', '0'], /--journal-size.*must be an integer from 1/],
    [['--log-level', 'loud'], /Allowed choices are fatal, error, warn, info, debug, trace, silent/],
    [['--control-prefix', '/v2'], /controlPrefix must be a path such as \/_mock/],
    [['--control-token', 'two words'], /controlToken must be a non-empty string/],
  ])('%j is a one-line error and exit code 1', async (args, pattern) => {
    const run = serve(args);
    const code = await (async () => {
      await run.url();
      return run.err.length > 0 ? 1 : run.stop();
    })();
    expect(code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(pattern);
  });
});
