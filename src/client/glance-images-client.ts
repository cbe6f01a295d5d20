import { GlanceApiError, parseGlanceError } from './glance-api-error';
import type { CreateImage, GlanceAuth, Image, ImageList, ImageMember, ImageMembers, ListImages, MemberStatus } from './types';

export interface GlanceImagesClientOptions {
  /** Glance's endpoint, such as `http://127.0.0.1:9292` or a catalog's `…/image`. */
  baseUrl: string;
  auth: GlanceAuth;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface RawRequest {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is, with `contentType`. */
  body?: string;
  contentType?: string;
}

/**
 * A small typed client for Glance v2's image sharing: the members API and the
 * image calls sharing needs. Every answer that is not a success rejects with a
 * GlanceApiError carrying the status, webob's title and Glance's message.
 */
export class GlanceImagesClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: GlanceImagesClientOptions) {
    if (typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
      throw new TypeError('baseUrl must be an http:// or https:// URL');
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
  }

  /** Share the image with a project (the owner of a shared image). Glance answers 200. */
  createMember(imageId: string, memberId: string): Promise<ImageMember> {
    return this.json('POST', `${membersPath(imageId)}`, { json: { member: memberId } });
  }

  /** The owner (and an admin) sees every member; a member sees its own entry. */
  async listMembers(imageId: string): Promise<ImageMember[]> {
    return (await this.json<ImageMembers>('GET', membersPath(imageId))).members;
  }

  showMember(imageId: string, memberId: string): Promise<ImageMember> {
    return this.json('GET', memberPath(imageId, memberId));
  }

  /** Accept, reject or set back to pending (the member itself, or an admin). */
  updateMember(imageId: string, memberId: string, status: MemberStatus): Promise<ImageMember> {
    return this.json('PUT', memberPath(imageId, memberId), { json: { status } });
  }

  async deleteMember(imageId: string, memberId: string): Promise<void> {
    await this.send('DELETE', memberPath(imageId, memberId));
  }

  createImage(image: CreateImage = {}): Promise<Image> {
    return this.json('POST', '/v2/images', { json: image });
  }

  showImage(imageId: string): Promise<Image> {
    return this.json('GET', `/v2/images/${encodeURIComponent(imageId)}`);
  }

  listImages(query: ListImages = {}): Promise<ImageList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    return this.json('GET', `/v2/images${search ? `?${search}` : ''}`);
  }

  async deleteImage(imageId: string): Promise<void> {
    await this.send('DELETE', `/v2/images/${encodeURIComponent(imageId)}`);
  }

  /** Any call, for bodies the typed methods do not send; parses the JSON answer. */
  async json<T>(method: string, path: string, request: RawRequest = {}): Promise<T> {
    const response = await this.send(method, path, request);
    return JSON.parse(response.body) as T;
  }

  /** Any call; resolves with a success, rejects with a GlanceApiError otherwise. */
  async send(method: string, path: string, request: RawRequest = {}): Promise<{ status: number; headers: Headers; body: string }> {
    const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(this.options.auth) };
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['Content-Type'] = 'application/json';
    } else if (request.body !== undefined) {
      body = request.body;
      if (request.contentType) headers['Content-Type'] = request.contentType;
    }
    const response = await this.fetchFn(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    if (response.status >= 400) {
      const { title, message } = parseGlanceError(response.status, response.headers.get('content-type'), text);
      throw new GlanceApiError(response.status, title, message, text, `${method} ${path}`);
    }
    return { status: response.status, headers: response.headers, body: text };
  }
}

function authHeaders(auth: GlanceAuth): Record<string, string> {
  if ('token' in auth) return { 'X-Auth-Token': auth.token };
  if ('none' in auth) return {};
  return {
    'X-Identity-Status': 'Confirmed',
    'X-Project-Id': auth.projectId,
    ...(auth.userId ? { 'X-User-Id': auth.userId } : {}),
    'X-Roles': (auth.roles ?? ['member', 'reader']).join(','),
  };
}

const membersPath = (imageId: string) => `/v2/images/${encodeURIComponent(imageId)}/members`;
const memberPath = (imageId: string, memberId: string) => `${membersPath(imageId)}/${encodeURIComponent(memberId)}`;
