/**
 * `serve --record-scenario FILE` records a client working inside a namespace:
 * a namespace is a cloud of its own, so its exchanges make a scenario of their
 * own (FILE with the name before its extension) that plays back alone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, playScenario } from '../src';
import { runCli } from '../src/cli';
import { serveIo } from './helpers/cli-io';

const DEMO_SEED = join(__dirname, '..', 'scenarios', 'demo-seed.yaml');
const ADMIN_LOGIN = JSON.stringify({
  auth: {
    identity: { methods: ['password'], password: { user: { name: 'admin', password: 'secret', domain: { name: 'Default' } } } },
    scope: { project: { name: 'admin', domain: { name: 'Default' } } },
  },
});

describe('glance-mock serve --record-scenario with namespaces', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-record-ns-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("when a client works inside a namespace and another in the default one, then each one's exchanges are a scenario of their own that plays green", async () => {
    const file = join(dir, 'flow.scenario.yaml');
    const { io, url, stop } = serveIo();
    const served = runCli(['serve', '--port', '0', '--seed', DEMO_SEED, '--record-scenario', file], io);
    try {
      const base = `${await url}/_ns/worker-1`;
      const json = { 'content-type': 'application/json' };
      const login = await fetch(`${base}/identity/v3/auth/tokens`, { method: 'POST', headers: json, body: ADMIN_LOGIN });
      const headers = { 'x-auth-token': login.headers.get('x-subject-token')!, ...json };
      const created = await fetch(`${base}/image/v2/images`, { method: 'POST', headers, body: '{"name": "in-a-namespace"}' });
      const { id } = (await created.json()) as { id: string };
      await fetch(`${base}/image/v2/images/${id}`, { headers });
      const owner = { 'x-identity-status': 'Confirmed', 'x-project-id': 'p1', 'x-roles': 'member', ...json };
      await fetch(`${await url}/v2/images`, { method: 'POST', headers: owner, body: '{"name": "in-the-default-one"}' });
    } finally {
      stop();
    }
    expect(await served).toBe(0);

    const inNamespace = join(dir, 'flow.worker-1.scenario.yaml');
    expect(existsSync(inNamespace)).toBe(true);
    expect(readFileSync(inNamespace, 'utf8')).toContain('name: in-a-namespace\n');
    const recorded = loadScenarioFile(inNamespace).scenario;
    expect(recorded.name).toBe('flow (namespace worker-1)');
    expect(recorded.steps.map((s) => `${s.request.method} ${s.request.path}`)).toEqual(['POST /v2/images', 'GET /v2/images/${image}']);
    const played = await playScenario(recorded);
    expect(played.steps.map((s) => [s.status, s.error ?? s.mismatches])).toEqual([
      ['passed', []],
      ['passed', []],
    ]);

    const inDefault = loadScenarioFile(file).scenario;
    expect(inDefault.name).toBe('flow');
    expect(inDefault.steps.map((s) => `${s.request.method} ${s.request.path}`)).toEqual(['POST /v2/images']);
    expect(readFileSync(file, 'utf8')).not.toContain('in-a-namespace');
    expect((await playScenario(inDefault)).steps.map((s) => s.status)).toEqual(['passed']);
  });
});
