import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

/**
 * The published package, as a consumer gets it: `npm pack` (scripts off: `npm test` built
 * dist/ already), unpacked into a temporary project whose node_modules holds only the
 * package's production dependencies (linked from this project's node_modules: no network),
 * then required, imported and type-checked from there.
 */
const ROOT = join(__dirname, '..');
const run = (file: string, args: string[], cwd: string) =>
  execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

describe('the packed tarball', () => {
  let work: string;
  let consumer: string;
  let files: string[];
  let version: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'glance-mock-pack-'));
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as Array<{
      filename: string;
      version: string;
      files: Array<{ path: string }>;
    }>;
    files = packed.files.map((f) => f.path);
    version = packed.version;
    consumer = join(work, 'consumer');
    const target = join(consumer, 'node_modules', 'glance-mock');
    mkdirSync(target, { recursive: true });
    run('tar', ['-xzf', join(work, basename(packed.filename)), '-C', target, '--strip-components=1'], ROOT);
    linkProductionDependencies(join(consumer, 'node_modules'));
    writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('when listed, then it holds no source map and each recorded expectation once', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const recordings = files.filter((f) => /(^|\/)expected\/[^/]+\.json$/.test(f));
    expect(recordings).toEqual(
      expect.arrayContaining(['src/conformance/expected/sqlite.json', 'src/conformance/expected/sqlite-secure-rbac.json']),
    );
    expect(new Set(recordings.map((f) => basename(f))).size).toBe(recordings.length);
    expect(files).toEqual(
      expect.arrayContaining(['LICENSE', 'package.json', 'esm/index.mjs', 'scenarios/demo-seed.yaml', 'dist/index.d.ts']),
    );
    expect(files.filter((f) => f.startsWith('src/') && !f.startsWith('src/conformance/expected/'))).toEqual([]);
  });

  it('when required from CommonJS, then the mock starts, answers and replays the recorded conformance cases', () => {
    const script = `
      const m = require('glance-mock');
      (async () => {
        const mock = await m.startGlanceMock({ port: 0, dbProfile: 'sqlite' });
        try {
          const res = await fetch(mock.url + '/v2/images/nope/members', { headers: { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p', 'X-Roles': 'member' } });
          const cases = m.casesOf('default').filter((c) => c.id.startsWith('matrix/shared/owner/'));
          const actual = await m.runCases({ baseUrl: mock.url, identities: m.trustedHeaderIdentities('pk'), run: 'pk', cases, concurrency: 4 });
          const expected = m.readExpectations(m.expectationsFile('sqlite')).outcomes;
          const report = m.buildReport(m.compareAll(cases, expected, actual), { target: mock.url, against: 'sqlite', profile: 'sqlite' });
          console.log(JSON.stringify({ status: res.status, error: new m.GlanceError(404, 'x') instanceof Error, total: report.total, matched: report.matched }));
        } finally { await mock.close(); }
      })();`;
    expect(JSON.parse(run(process.execPath, ['-e', script], consumer))).toEqual({ status: 404, error: true, total: 11, matched: 11 });
  }, 30_000);

  it('when imported as an ES module, then the named exports are those of the CommonJS entry and the subpaths resolve', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      import * as esm from 'glance-mock';
      import { startGlanceMock } from 'glance-mock';
      import pkg from 'glance-mock/package.json' with { type: 'json' };
      const cjs = createRequire(import.meta.url)('glance-mock');
      const mock = await startGlanceMock({ port: 0 });
      const status = (await fetch(mock.url + '/versions')).status;
      await mock.close();
      console.log(JSON.stringify({
        missing: Object.keys(cjs).filter((k) => !(k in esm)),
        same: esm.startGlanceMock === cjs.startGlanceMock,
        status,
        version: pkg.version,
        seed: existsSync(fileURLToPath(import.meta.resolve('glance-mock/scenarios/demo-seed.yaml'))),
      }));`;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], consumer));
    expect(out).toEqual({ missing: [], same: true, status: 200, version, seed: true });
  }, 30_000);

  it('when its bin is asked for --version, then it prints the package version', () => {
    expect(
      run(process.execPath, [join(consumer, 'node_modules', 'glance-mock', 'bin', 'glance-mock.js'), '--version'], consumer).trim(),
    ).toBe(version);
  });

  it('when a TypeScript consumer uses createApp() and startGlanceMock() with skipLibCheck off, then tsc accepts it', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'node16', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
        include: ['*.ts', '*.mts'],
      }),
    );
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { createApp, startGlanceMock, GlanceError, runCases, allCases, type ConformanceReport } from 'glance-mock';
const app = createApp({ dbProfile: 'sqlite' });
app.use((_req, _res, next) => next());
export async function main(): Promise<string> {
  const mock = await startGlanceMock({ port: 0, policy: 'secure-rbac' });
  await mock.close();
  const report: ConformanceReport | undefined = undefined;
  return [typeof runCases, allCases().length, new GlanceError(404, 'x').message, report].join(mock.url);
}
`,
    );
    writeFileSync(
      join(consumer, 'use-esm.mts'),
      `import { startGlanceMock } from 'glance-mock';\nexport const started: Promise<{ url: string }> = startGlanceMock({ port: 0 });\n`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      run(process.execPath, [tsc, '-p', consumer], consumer);
    } catch (err) {
      output = String((err as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  }, 90_000);
});

/** Link the package's production dependencies (and theirs) from this project's node_modules. */
function linkProductionDependencies(into: string): void {
  const listed = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], ROOT).split('\n').filter(Boolean);
  const topLevel = listed
    .map((p) => relative(join(ROOT, 'node_modules'), p))
    .filter((p) => p && !p.startsWith('..') && !p.includes('node_modules'));
  for (const name of topLevel) {
    if (name.includes('/')) mkdirSync(join(into, name.split('/')[0]), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(into, name), 'dir');
  }
  if (readdirSync(into).length < 5) throw new Error(`too few production dependencies linked: ${topLevel.join(', ')}`);
}
