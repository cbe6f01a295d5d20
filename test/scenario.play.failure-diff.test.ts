import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../src/cli';

const WRONG = `name: a wrong expectation
actors:
  owner: { project: p1, roles: [member] }
steps:
  - name: the owner creates a shared image
    actor: owner
    request: { method: POST, path: /v2/images, body: { name: x, visibility: shared } }
    expect: { status: 201 }
    capture: { image: $.id }
  - name: the owner expects a member that is not there
    actor: owner
    request: { method: GET, path: '/v2/images/\${image}/members' }
    expect: { status: 200, body: { members: [{ member_id: p2, status: accepted }] } }
  - name: never played
    request: { method: GET, path: /v2/images }
`;

const RIGHT = `name: a right expectation
steps:
  - name: the versions
    request: { method: GET, path: /versions }
    expect: { status: 200, body: { versions: { contains: { id: v2.0 } } } }
`;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cliIo: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => new Promise(() => undefined) };
  return { cliIo, out, err };
}

function files(): { dir: string; wrong: string; right: string } {
  const dir = mkdtempSync(join(tmpdir(), 'play-'));
  writeFileSync(join(dir, 'wrong.scenario.yaml'), WRONG);
  writeFileSync(join(dir, 'right.scenario.yaml'), RIGHT);
  return { dir, wrong: join(dir, 'wrong.scenario.yaml'), right: join(dir, 'right.scenario.yaml') };
}

describe('glance-mock play, a failing scenario', () => {
  it('exits 1 and prints the diff of expected and actual under the step that failed', async () => {
    const { wrong } = files();
    const { cliIo, out } = io();
    expect(await runCli(['play', wrong], cliIo)).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('✓ 1. the owner creates a shared image  201');
    expect(text).toContain('✗ 2. the owner expects a member that is not there  200');
    expect(text).toContain('      $.members.length\n        - expected: 1\n        + actual:   0: []');
    expect(text).toContain('- 3. never played  (skipped)');
    expect(text).toContain('✗ a wrong expectation: failed at step 2 "the owner expects a member that is not there"');
    expect(text).toContain('1 scenarios: 0 passed, 1 failed, 0 skipped');
  });

  it('plays the other scenarios of a directory, unless --bail', async () => {
    const { dir } = files();
    const all = io();
    expect(await runCli(['play', dir], all.cliIo)).toBe(1);
    expect(all.out.at(-1)).toBe('2 scenarios: 1 passed, 1 failed, 0 skipped');
    // right.scenario.yaml sorts first: put the wrong one first to see --bail stop.
    const { wrong, right } = files();
    const bail = io();
    expect(await runCli(['play', wrong, right, '--bail'], bail.cliIo)).toBe(1);
    expect(bail.out.at(-1)).toBe('1 scenarios: 0 passed, 1 failed, 0 skipped');
  });

  it('writes JUnit XML naming the failed step, with the diff in the failure', async () => {
    const { wrong, right, dir } = files();
    const report = join(dir, 'report.xml');
    expect(await runCli(['play', right, wrong, '--reporter', 'junit', '--out', report], io().cliIo)).toBe(1);
    const xml = readFileSync(report, 'utf8');
    expect(xml).toContain('<testsuites name="glance-mock play" tests="4" failures="1" skipped="1"');
    expect(xml).toContain('<testcase classname="a wrong expectation" name="2. the owner expects a member that is not there"');
    expect(xml).toContain('<failure message="$.members.length: expected 1, got 0: []">');
    expect(xml).toContain('<skipped message="an earlier step failed"/>');
  });

  it('prints a JSON report on stdout with --reporter json', async () => {
    const { right } = files();
    const { cliIo, out } = io();
    expect(await runCli(['play', right, '--reporter', 'json'], cliIo)).toBe(0);
    const report = JSON.parse(out.join('\n')) as { summary: unknown; scenarios: Array<{ name: string; steps: Array<{ status: string }> }> };
    expect(report.summary).toEqual({ passed: 1, failed: 0, skipped: 0 });
    expect(report.scenarios[0].steps[0].status).toBe('passed');
  });

  it('refuses a bad scenario before playing any, naming the file, the step and the field', async () => {
    const { dir, right } = files();
    const bad = join(dir, 'bad.scenario.yaml');
    writeFileSync(bad, 'name: bad\nsteps:\n  - name: no method\n    request: { path: /v2/images }\n');
    const { cliIo, out, err } = io();
    expect(await runCli(['play', right, bad], cliIo)).toBe(1);
    expect(err).toEqual([`glance-mock: ${bad}: step 1 "no method": /steps/0/request is missing the field "method"`]);
    expect(out).toEqual([]);
  });
});
