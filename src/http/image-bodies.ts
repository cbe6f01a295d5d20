import { GlanceErrors, PATCH_MEDIA_TYPES } from '../domain/glance-errors';
import type { ImageDraft, ImagePatch } from '../domain/image-input';
import type { Visibility } from '../domain/images';
import imageSchema from '../schemas/image.json';
import { jsonBody } from './json-body';
import type { RawBody } from './raw-body';
import { checkAgainstSchema, type SchemaNode } from './schema-check';

const SCHEMA = imageSchema as SchemaNode;
const BASE_PROPERTIES = Object.keys(SCHEMA.properties ?? {});
/** glance.api.v2.images.RequestDeserializer */
const DISALLOWED = ['direct_url', 'self', 'file', 'schema', 'stores'];
const READ_ONLY = ['created_at', 'updated_at', 'status', 'checksum', 'os_hash_algo', 'os_hash_value', 'size', 'virtual_size'];
const RESERVED = ['location', 'deleted', 'deleted_at'];
const SETTABLE = ['id', 'name', 'visibility', 'owner', 'protected', 'os_hidden', 'min_ram', 'min_disk', 'disk_format', 'container_format', 'tags'];

/** `POST /v2/images`: Glance's order is read-only keys (403), schema (400), reserved keys (403). */
export function imageDraft(raw: RawBody | undefined): ImageDraft {
  const body = jsonBody(raw);
  const keys = Array.isArray(body) ? body : Object.keys(body as object);
  const disallowed = DISALLOWED.find((key) => keys.includes(key));
  if (disallowed) throw GlanceErrors.readOnlyAttribute(disallowed);
  // The schema has no top-level type, so a list passes it and then breaks Glance's `dict.pop`.
  if (Array.isArray(body)) throw GlanceErrors.serverError();
  const fields = body as Record<string, unknown>;
  checkAgainstSchema('image', SCHEMA, fields);
  const readOnly = READ_ONLY.find((key) => key in fields);
  if (readOnly) throw GlanceErrors.readOnlyAttribute(readOnly);
  const reserved = RESERVED.find((key) => key in fields);
  if (reserved) throw GlanceErrors.reservedAttribute(reserved);
  if (Object.keys(fields).some((key) => [...key].length > 255)) {
    throw GlanceErrors.badRequest('Custom property should not be greater than 255 characters.');
  }
  const draft: ImageDraft = { extra: {} };
  for (const [key, value] of Object.entries(fields)) {
    if (SETTABLE.includes(key)) (draft as unknown as Record<string, unknown>)[key] = value;
    else if (!BASE_PROPERTIES.includes(key)) draft.extra[key] = value as string;
  }
  return draft;
}

interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: unknown;
}

/** `PATCH /v2/images/{id}`: Glance's RequestDeserializer.update, in its order. */
export function imagePatch(contentType: string | undefined, raw: RawBody | undefined): ImagePatch {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!PATCH_MEDIA_TYPES.includes(mediaType)) throw GlanceErrors.unsupportedPatchType(contentType ?? '');
  const body = jsonBody(raw);
  if (!Array.isArray(body)) throw GlanceErrors.patchNotArray();
  const patch: ImagePatch = { extra: [] };
  for (const change of body.map(patchOperation)) applyOperation(patch, change);
  return patch;
}

function patchOperation(raw: unknown): PatchOperation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw GlanceErrors.patchOperationNotObject();
  const change = raw as Record<string, unknown>;
  const op = change.op;
  if (op === undefined || op === null) throw GlanceErrors.patchOpMissing();
  if (op !== 'add' && op !== 'remove' && op !== 'replace') throw GlanceErrors.patchOpInvalid(String(op));
  if (!('path' in change)) throw GlanceErrors.patchPathMissing();
  const path = decodePointer(String(change.path));
  if (op !== 'remove' && !('value' in change)) throw GlanceErrors.patchValueMissing(op);
  return { op, path, value: change.value };
}

function decodePointer(pointer: string): string {
  if (!pointer.startsWith('/')) throw GlanceErrors.patchPointerInvalid(pointer, 'does not start with "/".');
  if (/\/\s*?\//.test(pointer.slice(1))) throw GlanceErrors.patchPointerInvalid(pointer, 'contains adjacent "/".');
  if (pointer.length > 1 && pointer.endsWith('/')) throw GlanceErrors.patchPointerInvalid(pointer, 'end with "/".');
  if (/~[^01]/.test(pointer) || pointer.endsWith('~')) {
    throw GlanceErrors.patchPointerInvalid(pointer, 'contains "~" not part of a recognized escape sequence.');
  }
  const parts = pointer.replace(/^\/+/, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~').trim());
  if (parts.length !== 1) throw GlanceErrors.patchPathUnsupported(parts.join('/'));
  return parts[0];
}

function applyOperation(patch: ImagePatch, change: PatchOperation): void {
  const { op, path, value } = change;
  if (DISALLOWED.includes(path) || READ_ONLY.includes(path) || path === 'id') {
    throw GlanceErrors.readOnlyAttribute(path);
  }
  if (RESERVED.includes(path)) throw GlanceErrors.reservedAttribute(path);
  if (op !== 'remove') checkAgainstSchema('image', SCHEMA, { [path]: value });
  if (path === 'name') patch.name = value as string | null;
  else if (path === 'visibility') patch.visibility = value as Visibility;
  else if (path === 'owner') patch.owner = value as string | null;
  else if (BASE_PROPERTIES.includes(path)) return; // other base attributes: accepted, not modelled
  else patch.extra.push({ op, name: path, value: value as string | undefined });
}
