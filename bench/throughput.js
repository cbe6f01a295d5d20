#!/usr/bin/env node
'use strict';
/**
 * Throughput over loopback HTTP: autocannon drives each case against the
 * mock (in its own process, pinned to one core when taskset exists) and,
 * in the same run, an Express 5 app answering a fixed JSON body (the
 * ceiling, measured in turn with each case), at three store sizes. Prints req/s, p50/p99 latency, the ratio
 * to the ceiling and the targets; then the CLI's start to first answer.
 * Bounded: about 2 x BENCH_SECONDS + 1 s per case, a few minutes in all. Asserts nothing.
 * Usage: npm run bench   (after npm run build)
 *        BENCH_SECONDS=1 node bench/throughput.js   (shorter cases)
 *        BENCH_BASELINE=/other/checkout/dist node bench/throughput.js   (also another build of the
 *          mock, measured in the same rounds: its req/s and ratio printed under each case)
 *        BENCH_ONLY=start node bench/throughput.js   (only the CLI's start to first answer)
 */
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const os = require('node:os');
const autocannon = require('autocannon');
const { OWNER, CONSUMER, MEMBER_OF_ALL, PROBES } = require('./bench-seed');

const CASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const BASELINE = process.env.BENCH_BASELINE;
const THIS_BIN = path.join(__dirname, '..', 'bin', 'glance-mock.js');
const BASELINE_BIN = BASELINE && path.join(BASELINE, '..', 'bin', 'glance-mock.js');
const DEMO_SEED = path.join(__dirname, '..', 'scenarios', 'demo-seed.yaml');
const CONNECTIONS = 16;
const WARM_UP_SECONDS = 1;
const ROUNDS = 3;
const ROUND_SECONDS = Math.max(1, Math.round(CASE_SECONDS / ROUNDS));
const CEILING_REQUESTS = [{ method: 'GET', path: '/' }];
const SIZES = [
  { label: '100 images x 10 members', images: 100, members: 10 },
  { label: '10,000 images x 20 members', images: 10_000, members: 20 },
  { label: '10,000 images x 128 members', images: 10_000, members: 128 },
];
const as = (project) => ({ 'x-identity-status': 'Confirmed', 'x-project-id': project, 'x-roles': 'member,reader' });
const json = { 'content-type': 'application/json' };

const CASES = [
  { name: 'members list (10)', requests: [{ method: 'GET', path: `/v2/images/${PROBES.ten}/members`, headers: as(OWNER) }] },
  { name: 'members list (128)', requests: [{ method: 'GET', path: `/v2/images/${PROBES.many}/members`, headers: as(OWNER) }] },
  { name: 'member show', requests: [{ method: 'GET', path: `/v2/images/${PROBES.ten}/members/${CONSUMER}`, headers: as(OWNER) }] },
  {
    name: 'member update',
    requests: [
      {
        method: 'PUT',
        path: `/v2/images/${PROBES.ten}/members/${CONSUMER}`,
        headers: { ...as(CONSUMER), ...json },
        body: '{"status": "accepted"}',
      },
    ],
  },
  {
    // Each connection adds and removes its own member, so pairs never collide.
    name: 'member create+delete',
    requests: [
      {
        method: 'POST',
        path: `/v2/images/${PROBES.churn}/members`,
        headers: { ...as(OWNER), ...json },
        setupRequest: (req, context) => {
          context.member ??= `churn-${Math.random().toString(36).slice(2)}`;
          return { ...req, body: JSON.stringify({ member: context.member }) };
        },
      },
      {
        method: 'DELETE',
        headers: as(OWNER),
        setupRequest: (req, context) => ({ ...req, path: `/v2/images/${PROBES.churn}/members/${context.member}` }),
      },
    ],
  },
  { name: 'image list member_status=all', requests: [{ method: 'GET', path: '/v2/images?member_status=all', headers: as(CONSUMER) }] },
  // Not a target: this caller is a member of every image, so its list grows with the store (Glance's does too).
  { name: 'image list, member of all', requests: [{ method: 'GET', path: '/v2/images?member_status=all', headers: as(MEMBER_OF_ALL) }] },
  { name: 'schema GET', requests: [{ method: 'GET', path: '/v2/schemas/member', headers: as(OWNER) }] },
];

const canPin = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
})();

/** Start the server process; resolves with its first stdout line's words. */
function startServer(args, dist) {
  const script = path.join(__dirname, 'throughput-server.js');
  const node = [process.execPath, '--expose-gc', script, ...args];
  const command = canPin ? ['taskset', ['-c', '0', ...node]] : [node[0], node.slice(1)];
  // The server exits when its stdin closes, so it never outlives this process.
  const env = dist ? { ...process.env, BENCH_DIST: dist } : process.env;
  const child = spawn(command[0], command[1], { stdio: ['pipe', 'pipe', 'inherit'], env });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, words: out.trim().split(' ') });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stopServer(child) {
  child.removeAllListeners('exit');
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Load for `seconds`, then wait until the server has finished what was in flight, so it does not eat the next measurement's core. */
async function load(url, requests, seconds) {
  const result = await new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: seconds, requests }, (err, result) => (err ? reject(err) : resolve(result)));
  });
  await settle(url);
  return result;
}

/**
 * A request on a fresh connection is answered only once the single-threaded
 * server has got through the requests still in flight when the load stopped
 * (up to one per connection: on a slow case, seconds of CPU on the shared core).
 */
async function settle(url) {
  const response = await fetch(`${url}/versions`);
  await response.arrayBuffer();
}

/**
 * A case in ROUNDS rounds, each round the ceiling then the case, so every
 * ratio compares two measurements made seconds apart on a shared machine.
 * Reports the median round (by ratio) and the median req/s.
 */
async function measure(target, requests) {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const ceiling = await load(target.ceiling, CEILING_REQUESTS, ROUND_SECONDS);
    const result = await load(target.mock, requests, ROUND_SECONDS);
    const baseline = target.baseline ? await load(target.baseline, requests, ROUND_SECONDS) : undefined;
    rounds.push({
      baselineRps: baseline?.requests.average,
      baselineRatio: baseline ? baseline.requests.average / ceiling.requests.average : undefined,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failed: result.non2xx + result.errors + result.timeouts,
      ceiling: ceiling.requests.average,
      ratio: result.requests.average / ceiling.requests.average,
    });
  }
  const middle = [...rounds].sort((a, b) => a.ratio - b.ratio)[rounds.length >> 1];
  const rps = rounds.map((r) => r.rps).sort((a, b) => a - b)[rounds.length >> 1];
  const baselineRps = rounds.map((r) => r.baselineRps).sort((a, b) => a - b)[rounds.length >> 1];
  return { ...middle, rps, baselineRps, failed: rounds.reduce((n, r) => n + r.failed, 0) };
}

const fmt = (n, width, digits = 0) => n.toFixed(digits).padStart(width);
const row = (name, m) =>
  `  ${name.padEnd(30)} ${fmt(m.rps, 6)} req/s  p50 ${fmt(m.p50, 3)} ms  p99 ${fmt(m.p99, 4)} ms  ${fmt(m.ratio, 5, 2)}x ceiling (${fmt(m.ceiling, 6)} req/s)` +
  (m.failed ? `  (${m.failed} failed)` : '') +
  (m.baselineRps === undefined
    ? ''
    : `\n  ${'  baseline build'.padEnd(30)} ${fmt(m.baselineRps, 6)} req/s${' '.repeat(25)}${fmt(m.baselineRatio, 5, 2)}x ceiling; this build ${(m.ratio / m.baselineRatio).toFixed(2)}x the baseline`);

/** The CLI's start to its first answer: spawn `glance-mock serve`, then GET / as soon as the URL is printed. */
async function cliStart(extra, bin) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/http:\/\/\S+/);
        if (match) resolve(match[0].replace(/\/$/, ''));
      });
    });
    await (await fetch(`${url}/versions`)).arrayBuffer();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  return times.sort((a, b) => a - b)[2];
}

async function main() {
  console.log(
    `throughput: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load average ${os.loadavg()[0].toFixed(2)}; ` +
      `server ${canPin ? 'pinned to core 0' : 'not pinned'}, autocannon c=${CONNECTIONS}, ${WARM_UP_SECONDS} s warm-up on each case, then per case ${ROUNDS} rounds of ${ROUND_SECONDS} s ceiling + ${ROUND_SECONDS} s case (median round shown)`,
  );
  if (process.env.BENCH_ONLY === 'start') return cliStartOnly();
  const ceiling = await startServer(['ceiling']);
  const bySize = [];
  for (const size of SIZES) {
    const { child, words } = await startServer(['mock', String(size.images), String(size.members)]);
    const baseline = BASELINE ? await startServer(['mock', String(size.images), String(size.members)], BASELINE) : undefined;
    const [url, seededMs, heapMb] = words;
    console.log(`\n${size.label} (+3 probe images; seeded in ${seededMs} ms, heap ${heapMb} MB)`);
    // Warm the server up on every case first (JIT, and the collections that follow seeding).
    for (const c of CASES) await load(url, c.requests, WARM_UP_SECONDS);
    if (baseline) for (const c of CASES) await load(baseline.words[0], c.requests, WARM_UP_SECONDS);
    const results = {};
    for (const c of CASES) {
      results[c.name] = await measure({ mock: url, ceiling: ceiling.words[0], baseline: baseline?.words[0] }, c.requests);
      console.log(row(c.name, results[c.name]));
    }
    await stopServer(child);
    if (baseline) await stopServer(baseline.child);
    bySize.push({ size, results });
  }
  await stopServer(ceiling.child);
  const { plain, seeded } = await cliStarts(THIS_BIN);
  if (BASELINE) {
    const base = await cliStarts(BASELINE_BIN);
    console.log(`\nbaseline build's CLI start (median of 5): ${base.plain.toFixed(0)} ms; with the demo seed ${base.seeded.toFixed(0)} ms`);
  }
  printTargets(bySize, plain, seeded);
}

function printTargets(bySize, cliMs, seededCliMs) {
  const small = bySize[0].results;
  const large = bySize[2].results;
  // Each store's figure relative to the ceiling measured beside it, so load drift between stores cancels out.
  const ratio = (name) => large[name].ratio / small[name].ratio;
  const check = (ok) => (ok ? 'met' : 'NOT met');
  const memberCases = ['members list (10)', 'members list (128)', 'member show', 'member update', 'member create+delete'];
  console.log('\ntargets (store sizes compared through their ratios to the ceiling)');
  const list = ratio('image list member_status=all');
  console.log(`  image list member_status=all, 10,000 x 128 vs 100 images: ${list.toFixed(2)}x (target >= 0.50): ${check(list >= 0.5)}`);
  for (const name of memberCases) {
    const r = ratio(name);
    console.log(`  ${name}, 10,000 x 128 vs 100 images: ${r.toFixed(2)}x (target >= 0.80): ${check(r >= 0.8)}`);
    // Latency has no ceiling to compare with: the two stores' p99 side by side, from the rounds shown.
    const p99 = large[name].p99 / small[name].p99;
    console.log(
      `  ${name} p99 at c=${CONNECTIONS}, 10,000 x 128 vs 100 images: ${large[name].p99} vs ${small[name].p99} ms, ${p99.toFixed(2)}x (target <= 1.50): ${check(p99 <= 1.5)}`,
    );
  }
  const many = small['members list (128)'];
  if (many.baselineRatio !== undefined) {
    const gain = many.ratio / many.baselineRatio;
    console.log(`  members list (128), 100 images, vs the baseline build: ${gain.toFixed(2)}x (target >= 2.00): ${check(gain >= 2)}`);
  } else console.log('  members list (128) vs the build before: give BENCH_BASELINE (bench/baseline-build.sh) to compare');
  const vsCeiling = small['members list (10)'].ratio;
  console.log(
    `  members list (10) at c=${CONNECTIONS}, 100 images, vs Express ceiling: ${vsCeiling.toFixed(2)}x (target >= 0.80): ${check(vsCeiling >= 0.8)}`,
  );
  console.log(`  CLI start to first answer (median of 5): ${cliMs.toFixed(0)} ms (target < 300 ms): ${check(cliMs < 300)}`);
  console.log(
    `  the same with the demo seed (--seed scenarios/demo-seed.yaml): ${seededCliMs.toFixed(0)} ms (target < 300 ms): ${check(seededCliMs < 300)}`,
  );
}

/** BENCH_ONLY=start: the CLI's start to first answer alone (and BENCH_BASELINE's build's), a few seconds. */
async function cliStartOnly() {
  const builds = [['this build', THIS_BIN]];
  if (BASELINE) builds.push(['baseline build', BASELINE_BIN]);
  for (const [name, bin] of builds) {
    const { plain, seeded } = await cliStarts(bin);
    console.log(`  ${name}: CLI start to first answer (median of 5) ${plain.toFixed(0)} ms; with the demo seed ${seeded.toFixed(0)} ms`);
  }
}

/** A build's CLI start to first answer, bare and with the demo seed. */
async function cliStarts(bin) {
  return { plain: await cliStart([], bin), seeded: await cliStart(['--seed', DEMO_SEED], bin) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
