#!/usr/bin/env node
'use strict';
/**
 * Robustness figures, each printed beside its target; asserts nothing.
 *
 *  pairs      RSS after 1,000,000 member create/delete pairs (distinct member ids,
 *             one image), and after the first 10,000, with the ratio. Driven
 *             in-process through the domain (MembersService over the MemoryStore),
 *             since 2,000,000 HTTP calls would take far longer than a few minutes.
 *  tokens     RSS and token-registry size after 20,000 Keystone logins over HTTP
 *             keep-alive, once an injected clock has moved past their expiry.
 *  malformed  Time and server CPU to reject malformed bodies of 2 and 20 MiB
 *             (`{"member": "` then `\"` repeated, no closing quote; other
 *             unterminated strings, a long number, deep nesting), and whether
 *             `/healthcheck` is answered meanwhile (polled every 20 ms).
 *  name       Time and RSS of `POST /v2/images` with a 20 MiB `name`.
 *
 * Every section runs in a child process of its own, so each RSS figure is that
 * section's alone and a section that hangs is killed at its time limit.
 * Usage: npm run bench (after npm run build), or
 *        node bench/robustness.js [pairs|tokens|malformed|name]...
 *        BENCH_DIST=/other/checkout/dist node bench/robustness.js malformed   (another build, to compare)
 */
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');

const SECTIONS = {
  pairs: { limitMs: 300_000, run: memberPairs },
  tokens: { limitMs: 240_000, run: expiredTokens },
  malformed: { limitMs: 120_000, run: malformedBodies },
  name: { limitMs: 120_000, run: hugeName },
};

const MiB = 1024 * 1024;
const mb = (bytes) => `${(bytes / MiB).toFixed(1)} MB`;
const ms = (value) => `${value.toFixed(0)} ms`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

function rss() {
  return memory().rss;
}

/** RSS and V8 heap after a full collection (RSS can hide swapped-out pages; the heap cannot). */
function memory() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
  const { rss: resident, heapUsed } = process.memoryUsage();
  return { rss: resident, heap: heapUsed };
}

/** RSS and peak RSS of another process, from /proc. */
function processRss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

// ---------------------------------------------------------------- pairs

async function memberPairs() {
  const TOTAL = 1_000_000;
  const FIRST = 10_000;
  const { MemoryStore } = require('../dist/store/memory-store');
  const { ImageLookup } = require('../dist/domain/image-lookup');
  const { MembersService } = require('../dist/domain/members');
  const { dbProfiles } = require('../dist/domain/profiles');
  const { legacyPolicy } = require('../dist/domain/policy/legacy');
  const { requestContext } = require('../dist/domain/context');
  const { applySeed } = require('../dist/seed/apply-seed');
  const { TokenRegistry } = require('../dist/identity/tokens');
  const { FixedClock } = require('../dist/runtime/clock');
  const { seededIds } = require('../dist/runtime/ids');
  const { KeystoneDirectory } = require('../dist/keystone/directory');

  const store = new MemoryStore();
  const db = dbProfiles.mysql;
  const clock = new FixedClock('2026-01-01T00:00:00Z');
  const image = '00000000-0000-4000-8000-000000000001';
  applySeed(
    { store, tokens: new TokenRegistry(), db, clock, ids: seededIds('bench'), directory: new KeystoneDirectory() },
    { images: [{ id: image, owner: 'bench-owner', visibility: 'shared' }] },
  );
  const members = new MembersService({
    store,
    images: new ImageLookup(store, db),
    db,
    policy: legacyPolicy,
    memberQuota: 128,
    clock,
  });
  const owner = requestContext({ projectId: 'bench-owner', roles: ['member', 'reader'] });

  const before = memory();
  const started = performance.now();
  let afterFirst;
  for (let i = 0; i < TOTAL; i++) {
    const member = `project-${i}`;
    members.create(owner, image, member);
    members.remove(owner, image, member);
    if (i + 1 === FIRST) afterFirst = memory();
  }
  const elapsed = performance.now() - started;
  const afterAll = memory();
  // Used after the measurement, so the collector cannot free the instance before it.
  const live = members.list(owner, image).length;
  const ratio = afterAll.rss / afterFirst.rss;
  const at = (m) => `${mb(m.rss)} (heap ${mb(m.heap)})`;
  console.log(`member create/delete pairs, in-process through the domain (mysql profile, distinct member ids, one image)`);
  console.log(
    `  RSS before ${at(before)}; after ${FIRST.toLocaleString('en')} pairs ${at(afterFirst)}; after ${TOTAL.toLocaleString('en')} pairs ${at(afterAll)}, ${ms(elapsed)}, ${live} member(s) left`,
  );
  console.log(
    `  RSS ratio ${ratio.toFixed(2)}x (heap ${(afterAll.heap / afterFirst.heap).toFixed(2)}x)   target: at most 1.5x   ${verdict(ratio <= 1.5)}`,
  );
}

// ---------------------------------------------------------------- tokens

async function expiredTokens() {
  const LOGINS = 20_000;
  const PARALLEL = 8;
  const { TokenRegistry } = require('../dist/identity/tokens');
  // The registry is internal: remember every instance the mock creates.
  const registries = new Set();
  const register = TokenRegistry.prototype.register;
  TokenRegistry.prototype.register = function (...args) {
    registries.add(this);
    return register.apply(this, args);
  };
  const lookup = TokenRegistry.prototype.lookup;
  TokenRegistry.prototype.lookup = function (...args) {
    registries.add(this);
    return lookup.apply(this, args);
  };
  const registrySize = () => [...registries].reduce((sum, r) => sum + (typeof r.size === 'number' ? r.size : r.tokens.size), 0);

  const { startGlanceMock, FixedClock } = require('../dist');
  const clock = new FixedClock('2026-01-01T00:00:00Z');
  const seed = {
    projects: [{ id: 'bench-project', name: 'bench', domain_id: 'default' }],
    users: [{ name: 'bench', password: 'secret', domain_id: 'default', default_project: 'bench' }],
    role_assignments: [{ user: 'bench', project: 'bench', roles: ['member', 'reader'] }],
    tokens: [{ token: 'seed-token', project: 'bench-project', roles: ['member'] }],
  };
  const mock = await startGlanceMock({ port: 0, clock, seed });
  const login = JSON.stringify({
    auth: { identity: { methods: ['password'], password: { user: { name: 'bench', domain: { id: 'default' }, password: 'secret' } } } },
  });
  const post = () =>
    fetch(`${mock.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: login }).then(
      async (r) => {
        await r.arrayBuffer();
        if (r.status !== 201) throw new Error(`login answered ${r.status}`);
        return r.headers.get('x-subject-token');
      },
    );
  const glance = (token) =>
    fetch(`${mock.url}/v2/images`, { headers: { 'X-Auth-Token': token } }).then((r) => r.arrayBuffer().then(() => r.status));

  await glance('seed-token');
  const idle = registrySize();
  const rssIdle = rss();
  const started = performance.now();
  let next = 0;
  let lastToken;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < LOGINS) {
        next++;
        lastToken = await post();
      }
    }),
  );
  const elapsed = performance.now() - started;
  const live = registrySize();
  const rssLive = rss();
  clock.advance(2 * 60 * 60 * 1000); // past Keystone's one-hour token lifetime
  // Some traffic after the expiry: an expired token refused, a seed token used, one new login.
  const expiredStatus = await glance(lastToken);
  await glance('seed-token');
  await post();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const after = registrySize();
  const rssAfter = rss();
  await mock.close();
  console.log(`Keystone logins over HTTP keep-alive (${PARALLEL} at a time), injected clock`);
  console.log(`  ${LOGINS.toLocaleString('en')} logins in ${ms(elapsed)}; an expired token then answers ${expiredStatus}`);
  console.log(`  token registry: idle ${idle}, after the logins ${live}, after expiry (+1 new login) ${after}`);
  console.log(`  RSS idle ${mb(rssIdle)}, after the logins ${mb(rssLive)}, after expiry ${mb(rssAfter)}`);
  console.log(`  target: registry back to idle size (${idle} + the 1 new login)   ${verdict(after <= idle + 1)}`);
}

// ---------------------------------------------------------------- malformed bodies and the huge name

/** A mock in a child process, so a body that blocks its event loop cannot block the measurement. */
function startChildMock() {
  const code = `
    const { startGlanceMock } = require(${JSON.stringify(process.env.BENCH_DIST ?? require.resolve('../dist'))});
    startGlanceMock({ port: 0 }).then((m) => console.log(m.url));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve({ child, url: String(data).trim() }));
    child.once('exit', (code) => reject(new Error(`child mock exited with ${code}`)));
  });
}

const OWNER = {
  'X-Identity-Status': 'Confirmed',
  'X-Project-Id': 'bench-owner',
  'X-Roles': 'member,reader',
  'Content-Type': 'application/json',
};

/** Send a body while polling /healthcheck; gives the body's answer time and the slowest healthcheck. */
async function whilePolling(url, path, body, limitMs) {
  const polls = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      const t = performance.now();
      const answered = await Promise.race([
        fetch(`${url}/healthcheck`).then(
          (r) => r.text().then(() => true),
          () => false,
        ),
        new Promise((resolve) => setTimeout(() => resolve(false), limitMs)),
      ]);
      polls.push({ ms: performance.now() - t, answered });
      if (!answered) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const answer = await Promise.race([
    fetch(`${url}${path}`, { method: 'POST', headers: OWNER, body }).then(
      async (r) => ({ status: r.status, text: await r.text() }),
      (err) => ({ status: `no answer (${err.cause?.code ?? err.message})`, text: '' }),
    ),
    new Promise((resolve) => setTimeout(() => resolve(undefined), limitMs)),
  ]);
  const elapsed = performance.now() - started;
  done = true;
  await Promise.race([poller, new Promise((resolve) => setTimeout(resolve, 1000))]);
  const slowest = polls.reduce((max, p) => Math.max(max, p.ms), 0);
  return { answer, elapsed, polls: polls.length, slowest, healthy: polls.every((p) => p.answered) };
}

/** CPU time (user + system) a process has used, from /proc (in 10 ms ticks). */
function processCpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const MALFORMED_SHAPES = [
  { name: 'escaped quotes, unterminated', size: 2 * MiB, body: (n) => `{"member": "${'\\"'.repeat((n - 12) / 2)}` },
  { name: 'escaped quotes, unterminated', size: 20 * MiB, body: (n) => `{"member": "${'\\"'.repeat((n - 12) / 2)}` },
  { name: 'plain string, unterminated', size: 20 * MiB, body: (n) => `{"member": "${'a'.repeat(n - 12)}` },
  { name: 'a 20 MiB number', size: 20 * MiB, body: (n) => `{"member": ${'1'.repeat(n - 12)}}` },
  { name: 'lists opened, never closed', size: 20 * MiB, body: (n) => '['.repeat(n) },
  { name: 'a list of numbers, never closed', size: 20 * MiB, body: (n) => `[${'1,'.repeat((n - 2) / 2)}` },
];

async function malformedBodies() {
  const LIMIT = 30_000;
  console.log(
    `malformed bodies POSTed to a member list, mock in a child process, /healthcheck polled meanwhile; server CPU from /proc (10 ms ticks, body reception included)`,
  );
  for (const shape of MALFORMED_SHAPES) {
    const { child, url } = await startChildMock();
    try {
      const created = await fetch(`${url}/v2/images`, { method: 'POST', headers: OWNER, body: '{"visibility": "shared"}' }).then((r) =>
        r.json(),
      );
      const body = shape.body(shape.size);
      const cpuBefore = processCpuMs(child.pid);
      const r = await whilePolling(url, `/v2/images/${created.id}/members`, body, LIMIT);
      const cpu = processCpuMs(child.pid) - cpuBefore;
      const status = r.answer
        ? `${r.answer.status} ${JSON.stringify(r.answer.text.split('\n')[2] ?? '')}`
        : `no answer within ${LIMIT / 1000} s`;
      console.log(
        `  ${mb(shape.size)} ${shape.name}: ${status} in ${ms(r.elapsed)}, server CPU ${ms(cpu)} (polls included)   target: under 100 ms   ${verdict(r.answer && cpu < 100)}`,
      );
      console.log(
        `    /healthcheck: ${r.polls} polls, slowest ${ms(r.slowest)}${r.healthy ? '' : ', one unanswered'}   target: answered meanwhile   ${verdict(r.healthy)}`,
      );
    } finally {
      child.kill('SIGKILL');
    }
  }
}

async function hugeName() {
  const LIMIT = 60_000;
  const GLANCE_MS = 2300;
  const { child, url } = await startChildMock();
  try {
    const idle = processRss(child.pid);
    const body = JSON.stringify({ name: 'n'.repeat(20 * MiB) });
    const cpuBefore = processCpuMs(child.pid);
    const r = await whilePolling(url, '/v2/images', body, LIMIT);
    const cpu = processCpuMs(child.pid) - cpuBefore;
    const after = child.exitCode === null && child.signalCode === null ? processRss(child.pid) : { rss: NaN, peak: NaN };
    if (child.exitCode !== null) console.log(`  (the mock process exited with ${child.exitCode})`);
    const status = r.answer ? `${r.answer.status} (${mb(Buffer.byteLength(r.answer.text))} body)` : `no answer within ${LIMIT / 1000} s`;
    console.log(`POST /v2/images with a 20 MiB name, mock in a child process`);
    console.log(
      `  ${status} in ${ms(r.elapsed)}, server CPU ${ms(cpu)}   target: at most a few times Glance's ${GLANCE_MS} ms (say ${3 * GLANCE_MS} ms)   ${verdict(r.answer && r.elapsed <= 3 * GLANCE_MS)}`,
    );
    console.log(
      `  RSS idle ${mb(idle.rss)}, after ${mb(after.rss)}, peak ${mb(after.peak)} (peak - idle: ${((after.peak - idle.rss) / (20 * MiB)).toFixed(1)}x the name); /healthcheck slowest ${ms(r.slowest)} over ${r.polls} polls`,
    );
  } finally {
    child.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------- driver

function runChild(name) {
  const { limitMs } = SECTIONS[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, '--child', name], { stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.log(`${name}: stopped after ${limitMs / 1000} s (time limit)   MISSED`);
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code) console.log(`${name}: exited with ${code}`);
      resolve();
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return SECTIONS[args[1]].run();
  const names = args.length > 0 ? args : Object.keys(SECTIONS);
  const unknown = names.filter((n) => !SECTIONS[n]);
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  console.log(`robustness, node ${process.version}`);
  for (const name of names) await runChild(name);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
