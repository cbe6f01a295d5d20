/**
 * A flow made by the real `openstack` CLI, recorded through `glance-mock record` in front of
 * the mock, then played back on a fresh mock and on a real Glance Zed (SQLite, trusted headers):
 * the recording's volatile values (image id, timestamps, tokens) must not tie it to the run
 * it came from.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, playScenario, type ScenarioResult } from '../../src';
import { runCli } from '../../src/cli';
import { DEMO_PROJECT, useInteropCloud } from './helpers/cloud';

const ROOT = join(__dirname, '..', '..');
/** The real Glance this test starts: CI's port for it, or another with SCENARIO_GLANCE_PORT. */
const GLANCE_PORT = process.env.SCENARIO_GLANCE_PORT ?? '9499';

const env = useInteropCloud();
const dir = mkdtempSync(join(tmpdir(), 'glance-mock-record-'));
const file = join(dir, 'openstack-cli-sharing.scenario.yaml');

function outcome(result: ScenarioResult) {
  return { status: result.status, reason: result.reason, failed: result.steps.filter((s) => s.status === 'failed') };
}

describe('a flow recorded from the openstack CLI through glance-mock record', () => {
  beforeAll(async () => {
    let stop!: (signal: string) => void;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let listening!: (url: string) => void;
    const proxyUrl = new Promise<string>((resolve) => (listening = resolve));
    const io = {
      out: (line: string) => {
        const url = /recording on (http:\/\/\S+)/.exec(line)?.[1];
        if (url) listening(url);
      },
      error: (line: string) => process.stderr.write(`${line}\n`),
      untilStopped: () => stopped,
    };
    const recorder = runCli(['record', '--target', env.cloud.mock.url, '--port', '0', '--out', file], io);
    try {
      await clientFlow(await proxyUrl);
    } finally {
      stop('SIGTERM');
    }
    expect(await recorder).toBe(0);
  });

  it('is written as a scenario of Glance calls, without tokens or the recorded image id', () => {
    const yaml = readFileSync(file, 'utf8');
    const { scenario } = loadScenarioFile(file);
    expect(scenario.steps.map((s) => s.request.method)).toEqual(expect.arrayContaining(['POST', 'PUT', 'GET', 'DELETE']));
    expect(scenario.steps.every((s) => s.request.path.startsWith('/v2/'))).toBe(true);
    expect(yaml).not.toMatch(/gAAAA|X-Auth-Token|x-subject-token/i);
    expect(yaml).toContain('capture:\n      image: $.id');
  });

  it('plays back green on a fresh mock', async () => {
    expect(outcome(await playScenario(loadScenarioFile(file)))).toEqual({ status: 'passed', reason: undefined, failed: [] });
  });

  it('plays back green on a real Glance Zed', async () => {
    const glanceDir = join(dir, 'glance');
    const start = join(ROOT, 'scripts', 'real-glance', 'start.sh');
    // Its output goes to a file: glance-api, left running, holds on to the script's stdout.
    const log = openSync(join(dir, 'glance-start.out'), 'w');
    execFileSync(start, ['--db', 'sqlite', '--port', GLANCE_PORT, '--dir', glanceDir], { stdio: ['ignore', log, log] });
    closeSync(log);
    const url = readFileSync(join(dir, 'glance-start.out'), 'utf8').trim().split('\n').pop()!;
    try {
      const result = await playScenario(loadScenarioFile(file), { target: url, profile: { db: 'sqlite' } });
      expect(outcome(result)).toEqual({ status: 'passed', reason: undefined, failed: [] });
    } finally {
      execFileSync(join(ROOT, 'scripts', 'real-glance', 'stop.sh'), [glanceDir], { stdio: 'ignore' });
    }
  });
});

/** The sharing flow, as admin and demo, through the recording proxy. */
async function clientFlow(proxy: string): Promise<void> {
  const through = { OS_AUTH_URL: `${proxy}/identity/v3` };
  // With no --file the client reads the image from its stdin, a pipe here that never ends.
  const data = join(dir, 'image.raw');
  writeFileSync(data, 'glance-mock scenario image\n');
  const created = await env.cloud.openstack(
    [
      'image',
      'create',
      '--file',
      data,
      '--disk-format',
      'raw',
      '--container-format',
      'bare',
      '--shared',
      'recorded-flow',
      '-f',
      'value',
      '-c',
      'id',
    ],
    'admin',
    through,
  );
  expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
  const image = created.stdout.trim();
  for (const [args, user] of [
    [['image', 'add', 'project', image, DEMO_PROJECT], 'admin'],
    [['image', 'member', 'list', image], 'admin'],
    [['image', 'set', '--accept', image], 'demo'],
    [['image', 'show', image], 'demo'],
    [['image', 'member', 'list', image], 'admin'],
    [['image', 'remove', 'project', image, DEMO_PROJECT], 'admin'],
  ] as const) {
    const run = await env.cloud.openstack([...args], user, through);
    expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
  }
}
