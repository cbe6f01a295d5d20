import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../src/cli';

const DEMO_SEED = join(__dirname, '..', 'scenarios', 'demo-seed.yaml');
const IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';

test('serve --record-pact writes the Glance calls made with a token as a pact in trusted headers, on stop', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-pact-'));
  const file = join(dir, 'recorded.json');
  const out: string[] = [];
  let stop!: (signal: string) => void;
  const io: CliIo = { out: (l) => out.push(l), error: () => undefined, untilStopped: () => new Promise((resolve) => (stop = resolve)) };
  try {
    const done = runCli(['serve', '--port', '0', '--seed', DEMO_SEED, '--record-pact', file, '--consumer', 'my-service'], io);
    for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out[0])![0];
    const res = await fetch(`${url}/image/v2/images/${IMAGE}/members`, { headers: { 'X-Auth-Token': 'admin-token' } });
    expect(res.status).toBe(200);
    await fetch(`${url}/identity/v3`);
    stop('SIGTERM');
    expect(await done).toBe(0);
    expect(out).toContain(`recorded 1 interactions in ${file}`);
    const pact = JSON.parse(readFileSync(file, 'utf8'));
    expect(pact.consumer).toEqual({ name: 'my-service' });
    expect(pact.interactions).toHaveLength(1);
    expect(pact.interactions[0].request).toMatchObject({
      method: 'GET',
      path: `/v2/images/${IMAGE}/members`,
      headers: { 'X-Identity-Status': ['Confirmed'], 'X-Project-Id': ['6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70'] },
    });
    expect(pact.interactions[0].providerStates.map((s: { name: string }) => s.name)).toEqual([
      'an image exists',
      'a project is a member of the image',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
