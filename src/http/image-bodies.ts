import { GlanceErrors, PATCH_MEDIA_TYPES } from '../domain/glance-errors';
import type { ImageChange, ImageDraft } from '../domain/image-input';
import imageSchema from '../schemas/image.json';
import { jsonBody } from './json-body';
import type { RawBody } from './raw-body';
import { checkAgainstSchema, type SchemaNode } from './schema-check';

const SCHEMA = imageSchema as SchemaNode;
/** Schema properties marked `is_base: false` (ramdisk_id, os_distro, ...) are stored as extra properties. */
const BASE_PROPERTIES = Object.entries(SCHEMA.properties ?? {})
  .filter(([, property]) => property.is_base !== false)
  .map(([key]) => key);
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
  if (Object.keys(fields).some((key) => [...key].length > 255)) {
    throw GlanceErrors.propertyKeyTooLong();
  }
  const readOnly = READ_ONLY.find((key) => key in fields);
  if (readOnly) throw GlanceErrors.readOnlyAttribute(readOnly);
  const reserved = RESERVED.find((key) => key in fields);
  if (reserved) throw GlanceErrors.reservedAttribute(reserved);
  if ('locations' in fields) throw GlanceErrors.reservedAttributePlain('locations');
  const draft: ImageDraft = { extra: {} };
  for (const [key, value] of Object.entries(fields)) {
    if (SETTABLE.includes(key)) (draft as unknown as Record<string, unknown>)[key] = value;
    else if (!BASE_PROPERTIES.includes(key)) draft.extra[key] = value as string;
  }
  return draft;
}

/**
 * `PATCH /v2/images/{id}`: Glance's RequestDeserializer.update, in its order.
 * The media type is compared exactly; v2.0 patches name the operation by key
 * (`{"replace": "/name", "value": ...}`), v2.1 patches by `op` and `path`.
 */
export function imageChanges(contentType: string | undefined, raw: RawBody | undefined): ImageChange[] {
  const mediaType = (contentType ?? 'text/plain').split(';')[0].trim();
  if (!PATCH_MEDIA_TYPES.includes(mediaType)) throw GlanceErrors.unsupportedPatchType(contentType ?? 'text/plain');
  const oldFormat = mediaType === PATCH_MEDIA_TYPES[0];
  const body = jsonBody(raw);
  if (!Array.isArray(body)) throw GlanceErrors.patchNotArray();
  return body.map((raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw GlanceErrors.patchOperationNotObject();
    const change = raw as Record<string, unknown>;
    const { op, pointer } = oldFormat ? oldOperation(change) : operation(change);
    const name = decodePointer(pointer);
    if (op !== 'remove' && !('value' in change)) throw GlanceErrors.patchValueMissing(op);
    return checkedChange({ op, name, value: change.value });
  });
}

type Op = ImageChange['op'];
const OPS: Op[] = ['add', 'remove', 'replace'];

function operation(change: Record<string, unknown>): { op: Op; pointer: string } {
  const op = change.op;
  if (op === undefined || op === null) throw GlanceErrors.patchOpMissing();
  if (!OPS.includes(op as Op)) throw GlanceErrors.patchOpInvalid(String(op));
  if (!('path' in change)) throw GlanceErrors.patchPathMissing();
  return { op: op as Op, pointer: String(change.path) };
}

function oldOperation(change: Record<string, unknown>): { op: Op; pointer: string } {
  const named = OPS.filter((op) => op in change);
  if (named.length !== 1) throw GlanceErrors.patchOldFormat();
  return { op: named[0], pointer: String(change[named[0]]) };
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

/** Glance's `_validate_change`: read-only (403), reserved (403), then the value against the schema (400). */
function checkedChange(change: ImageChange): ImageChange {
  const { op, name, value } = change;
  if (DISALLOWED.includes(name) || READ_ONLY.includes(name) || name === 'id') throw GlanceErrors.readOnlyAttribute(name);
  if (RESERVED.includes(name) || name === 'locations') throw GlanceErrors.reservedAttributePlain(name);
  if (op !== 'remove') checkAgainstSchema('image', SCHEMA, { [name]: value });
  return change;
}
