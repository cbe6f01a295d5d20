/** `glance-mock seed generate` and generateSeed(): a fake cloud, the same for the same seed, that the mock loads. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateSeed, type SeedData } from '../src';
import { runCli, type CliIo } from '../src/cli';
import { generateSeed } from '../src/seed/generate';

const dir = mkdtempSync(join(tmpdir(), 'glance-seed-generate-'));

function captureIo(stop: Promise<string> = new Promise(() => undefined)) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => stop };
  return { io, out, err };
}

async function generate(file: string, ...args: string[]): Promise<string> {
  const { io, err } = captureIo();
  const code = await runCli(['seed', 'generate', '--projects', '30', '--images', '60', '--members', '8', ...args, '--out', file], io);
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return readFileSync(file, 'utf8');
}

describe('seed generate', () => {
  it('when run twice with the same --seed, then the files are identical, and another seed gives another file', async () => {
    const first = await generate(join(dir, 'a.json'), '--seed', '42');
    const second = await generate(join(dir, 'b.json'), '--seed', '42');
    const other = await generate(join(dir, 'c.json'), '--seed', '43');
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('when written as YAML, then it is the same document', async () => {
    const json = JSON.parse(await generate(join(dir, 'd.json'), '--seed', '5'));
    expect(parse(await generate(join(dir, 'd.yaml'), '--seed', '5'))).toEqual(json);
  });

  it('when generated, then it is a valid seed: 32-hex project ids, a user with a password per project, K members of other projects per shared image', () => {
    const seed: SeedData = validateSeed(generateSeed({ projects: 30, images: 200, members: 8, seed: 9 }));
    expect(seed.projects).toHaveLength(30);
    for (const project of seed.projects!) expect(project.id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(seed.projects!.map((p) => p.name)).size).toBe(30);
    expect(seed.users!.map((u) => u.default_project).sort()).toEqual(seed.projects!.map((p) => p.id).sort());
    for (const user of seed.users!) expect(user.password.length).toBeGreaterThanOrEqual(8);
    expect(seed.images).toHaveLength(200);
    const statuses = new Set<string>();
    for (const image of seed.images!) {
      expect(image.name).toMatch(/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/);
      if (image.visibility !== 'shared') {
        expect(image.members).toBeUndefined();
        continue;
      }
      const members = image.members!.map((m) => m.member);
      expect(new Set(members).size).toBe(8);
      expect(members).not.toContain(image.owner);
      image.members!.forEach((m) => statuses.add(m.status!));
    }
    expect([...statuses].sort()).toEqual(['accepted', 'pending', 'rejected']);
    expect(new Set(seed.images!.map((i) => i.visibility))).toEqual(new Set(['shared', 'private', 'public', 'community']));
  });

  it('when the installed bin prints a large seed to a pipe, then all of it arrives before it exits', async () => {
    const bin = join(__dirname, '..', 'bin', 'glance-mock.js');
    const args = ['seed', 'generate', '--projects', '50', '--images', '300', '--members', '10', '--seed', '3'];
    const child = spawn(process.execPath, [bin, ...args]);
    let printed = '';
    child.stdout.on('data', (chunk) => (printed += String(chunk)));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(printed.length).toBeGreaterThan(256 * 1024);
    expect(printed).toBe(await generate(join(dir, 'piped.json'), ...args.slice(2)));
  });

  it('when --members is not below --projects, then a one-line error and exit code 1', async () => {
    const { io, err } = captureIo();
    expect(await runCli(['seed', 'generate', '--projects', '3', '--images', '1', '--members', '3'], io)).toBe(1);
    expect(err).toEqual(["glance-mock: --members must be at most --projects - 1 (2): an image's members are other projects"]);
  });

  it('when served with --seed, then a generated user logs in and its shared image lists its members', async () => {
    const file = join(dir, 'served.json');
    const seed = JSON.parse(await generate(file, '--seed', '7')) as SeedData;
    const image = seed.images!.find((i) => i.visibility === 'shared')!;
    const user = seed.users!.find((u) => u.default_project === image.owner)!;
    let stop!: (signal: string) => void;
    const { io, out } = captureIo(new Promise((resolve) => (stop = resolve)));
    const done = runCli(['serve', '--port', '0', '--seed', file], io);
    try {
      await waitFor(() => out.length > 0);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out[0])![0];
      const login = await fetch(`${url}/identity/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: user.name, domain: { id: 'default' }, password: user.password } },
            },
            scope: { project: { id: image.owner } },
          },
        }),
      });
      expect(login.status).toBe(201);
      const res = await fetch(`${url}/v2/images/${image.id}/members`, {
        headers: { 'X-Auth-Token': login.headers.get('x-subject-token')! },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { members: Array<{ member_id: string; status: string }> };
      expect(body.members.map((m) => [m.member_id, m.status])).toEqual(image.members!.map((m) => [m.member, m.status]));
    } finally {
      stop('SIGTERM');
      expect(await done).toBe(0);
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
