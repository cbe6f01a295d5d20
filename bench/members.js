#!/usr/bin/env node
'use strict';
/**
 * How member calls scale with the size of the store: the same bounded batch of
 * member operations against stores of growing size (images x members each),
 * over HTTP on loopback. Prints figures; asserts nothing.
 * Usage: npm run bench   (after npm run build)
 */
const { performance } = require('node:perf_hooks');
const { startGlanceMock } = require('../dist');

const SIZES = [
  { images: 100, members: 10 },
  { images: 10_000, members: 10 },
  { images: 50_000, members: 20 },
];
const OPERATIONS = 2_000;
const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'bench-owner', 'X-Roles': 'member,reader' };

function seedFor({ images, members }) {
  return {
    images: Array.from({ length: images }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      owner: 'bench-owner',
      members: Array.from({ length: members }, (_, j) => ({ member: `project-${j}` })),
    })),
  };
}

async function timed(label, count, fn) {
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn(i);
  const ms = performance.now() - start;
  return `${label} ${(ms / count).toFixed(3)} ms/op`;
}

async function main() {
  console.log(`node ${process.version}; ${OPERATIONS} sequential operations of each kind per store size`);
  for (const size of SIZES) {
    const seedStart = performance.now();
    const mock = await startGlanceMock({ port: 0, seed: seedFor(size), memberQuota: -1 });
    const seedMs = performance.now() - seedStart;
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    const image = (i) => `00000000-0000-4000-8000-${String(i % size.images).padStart(12, '0')}`;
    const call = (method, path, body) =>
      fetch(`${mock.url}${path}`, { method, headers: OWNER, body: body && JSON.stringify(body) }).then((r) => r.arrayBuffer());
    const results = [
      await timed('add', OPERATIONS, (i) => call('POST', `/v2/images/${image(i)}/members`, { member: `bench-${i}` })),
      await timed('show', OPERATIONS, (i) => call('GET', `/v2/images/${image(i)}/members/bench-${i}`)),
      await timed('list', OPERATIONS, (i) => call('GET', `/v2/images/${image(i)}/members`)),
      await timed('delete', OPERATIONS, (i) => call('DELETE', `/v2/images/${image(i)}/members/bench-${i}`)),
    ];
    console.log(
      `${String(size.images).padStart(6)} images x ${size.members} members: seeded in ${seedMs.toFixed(0)} ms, ` +
        `heap ${heapMb.toFixed(0)} MB; ${results.join('; ')}`,
    );
    await mock.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
