#!/usr/bin/env node
/**
 * RSS of a served mock under HTTP churn: N image create/delete pairs (each
 * shared with a member first), with the server's VmRSS read from /proc after
 * the first 10,000 and every 50,000 pairs. Usage:
 * node scripts/memory/rss-http.js [pairs] [concurrency]  (default 100000 8;
 * `npm run build` first). Linux only (reads /proc).
 */
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const http = require('node:http');
const { join } = require('node:path');

const pairs = Number(process.argv[2] ?? 100_000);
const concurrency = Number(process.argv[3] ?? 8);
const headers = {
  'X-Identity-Status': 'Confirmed',
  'X-Project-Id': 'owner',
  'X-Roles': 'member,reader',
  'Content-Type': 'application/json',
};
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

const server = spawn(process.execPath, [join(__dirname, '../../bin/glance-mock.js'), 'serve', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const rss = () => (Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024).toFixed(1);

function call(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function main(port) {
  console.log(`start: rss ${rss()} MiB`);
  let done = 0;
  let baseline;
  const worker = async () => {
    while (done < pairs) {
      const i = ++done;
      const created = await call(port, 'POST', '/v2/images', { name: 'churn', visibility: 'shared', k: 'v' });
      const id = JSON.parse(created.text).id;
      await call(port, 'POST', `/v2/images/${id}/members`, { member: `member-${i % 100}` });
      const deleted = await call(port, 'DELETE', `/v2/images/${id}`);
      if (deleted.status !== 204) throw new Error(`delete answered ${deleted.status}`);
      if (i === 10_000) console.log(`after ${i} pairs: rss ${(baseline = rss())} MiB`);
      else if (i % 50_000 === 0) console.log(`after ${i} pairs: rss ${rss()} MiB`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const end = rss();
  console.log(`pairs: ${pairs}, rss ${end} MiB${baseline ? ` = ${(end / baseline).toFixed(2)} x the value after 10,000` : ''}`);
}

let out = '';
server.stdout.on('data', (chunk) => {
  out += chunk;
  const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
  if (match && !main.started) {
    main.started = true;
    main(Number(match[1]))
      .catch((err) => console.error(err))
      .finally(() => {
        agent.destroy();
        server.kill();
      });
  }
});
