/**
 * Helpers for the image data, tag and action tests: an app with an image
 * ready for data, uploads, and downloads read as bytes.
 */
import request, { type Response } from 'supertest';
import { createApp, type GlanceMockOptions } from '../../src';
import { personas, type Headers } from './personas';

export const OCTET = 'application/octet-stream';

export class DataGlance {
  readonly app;

  constructor(options: GlanceMockOptions = {}) {
    this.app = createApp({ dbProfile: 'sqlite', ...options });
  }

  /** A queued image of the owner, raw/bare unless told otherwise. */
  async createImage(body: Record<string, unknown> = {}, headers: Headers = personas.owner): Promise<string> {
    const res = await request(this.app)
      .post('/v2/images')
      .set(headers)
      .send(JSON.stringify({ disk_format: 'raw', container_format: 'bare', visibility: 'shared', ...body }));
    if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  upload(id: string, data: Buffer | string, headers: Headers = personas.owner, contentType: string | null = OCTET) {
    const req = request(this.app).put(`/v2/images/${id}/file`).set(headers);
    if (contentType !== null) req.set('Content-Type', contentType);
    return req.send(typeof data === 'string' ? Buffer.from(data) : data);
  }

  download(id: string, headers: Headers = personas.owner, extra: Headers = {}): Promise<Response> {
    return request(this.app)
      .get(`/v2/images/${id}/file`)
      .set({ ...headers, ...extra })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  show(id: string, headers: Headers = personas.owner) {
    return request(this.app).get(`/v2/images/${id}`).set(headers);
  }

  post(path: string, headers: Headers = personas.owner) {
    return request(this.app).post(path).set(headers);
  }

  addMember(id: string, member: string) {
    return request(this.app).post(`/v2/images/${id}/members`).set(personas.owner).send(JSON.stringify({ member }));
  }

  /** An active image holding `data`, shared with `member` if given. */
  async activeImage(data = 'hello world', member?: string): Promise<string> {
    const id = await this.createImage();
    const res = await this.upload(id, data);
    if (res.status !== 204) throw new Error(`upload: ${res.status} ${res.text}`);
    if (member) await this.addMember(id, member);
    return id;
  }
}

/** webob's plain-text error body, as the real Glance sends it without Accept. */
export const plain = (statusLine: string, explanation: string, detail = '') =>
  detail ? `${statusLine}\n\n${explanation}\n\n ${detail}  ` : `${statusLine}\n\n${explanation}\n\n   `;
