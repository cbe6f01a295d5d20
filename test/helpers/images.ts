/**
 * Helpers for the image tests: JSON-patch requests, the exact image body text
 * Glance writes, and a client whose clock the test moves.
 */
import request from 'supertest';
import { FixedClock, type GlanceMockOptions } from '../../src';
import { GlanceClient } from './glance';
import { personas, type Headers } from './personas';

export const PATCH_V21 = 'application/openstack-images-v2.1-json-patch';
export const PATCH_V20 = 'application/openstack-images-v2.0-json-patch';
export const IMPORT_METHODS = 'glance-direct,web-download,copy-image';
export const START = '2026-03-01T10:00:00Z';
export const UNKNOWN_IMAGE = '00000000-0000-4000-8000-000000000000';

/** The keys of an image body, in the order Glance writes them (custom properties go first). */
export const IMAGE_KEYS = [
  'name',
  'disk_format',
  'container_format',
  'visibility',
  'size',
  'virtual_size',
  'status',
  'checksum',
  'protected',
  'min_ram',
  'min_disk',
  'owner',
  'os_hidden',
  'os_hash_algo',
  'os_hash_value',
  'id',
  'created_at',
  'updated_at',
  'tags',
  'self',
  'file',
  'schema',
];

/** Python's json.dumps (default separators); ensure_ascii=False as Glance's image bodies are written. */
export function pyJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** A queued image exactly as Glance returns it, custom properties first. */
export function queuedImage(fields: {
  id: string;
  owner: string | null;
  name?: string | null;
  visibility?: string;
  createdAt: string;
  updatedAt?: string;
  extra?: Record<string, string>;
  osHidden?: boolean;
}) {
  return {
    ...(fields.extra ?? {}),
    name: fields.name === undefined ? null : fields.name,
    disk_format: null,
    container_format: null,
    visibility: fields.visibility ?? 'shared',
    size: null,
    virtual_size: null,
    status: 'queued',
    checksum: null,
    protected: false,
    min_ram: 0,
    min_disk: 0,
    owner: fields.owner,
    os_hidden: fields.osHidden ?? false,
    os_hash_algo: null,
    os_hash_value: null,
    id: fields.id,
    created_at: fields.createdAt,
    updated_at: fields.updatedAt ?? fields.createdAt,
    tags: [],
    self: `/v2/images/${fields.id}`,
    file: `/v2/images/${fields.id}/file`,
    schema: '/v2/schemas/image',
  };
}

/** A client on a FixedClock that the test advances between writes, so that list order is deterministic. */
export class ClockedGlance extends GlanceClient {
  constructor(
    readonly clock = new FixedClock(START),
    options: GlanceMockOptions = {},
  ) {
    super({ ...options, clock });
  }

  /** Create an image one second after the previous write. */
  async createLater(body: Record<string, unknown> = {}, headers: Headers = personas.owner): Promise<string> {
    this.clock.advance(1000);
    return this.createImage(body, headers);
  }

  /** Glance's timestamp of "now" on this client's clock. */
  now(): string {
    return this.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }
}

/** PATCH /v2/images/{id} with a JSON-patch document (the v2.1 media type unless told otherwise). */
export function patchImage(
  glance: GlanceClient,
  imageId: string,
  body: unknown,
  headers: Headers = personas.owner,
  contentType: string | null = PATCH_V21,
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const req = request(glance.app).patch(`/v2/images/${imageId}`).set(headers);
  // A Buffer keeps superagent from inventing a Content-Type when the test sends none.
  if (contentType === null) return req.send(Buffer.from(text));
  return req.set('Content-Type', contentType).send(text);
}

export const replaceOp = (path: string, value: unknown) => ({ op: 'replace', path, value });
export const addOp = (path: string, value: unknown) => ({ op: 'add', path, value });
export const removeOp = (path: string) => ({ op: 'remove', path });
