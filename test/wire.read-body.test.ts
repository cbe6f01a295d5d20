/**
 * The front door reads a buffered body whole, as a Python server does: by its
 * Content-Length, or to the end of a chunked body, and past the bound it is
 * refused once read.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { BodyTooLarge, readBody } from '../src/wire/read-body';

function request(headers: IncomingMessage['headers'], chunks: string[]): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  setImmediate(() => {
    for (const chunk of chunks) stream.write(Buffer.from(chunk));
    stream.end();
  });
  return stream as unknown as IncomingMessage;
}

describe('reading a request body', () => {
  it('when a declared body arrives in chunks, then it is read whole, byte for byte', async () => {
    const body = await readBody(request({ 'content-length': '11' }, ['{"a"', ': ', '"b"}\n']));
    expect(body?.toString()).toBe('{"a": "b"}\n');
  });

  it('when a chunked body arrives, then it is read whole', async () => {
    const body = await readBody(request({ 'transfer-encoding': 'chunked' }, ['[1,', ' 2]']));
    expect(body?.toString()).toBe('[1, 2]');
  });

  it('when no body is declared, then there is none', async () => {
    expect(await readBody(request({}, []))).toBeUndefined();
  });

  it('when a declared body is past the bound, then it is refused once read', async () => {
    await expect(readBody(request({ 'content-length': '8' }, ['12345678']), 4)).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('when a chunked body grows past the bound, then it is refused once read', async () => {
    await expect(readBody(request({ 'transfer-encoding': 'chunked' }, ['123', '456']), 4)).rejects.toBeInstanceOf(BodyTooLarge);
  });
});
