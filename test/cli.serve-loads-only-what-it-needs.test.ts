/**
 * `glance-mock serve` answers within a few hundred milliseconds of starting because it
 * loads only what serving needs: the other subcommands (Pact, faker, the scenario
 * reader) and the optional parts (Express for `mock.app`, prom-client until the first
 * scrape, pino below the info level, yaml and ajv without a seed) are loaded on use.
 * Runs the built CLI (`npm run build`; npm test builds first) in a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const built = existsSync(join(ROOT, 'dist', 'cli.js'));

// Serves, answers one request, then prints the files under node_modules that were loaded.
const CHILD = `
const { runCli } = require('./dist/cli.js');
runCli(JSON.parse(process.argv[1]), {
  out: async (line) => {
    const url = /http:\\/\\/\\S+/.exec(line)?.[0];
    if (!url) return;
    await (await fetch(url + '/versions')).arrayBuffer();
    process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('node_modules'))));
    process.exit(0);
  },
  error: (line) => process.stderr.write(line + '\\n'),
  untilStopped: () => new Promise(() => {}),
});
`;

function filesLoadedByServe(args: string[]): Promise<string[]> {
  const child = spawn(process.execPath, ['-e', CHILD, JSON.stringify(['serve', '--port', '0', ...args])], { cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  child.stderr.on('data', (chunk) => (err += String(chunk)));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`exit ${code}: ${err}`)))),
  );
}

const packagesOf = (files: string[]) => [...new Set(files.map((file) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)![1]))].sort();

(built ? describe : describe.skip)('what glance-mock serve loads before its first answer', () => {
  it('when served without a seed, then commander is the only package loaded', async () => {
    expect(packagesOf(await filesLoadedByServe([]))).toEqual(['commander']);
  });

  it('when served with a YAML seed, then yaml and the precompiled validator’s runtime are added, not ajv’s compiler', async () => {
    const files = await filesLoadedByServe(['--seed', join(ROOT, 'scenarios', 'demo-seed.yaml')]);
    expect(packagesOf(files)).toEqual(['ajv', 'ajv-formats', 'commander', 'yaml']);
    expect(files.filter((file) => file.includes('/node_modules/ajv/')).map((file) => file.replace(/.*\/node_modules\//, ''))).toEqual([
      'ajv/dist/runtime/ucs2length.js',
    ]);
  });
});
