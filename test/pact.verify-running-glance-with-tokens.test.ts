import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { runCli } from '../src/cli';
import { captureIo } from './helpers/cli-io';

const THIRD_PARTY = join(__dirname, 'fixtures', 'pact', 'third-party.json');
let glance: RunningGlanceMock;
let dir: string;

beforeAll(async () => {
  // A Glance behind Keystone as far as the pact can tell: only tokens, which the seed knows, and no control plane.
  glance = await startGlanceMock({
    control: false,
    memberQuota: 4,
    seed: {
      tokens: [
        { token: 'token-a', project: 'team-a', roles: ['member', 'reader'] },
        { token: 'token-b', project: 'team-b', roles: ['member', 'reader'] },
        { token: 'token-admin', project: 'operators', roles: ['admin', 'member', 'reader'] },
      ],
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'token-map-'));
});
afterAll(async () => {
  await glance.close();
  rmSync(dir, { recursive: true, force: true });
});

test('with --token-map, the trusted headers become tokens and the states go through the public API as the admin', async () => {
  const tokenMap = join(dir, 'tokens.json');
  writeFileSync(tokenMap, JSON.stringify({ 'team-a': 'token-a', 'team-b': 'token-b', admin: 'token-admin' }));
  const { io, out } = captureIo();
  const code = await runCli(['verify', '--pact', THIRD_PARTY, '--provider-base-url', glance.url, '--token-map', tokenMap], io);
  expect(out.filter((line) => line.includes('FAILED'))).toEqual([]);
  expect(code).toBe(0);
  expect(out[0]).toBe(`verified against Glance at ${glance.url} (states through its public API)`);
  expect(out.at(-1)).toBe('4 passed, 0 failed');
}, 60_000);

test('a project the token map does not know fails its interactions, naming the project', async () => {
  const tokenMap = join(dir, 'partial.json');
  writeFileSync(tokenMap, JSON.stringify({ 'team-a': 'token-a', admin: 'token-admin' }));
  const { io, out } = captureIo();
  expect(await runCli(['verify', '--pact', THIRD_PARTY, '--provider-base-url', glance.url, '--token-map', tokenMap], io)).toBe(1);
  expect(out.join('\n')).toContain('FAILED the member accepts the image');
  expect(out.join('\n')).toContain('request not sent: the token map has no token for the project "team-b"');
}, 60_000);

test('--trusted-headers and --token-map together are refused', async () => {
  const { io, err } = captureIo();
  expect(await runCli(['verify', '--pact', THIRD_PARTY, '--trusted-headers', '--token-map', 'x.json'], io)).toBe(1);
  expect(err).toEqual(['glance-mock: --trusted-headers and --token-map exclude each other']);
});
