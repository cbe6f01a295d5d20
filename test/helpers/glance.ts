import type { Express } from 'express';
import request from 'supertest';
import { createApp, type GlanceMockOptions } from '../../src';
import { MEMBER, OTHER_MEMBER, personas, type Headers } from './personas';

export type Visibility = 'private' | 'shared' | 'community' | 'public';

/** A mock app with small helpers that go through the public API only. */
export class GlanceClient {
  readonly app: Express;

  constructor(options: GlanceMockOptions = {}) {
    this.app = createApp(options);
  }

  get(path: string, headers: Headers = personas.owner) {
    return request(this.app).get(path).set(headers);
  }

  post(path: string, body: unknown, headers: Headers = personas.owner) {
    const req = request(this.app).post(path).set(headers);
    return body === undefined ? req : req.send(typeof body === 'string' ? body : JSON.stringify(body));
  }

  put(path: string, body: unknown, headers: Headers = personas.member) {
    const req = request(this.app).put(path).set(headers);
    return body === undefined ? req : req.send(typeof body === 'string' ? body : JSON.stringify(body));
  }

  patch(path: string, body: unknown, headers: Headers = personas.owner) {
    return request(this.app)
      .patch(path)
      .set(headers)
      .set('Content-Type', 'application/openstack-images-v2.1-json-patch')
      .send(JSON.stringify(body));
  }

  delete(path: string, headers: Headers = personas.owner) {
    return request(this.app).delete(path).set(headers);
  }

  /** Create an image as `headers` (the owner by default), public ones as admin with an owner. */
  async createImage(body: Record<string, unknown> = {}, headers: Headers = personas.owner): Promise<string> {
    const res = await this.post('/v2/images', { name: 'fixture', ...body }, headers);
    if (res.status !== 201) throw new Error(`image fixture failed: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  async addMember(imageId: string, member: string, headers: Headers = personas.owner) {
    const res = await this.post(`/v2/images/${imageId}/members`, { member }, headers);
    if (res.status !== 200) throw new Error(`member fixture failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async setStatus(imageId: string, member: string, status: string, headers: Headers) {
    const res = await this.put(`/v2/images/${imageId}/members/${member}`, { status }, headers);
    if (res.status !== 200) throw new Error(`status fixture failed: ${res.status} ${res.text}`);
    return res.body;
  }

  /** A shared image owned by OWNER with MEMBER and OTHER_MEMBER as pending members. */
  async sharedImageWithMembers(): Promise<string> {
    const id = await this.createImage({ visibility: 'shared' });
    await this.addMember(id, MEMBER);
    await this.addMember(id, OTHER_MEMBER);
    return id;
  }

  /** An image of the given visibility owned by OWNER (public ones are made by an admin for OWNER). */
  async imageWithVisibility(visibility: Visibility): Promise<string> {
    if (visibility === 'public') return this.createImage({ visibility, owner: 'owner-project' }, personas.admin);
    return this.createImage({ visibility });
  }
}

/** The plain-text error body webob writes for a status line and message. */
export const plainError = (statusLine: string, message: string) => `${statusLine}\n\n${message}\n\n   `;

export const MEMBERS_PATH = (imageId: string) => `/v2/images/${imageId}/members`;
export const MEMBER_PATH = (imageId: string, memberId: string) => `/v2/images/${imageId}/members/${encodeURIComponent(memberId)}`;
