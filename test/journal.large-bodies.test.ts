/**
 * A 20 MiB body (a malformed member body, a name too long) must not stay in
 * the journal whole: an entry keeps the first 64 KiB of each body, marked cut.
 */
import { Journal, journalEntry } from '../src/control/journal';
import type { WireRequest, WireResponse } from '../src/wire/types';

const MiB = 1024 * 1024;

const request = (body: Buffer): WireRequest => ({
  method: 'POST',
  url: '/v2/images',
  rawPath: '/v2/images',
  rawQuery: '',
  headers: { 'content-type': 'application/json' },
  rawHeaders: ['Content-Type', 'application/json'],
  body,
  base: '',
  origin: 'http://127.0.0.1',
  receivedAt: Date.now(),
});

const answer = (body: Buffer | Buffer[]): WireResponse => ({ status: 400, reason: 'Bad Request', headers: [], body });

describe('journal entries of large bodies', () => {
  it('when a 20 MiB request gets a 40 MiB answer in chunks, then the entry keeps 64 KiB of each, marked cut', () => {
    const name = Buffer.alloc(20 * MiB, 'n');
    const sent = Buffer.concat([Buffer.from('{"name": "'), name, Buffer.from('"}')]);
    const recorded = new Journal().record({
      request: request(sent),
      response: answer([Buffer.from('400 Bad Request\n\n'), name, name]),
      durationMs: 1,
      namespace: '',
    });
    // Only the first 64 KiB of the answer is held, not a view of the 20 MiB name.
    const held = [recorded.responseBody ?? []].flat();
    expect(held.reduce((sum, chunk) => sum + chunk.buffer.byteLength, 0)).toBeLessThanOrEqual(64 * 1024 + 8192);
    const entry = journalEntry(recorded);
    expect(entry.body).toBe(`{"name": "${'n'.repeat(64 * 1024 - 10)}`);
    expect(entry.bodyTruncated).toBe(true);
    expect(entry.responseBody).toBe(`400 Bad Request\n\n${'n'.repeat(64 * 1024 - 17)}`);
    expect(entry.responseBodyTruncated).toBe(true);
  });
});
