#!/usr/bin/env node
// Records the pacts of the real Debian OpenStack clients (scripts/interop/install-clients.sh):
// the mock with the demo seed and a pact recorder on its front door (what `glance-mock serve
// --record-pact` does), the clients' sharing flows, and each client's exchanges written as a
// Pact V4 file in contracts/.
// Usage: npm run build && node scripts/pact/record-clients.js [OUT_DIR]   (default: contracts/)
'use strict';
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { loadSeedFile, pactRecorder, startGlanceMock } = require('../../dist');

const ROOT = join(__dirname, '..', '..');
const OUT = process.argv[2] ?? join(ROOT, 'contracts');
const IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';
const ALT_DEMO = '2f4e6a8c0b1d4e3f9a7c5b3d1e0f2a4c';
const PROJECT_OF = { admin: 'admin', demo: 'demo' };

async function main() {
  const mock = await startGlanceMock({ seed: loadSeedFile(join(ROOT, 'scenarios', 'demo-seed.yaml')) });
  const home = mkdtempSync(join(tmpdir(), 'record-clients-'));
  try {
    await record(mock, home, 'python-openstackclient', [
      ['admin', 'openstack', ['image', 'add', 'project', IMAGE, ALT_DEMO]],
      ['admin', 'openstack', ['image', 'member', 'list', IMAGE]],
      ['demo', 'openstack', ['image', 'set', '--accept', IMAGE]],
      ['admin', 'openstack', ['image', 'remove', 'project', IMAGE, ALT_DEMO]],
    ]);
    mock.reset();
    await record(mock, home, 'python-glanceclient', [
      ['admin', 'glance', ['member-create', IMAGE, ALT_DEMO]],
      ['admin', 'glance', ['member-list', '--image-id', IMAGE]],
    ]);
  } finally {
    await mock.close();
  }
}

async function record(mock, home, consumer, calls) {
  const recorder = pactRecorder();
  mock.use(recorder.interceptor);
  try {
    for (const [user, command, args] of calls) {
      const env = {
        PATH: process.env.PATH,
        HOME: home,
        OS_AUTH_URL: `${mock.url}/identity/v3`,
        OS_IDENTITY_API_VERSION: '3',
        OS_USERNAME: user,
        OS_PASSWORD: 'secret',
        OS_PROJECT_NAME: PROJECT_OF[user],
        OS_USER_DOMAIN_NAME: 'Default',
        OS_PROJECT_DOMAIN_NAME: 'Default',
      };
      process.stdout.write(`${consumer}: ${command} ${args.join(' ')}\n`);
      // Asynchronously: the mock answers in this very process.
      const { stdout } = await promisify(execFile)(command, args, { env, timeout: 60_000 });
      process.stdout.write(stdout);
    }
  } finally {
    mock.remove(recorder.interceptor);
  }
  const file = join(OUT, `${consumer}-Glance.json`);
  const pact = recorder.write(file, { consumer, provider: 'Glance' });
  process.stdout.write(`${file}: ${pact.interactions.length} interactions\n`);
}

main().catch((err) => {
  process.stderr.write(`record-clients: ${err.stack || err}\n`);
  process.exit(1);
});
