import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, playScenario } from '../src';
import { runCli } from '../src/cli';
import { serveIo } from './helpers/cli-io';

const DEMO_SEED = join(__dirname, '..', 'scenarios', 'demo-seed.yaml');

describe('glance-mock serve --record-scenario', () => {
  it('writes what the mock answered, a Keystone login included, as a scenario that plays green on a fresh mock', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'serve-record-')), 'served.scenario.yaml');
    const { io, url, stop } = serveIo();
    const served = runCli(['serve', '--port', '0', '--seed', DEMO_SEED, '--record-scenario', file], io);
    try {
      const base = await url;
      const login = await fetch(`${base}/identity/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: { methods: ['password'], password: { user: { name: 'admin', password: 'secret', domain: { name: 'Default' } } } },
            scope: { project: { name: 'admin', domain: { name: 'Default' } } },
          },
        }),
      });
      const token = login.headers.get('x-subject-token')!;
      const headers = { 'x-auth-token': token, 'content-type': 'application/json' };
      const created = await fetch(`${base}/image/v2/images`, {
        method: 'POST',
        headers,
        body: '{"name": "served", "visibility": "shared"}',
      });
      const { id } = (await created.json()) as { id: string };
      await fetch(`${base}/image/v2/images/${id}/members`, { method: 'POST', headers, body: '{"member": "p2"}' });
      await fetch(`${base}/image/v2/images/${id}/members`, { headers });
    } finally {
      stop();
    }
    expect(await served).toBe(0);

    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('name: served\n');
    expect(yaml).not.toContain('secret');
    const { scenario } = loadScenarioFile(file);
    expect(scenario.actors).toEqual({
      admin: { project: '6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70', roles: ['admin', 'member', 'reader'], user: expect.any(String) },
    });
    expect(scenario.steps.map((s) => `${s.request.method} ${s.request.path}`)).toEqual([
      'POST /v2/images',
      'POST /v2/images/${image}/members',
      'GET /v2/images/${image}/members',
    ]);
    const result = await playScenario(scenario);
    expect(result.steps.map((s) => [s.status, s.error ?? s.mismatches])).toEqual([
      ['passed', []],
      ['passed', []],
      ['passed', []],
    ]);
  });
});
