#!/usr/bin/env node
'use strict';
/**
 * Large and pathological JSON bodies: time to answer and the server's resident
 * memory (peak while answering, and after), for a mock started as its own
 * process on the loopback. Prints figures; asserts nothing.
 * Usage: npm run build && node bench/large-bodies.js [bin] [only]
 *   bin: another build's bin/glance-mock.js; only: a regex, the cases whose label matches
 * Each case runs REPEAT times; the median is printed.
 */
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const BIN = process.argv[2] ?? path.join(__dirname, '..', 'bin', 'glance-mock.js');
const ONLY = new RegExp(process.argv[3] ?? '');
const REPEAT = 3;
const MiB = 1024 * 1024;
const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'bench-owner', 'X-Roles': 'member,reader' };

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

function send(port, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const headers = { ...OWNER, 'Content-Type': 'application/json' };
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const parts = [];
      res.on('data', (part) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(server, label, run) {
  if (!ONLY.test(label)) return;
  const times = [];
  let peak = 0;
  let status;
  for (let i = 0; i < REPEAT; i++) {
    const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(server.pid))), 10);
    const start = process.hrtime.bigint();
    status = (await run()).status;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    clearInterval(sampler);
  }
  times.sort((a, b) => a - b);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = rssKiB(server.pid);
  console.log(
    `${label.padEnd(44)} ${String(status).padEnd(4)} ${times[1].toFixed(0).padStart(6)} ms   peak RSS ${(peak / 1024).toFixed(0).padStart(5)} MB   after ${(after / 1024).toFixed(0).padStart(5)} MB`,
  );
}

async function main() {
  const server = spawn(process.execPath, ['--expose-gc', BIN, 'serve', '--port', '0', '--db-profile', 'sqlite'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve) =>
    server.stdout.on('data', (d) => {
      const m = /:(\d+) /.exec(String(d));
      if (m) resolve(Number(m[1]));
    }),
  );
  console.log(`node ${process.version}; ${BIN}; median of ${REPEAT}; RSS at start ${(rssKiB(server.pid) / 1024).toFixed(0)} MB`);
  const image = JSON.parse((await send(port, 'POST', '/v2/images', '{"visibility": "shared"}')).body).id;
  for (const mebibytes of [2, 20]) {
    const size = mebibytes * MiB;
    const unterminated = `{"member": "${'\\"'.repeat(size / 2)}`;
    await measure(server, `unterminated string, ${mebibytes} MiB`, () => send(port, 'POST', `/v2/images/${image}/members`, unterminated));
    const name = JSON.stringify({ name: 'a'.repeat(size) });
    await measure(server, `POST /v2/images, name of ${mebibytes} MiB (400)`, () => send(port, 'POST', '/v2/images', name));
    const property = JSON.stringify({ big: 'a'.repeat(size) });
    let id;
    await measure(server, `POST /v2/images, property of ${mebibytes} MiB`, async () => {
      const res = await send(port, 'POST', '/v2/images', property);
      id = JSON.parse(res.body).id;
      return res;
    });
    if (id) await measure(server, `GET that image (${mebibytes} MiB)`, () => send(port, 'GET', `/v2/images/${id}`));
  }
  server.kill('SIGINT');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
