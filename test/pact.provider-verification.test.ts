import { join } from 'node:path';
import { runCli } from '../src/cli';
import { captureIo } from './helpers/cli-io';

// Pact's verifier prints every interaction on the process's stdout; the summary comes through the io.
const CONTRACTS = join(__dirname, '..', 'contracts');
const FIXTURES = join(__dirname, 'fixtures', 'pact');

test('every contract in contracts/ verifies against the embedded mock', async () => {
  const { io, out } = captureIo();
  const code = await runCli(['verify', '--pact', CONTRACTS], io);
  expect(out.filter((line) => line.includes('FAILED'))).toEqual([]);
  expect(code).toBe(0);
  expect(out.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
}, 120_000);

test("another team's pact with literal ids and the documented states verifies with no other option", async () => {
  const { io, out } = captureIo();
  expect(await runCli(['verify', '--pact', join(FIXTURES, 'third-party.json')], io)).toBe(0);
  expect(out.at(-1)).toBe('4 passed, 0 failed');
}, 60_000);

test('a wrong contract fails, naming each interaction that does not hold', async () => {
  const { io, out } = captureIo();
  expect(await runCli(['verify', '--pact', join(FIXTURES, 'wrong-contract.json')], io)).toBe(1);
  const text = out.join('\n');
  expect(text).toContain('FAILED adding a member is expected to answer 201');
  expect(text).toMatch(/expected 201 but was 200/);
  expect(text).toContain('FAILED a duplicate member is expected with another message');
  expect(text).toMatch(/ ok +a member that is shown as expected/);
  expect(out.at(-1)).toBe('1 passed, 2 failed');
}, 60_000);

test('an unknown state or a bad parameter fails its interaction, naming the state and the parameter', async () => {
  const { io, out, err } = captureIo();
  expect(await runCli(['verify', '--pact', join(FIXTURES, 'unknown-state.json')], io)).toBe(1);
  expect(out.at(-1)).toBe('0 passed, 3 failed');
  expect(err).toEqual(
    expect.arrayContaining([
      expect.stringContaining('unknown provider state "an image is on fire"'),
      expect.stringContaining(
        'provider state "an image exists": parameter visibility must be one of private, shared, community, public, got "hidden"',
      ),
      expect.stringContaining('provider state "no image exists": parameter imageId is missing'),
    ]),
  );
  expect(out.join('\n')).toContain('request not sent: unknown provider state "an image is on fire"');
}, 60_000);

test('verify without pacts or broker is a one-line error', async () => {
  const { io, err } = captureIo();
  expect(await runCli(['verify'], io)).toBe(1);
  expect(err).toEqual(['glance-mock: verify needs --pact FILE|DIR or --broker-url URL']);
});
