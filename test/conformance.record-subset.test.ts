import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { conformance } from '../src/conformance/command';

let mock: RunningGlanceMock;
let dir: string;
beforeAll(async () => {
  mock = await startGlanceMock({ dbProfile: 'sqlite' });
  dir = mkdtempSync(join(tmpdir(), 'glance-mock-record-subset-'));
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

const OTHER = { observed: { status: 418, contentType: null, headers: {}, body: 'kept' } };

describe('conformance --record with --only', () => {
  it('when the file has other cases, then they keep their answers and the file its source and date', async () => {
    const file = join(dir, 'existing.json');
    writeFileSync(
      file,
      JSON.stringify({ source: 'http://glance.example', recordedAt: '2026-01-01T00:00:00.000Z', outcomes: { 'zz/other': OTHER } }),
    );
    const printed: string[] = [];
    const code = await conformance(
      { target: mock.url, profile: 'sqlite', only: 'images/show/owner', record: file, concurrency: 1 },
      (line) => printed.push(line),
    );
    expect(code).toBe(0);
    expect(printed).toEqual([`recorded 1 cases from ${mock.url} into ${file} (the others kept)`]);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.source).toBe('http://glance.example');
    expect(written.recordedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(Object.keys(written.outcomes)).toEqual(['images/show/owner', 'zz/other']);
    expect(written.outcomes['zz/other']).toEqual(OTHER);
    expect(written.outcomes['images/show/owner'].observed.status).toBe(200);
  });

  it('when there is no file yet, then it holds the subset alone', async () => {
    const file = join(dir, 'new.json');
    await conformance({ target: mock.url, profile: 'sqlite', only: 'images/show/owner', record: file, concurrency: 1 }, () => undefined);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.source).toBe(mock.url);
    expect(Object.keys(written.outcomes)).toEqual(['images/show/owner']);
  });
});
