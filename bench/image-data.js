#!/usr/bin/env node
'use strict';
/**
 * What image data costs in memory: uploads of growing total size over HTTP on
 * loopback, streamed in 64 KiB chunks, with the process's RSS before and after
 * (the data is kept in 1 MiB blocks, so RSS grows by about what is stored),
 * then one upload past the mock's memory bound (a 413, RSS flat), then the
 * images deleted. Prints figures; asserts nothing.
 * Usage: npm run bench:data   (after npm run build; run with --expose-gc for steadier figures)
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { startGlanceMock } = require('../dist');

const MIB = 1024 * 1024;
const IMAGES = 8;
const IMAGE_MIB = 32;
const LIMIT_MIB = 300;
const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'bench-owner', 'X-Roles': 'member,reader' };

const rssMib = () => {
  global.gc?.();
  return process.memoryUsage().rss / MIB;
};

function call(url, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers: { ...OWNER, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}

/** Streams `mib` MiB in 64 KiB chunks without holding them. */
const streamed = (mib) => (req) => {
  const chunk = Buffer.alloc(64 * 1024, 7);
  let left = (mib * MIB) / chunk.length;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!req.write(chunk)) return req.once('drain', pump);
    }
    req.end();
  };
  pump();
};

async function createImage(url) {
  const res = await call(url, 'POST', '/v2/images', {}, JSON.stringify({ disk_format: 'raw', container_format: 'bare' }));
  return JSON.parse(res.text).id;
}

async function main() {
  const mock = await startGlanceMock({ port: 0, dataMemoryLimit: LIMIT_MIB * MIB });
  const ids = [];
  const start = rssMib();
  console.log(`node ${process.version}; data memory limit ${LIMIT_MIB} MiB; RSS at start ${start.toFixed(0)} MiB`);
  for (let i = 0; i < IMAGES; i++) {
    const id = await createImage(mock.url);
    const t0 = performance.now();
    const res = await call(
      mock.url,
      'PUT',
      `/v2/images/${id}/file`,
      { 'Content-Type': 'application/octet-stream', 'Content-Length': IMAGE_MIB * MIB },
      streamed(IMAGE_MIB),
    );
    const ms = performance.now() - t0;
    if (res.status === 204) ids.push(id);
    const stored = ids.length * IMAGE_MIB;
    console.log(
      `upload ${i + 1}: ${res.status} in ${ms.toFixed(0)} ms (${((IMAGE_MIB / ms) * 1000).toFixed(0)} MiB/s); ` +
        `stored ${stored} MiB; RSS +${(rssMib() - start).toFixed(0)} MiB`,
    );
  }
  const id = await createImage(mock.url);
  const refused = await call(
    mock.url,
    'PUT',
    `/v2/images/${id}/file`,
    { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
    streamed(200),
  );
  console.log(`chunked upload of 200 MiB past the bound: ${refused.status}; RSS +${(rssMib() - start).toFixed(0)} MiB`);
  for (const image of ids) await call(mock.url, 'DELETE', `/v2/images/${image}`, {});
  console.log(`all deleted: RSS +${(rssMib() - start).toFixed(0)} MiB (the allocator may keep freed pages)`);
  await mock.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
