/**
 * The recording proxy passes bodies through as they arrive (an image upload or download is not
 * held whole before it moves on), and still records each body whole.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRecordingProxy, type RecordingProxy } from '../src';

let handle: (req: IncomingMessage, res: ServerResponse) => void;
let target: Server;
let proxy: RecordingProxy;

beforeAll(async () => {
  target = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  proxy = await startRecordingProxy({ target: `http://127.0.0.1:${(target.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => target.close(resolve));
});

/** A signal, given once. */
function signal(): { given: Promise<void>; give(): void } {
  let give!: () => void;
  return { given: new Promise<void>((resolve) => (give = resolve)), give };
}

/** The promise, or a failure naming what did not happen within 5 s. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not happen within 5 s`)), 5000)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function readAll(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('end', () => resolve(Buffer.concat(parts).toString()));
    stream.on('error', reject);
  });
}

test('when the target has sent the first part of an answer, then the caller has it before the target sends the rest', async () => {
  const firstSeen = signal();
  handle = (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.write('first ');
    void within(firstSeen.given, 'the first part reaching the caller')
      .catch(() => undefined)
      .then(() => res.end('last'));
  };
  const answer = await new Promise<IncomingMessage>((resolve, reject) =>
    request(`${proxy.url}/v2/images/x/file`, resolve).on('error', reject).end(),
  );
  const first = await within(
    new Promise<string>((resolve) => answer.once('data', (part: Buffer) => resolve(part.toString()))),
    'a first part',
  );
  expect(first).toBe('first ');
  firstSeen.give();
  const rest = await readAll(answer);
  expect(first + rest).toBe('first last');
  expect(proxy.exchanges.at(-1)?.response.body?.toString()).toBe('first last');
});

test('when the caller sends a chunked body, then the target has its first chunk before the caller sends the last', async () => {
  const firstArrived = signal();
  let framing: string | undefined;
  handle = (req, res) => {
    framing = req.headers['transfer-encoding'];
    req.once('data', () => firstArrived.give());
    void readAll(req).then((body) => res.writeHead(204).end(void body));
  };
  const upload = request(`${proxy.url}/v2/images/x/file`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' } });
  const answered = new Promise<IncomingMessage>((resolve, reject) => upload.on('response', resolve).on('error', reject));
  upload.write('one ');
  await within(firstArrived.given, 'the first chunk reaching the target');
  upload.end('two');
  const answer = await within(answered, 'an answer');
  await readAll(answer);
  expect(answer.statusCode).toBe(204);
  expect(framing).toBe('chunked');
  const exchange = proxy.exchanges.at(-1);
  expect(exchange?.request).toMatchObject({ method: 'PUT', url: '/v2/images/x/file' });
  expect(exchange?.request.body?.toString()).toBe('one two');
});
