/**
 * Uploads are streamed, not collected whole: large bodies pass, a client that
 * goes away leaves the image as it was, a refused upload keeps nothing.
 */
import { request as httpRequest } from 'node:http';
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { personas } from './helpers/personas';

const MIB = 1024 * 1024;

describe('streamed uploads', () => {
  let glance: RunningGlanceMock;
  afterEach(async () => {
    await glance?.close();
  });

  const call = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${glance.url}${path}`, { method, headers: { ...personas.owner, 'Content-Type': 'application/json' }, body });
    const json = (res.status === 200 || res.status === 201 ? await res.json() : {}) as Record<string, unknown>;
    return { status: res.status, json };
  };
  const createImage = async () =>
    (await call('POST', '/v2/images', JSON.stringify({ disk_format: 'raw', container_format: 'bare' }))).json.id as string;

  /** Sends `total` bytes in 1 MiB writes; `abortAfter` bytes, then the socket is destroyed. */
  const put = (id: string, total: number, abortAfter?: number) =>
    new Promise<number | 'aborted'>((resolve, reject) => {
      const req = httpRequest(`${glance.url}/v2/images/${id}/file`, {
        method: 'PUT',
        headers: { ...personas.owner, 'Content-Type': 'application/octet-stream', 'Content-Length': String(total) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (err) => (abortAfter !== undefined ? resolve('aborted') : reject(err)));
      const chunk = Buffer.alloc(MIB, 1);
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          if (abortAfter !== undefined && sent >= abortAfter) {
            setTimeout(() => req.destroy(), 50);
            return;
          }
          const piece = chunk.subarray(0, Math.min(MIB, total - sent));
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });

  it('when an upload is larger than the 64 MiB any other body is cut at, then all of it is stored', async () => {
    glance = await startGlanceMock({ port: 0 });
    const id = await createImage();
    expect(await put(id, 65 * MIB + 3)).toBe(204);
    expect((await call('GET', `/v2/images/${id}`)).json).toMatchObject({ status: 'active', size: 65 * MIB + 3 });
  });

  it('when the client goes away mid-upload, then the image is queued again and takes a new upload', async () => {
    glance = await startGlanceMock({ port: 0 });
    const id = await createImage();
    expect(await put(id, 8 * MIB, 2 * MIB)).toBe('aborted');
    let status = 'saving';
    for (let i = 0; i < 50 && status === 'saving'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await call('GET', `/v2/images/${id}`)).json.status as string;
    }
    expect(status).toBe('queued');
    expect(await put(id, MIB)).toBe(204);
  });

  it('when a large upload passes the memory bound, then 413 and the bytes it held are given back', async () => {
    glance = await startGlanceMock({ port: 0, dataMemoryLimit: 4 * MIB });
    const id = await createImage();
    expect(await put(id, 20 * MIB)).toBe(413);
    expect((await call('GET', `/v2/images/${id}`)).json.status).toBe('queued');
    expect(await put(id, 4 * MIB)).toBe(204);
  });

  it("when the image is deleted while its data arrives, then 410 Gone in Glance's words, nothing kept", async () => {
    glance = await startGlanceMock({ port: 0, dataMemoryLimit: 10 });
    const id = await createImage();
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${glance.url}/v2/images/${id}/file`, {
        method: 'PUT',
        headers: { ...personas.owner, 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.write('hello');
      setTimeout(async () => {
        expect((await call('GET', `/v2/images/${id}`)).json.status).toBe('saving');
        expect((await call('DELETE', `/v2/images/${id}`)).status).toBe(204);
        req.end('world');
      }, 100);
    });
    const res = await answer;
    expect(res.status).toBe(410);
    expect(res.text).toBe(
      `410 Gone\n\nImage ${id} could not be found after upload. The image may have been deleted during the upload, ` +
        'cleaning up the chunks uploaded.\n\n   ',
    );
    // The 10 bytes it held are free again.
    const other = await createImage();
    expect(await put(other, 10)).toBe(204);
  });
});
