#!/usr/bin/env node
'use strict';
/**
 * The server side of bench/throughput.js, in its own process (pinned to one
 * core when taskset exists, with --expose-gc): either the mock over a generated store, or an
 * Express 5 app answering a fixed JSON body (the ceiling). Prints its URL.
 * Usage: node bench/throughput-server.js ceiling
 *        node bench/throughput-server.js mock IMAGES MEMBERS
 * BENCH_DIST=/other/checkout/dist serves another build of the mock (to compare two versions in one run).
 */
const express = require('express');
const DIST = process.env.BENCH_DIST ?? '../dist';
const { startGlanceMock } = require(DIST);
const { benchSeed } = require('./bench-seed');

const FIXED_BODY = JSON.stringify({
  members: Array.from({ length: 10 }, (_, i) => ({
    created_at: '2026-01-01T00:00:00Z',
    image_id: '00000000-0000-4000-8000-000000000000',
    member_id: `project-${i}`,
    schema: '/v2/schemas/member',
    status: 'pending',
    updated_at: '2026-01-01T00:00:00Z',
  })),
  schema: '/v2/schemas/members',
});

async function main() {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  const [mode, images, members] = process.argv.slice(2);
  if (mode === 'ceiling') {
    const app = express();
    app.disable('x-powered-by');
    app.disable('etag');
    app.use((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(FIXED_BODY);
    });
    const server = app.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
    return;
  }
  const started = process.hrtime.bigint();
  // The seed is not held here, so the heap printed is what the mock keeps.
  const mock = await startGlanceMock({ port: 0, seed: benchSeed(Number(images), Number(members)), memberQuota: -1 });
  const seededMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Settle the heap the seed built, so its first full collection does not land on the first case
  // (a turn later, and twice: measured here, the given seed was freed only by the second one).
  await new Promise((resolve) => setTimeout(resolve, 10));
  global.gc?.();
  global.gc?.();
  console.log(`${mock.url} ${seededMs.toFixed(0)} ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
