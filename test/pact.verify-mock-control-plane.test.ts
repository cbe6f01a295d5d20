import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { runCli } from '../src/cli';
import { captureIo } from './helpers/cli-io';

const THIRD_PARTY = join(__dirname, 'fixtures', 'pact', 'third-party.json');
let glance: RunningGlanceMock;
let server: Server;
let url: string;
const calls: string[] = [];

/** A running mock with the control plane's reset, seed, health and config calls, in front of a mock. */
beforeAll(async () => {
  glance = await startGlanceMock({ memberQuota: 3 });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
      if (req.url?.startsWith('/_mock/')) calls.push(`${req.method} ${req.url}`);
      if (req.url === '/_mock/health') return json(200, { status: 'ok' });
      if (req.url === '/_mock/config') return json(200, { memberQuota: 3 });
      if (req.url === '/_mock/reset') return (glance.reset(), json(200, { ok: true }));
      if (req.url === '/_mock/seed') return (glance.seed(JSON.parse(body.toString())), json(201, { created: {} }));
      void fetch(`${glance.url}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: body.length ? body : undefined,
      }).then(async (answer) => {
        res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => name !== 'content-encoding')));
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await glance.close();
});

test("a running mock's states go through its control plane: reset, then the interaction's seed document", async () => {
  const { io, out } = captureIo();
  const code = await runCli(['verify', '--pact', THIRD_PARTY, '--provider-base-url', url], io);
  expect(out.filter((line) => line.includes('FAILED'))).toEqual([]);
  expect(code).toBe(0);
  expect(out[0]).toBe(`verified against the mock at ${url} (states through its control plane)`);
  expect(calls.filter((call) => call === 'POST /_mock/reset')).toHaveLength(4);
  expect(calls.filter((call) => call === 'POST /_mock/seed')).toHaveLength(4);
}, 60_000);
