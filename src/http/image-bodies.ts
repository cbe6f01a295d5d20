import { GlanceErrors, PATCH_MEDIA_TYPES } from './webob-errors';
import type { ImageChange, ImageDraft } from '../domain/image-input';
import { propertyBag } from '../domain/images';
import imageSchema from '../schemas/image.json';
import { jsonBody } from './json-body';
import type { RawBody } from '../shared/raw-body';
import { checkAgainstSchema, type SchemaNode } from './schema-check';

const SCHEMA = imageSchema as SchemaNode;
/** glance.api.v2.images.RequestDeserializer */
const DISALLOWED = ['direct_url', 'self', 'file', 'schema', 'stores'];
const PATCH_READ_ONLY = [
  'created_at',
  'updated_at',
  'status',
  'checksum',
  'size',
  'virtual_size',
  'direct_url',
  'self',
  'file',
  'schema',
  'id',
  'os_hash_algo',
  'os_hash_value',
];
const RESERVED = ['location', 'deleted', 'deleted_at'];
/** `common.GLANCE_RESERVED_NS`: Glance's own properties (import tasks, stores, staging). */
const RESERVED_NAMESPACE = 'os_glance';
/** The deserializer's `_base_properties`: taken out of the body as columns, never properties. */
const BASE = [
  'checksum',
  'created_at',
  'container_format',
  'disk_format',
  'id',
  'min_disk',
  'min_ram',
  'name',
  'size',
  'virtual_size',
  'status',
  'tags',
  'owner',
  'updated_at',
  'visibility',
  'protected',
  'os_hidden',
];
/** ImageFactory's `_readonly_properties`, in its order: base columns a new image cannot be given. */
const FACTORY_READ_ONLY = ['created_at', 'updated_at', 'status', 'checksum', 'size', 'virtual_size'];

/**
 * Python frames left for pformat of a failing value (see pformatDepth), as
 * measured on Glance Zed: a list nested 300 deep is a 500 on create, 299 on
 * PATCH (its call chain is one frame deeper), wherever the value sits.
 */
const CREATE_STACK_LEFT = 898;
const PATCH_STACK_LEFT = 897;

const has = (object: object, key: string) => Object.hasOwn(object, key);
const isReserved = (key: string) => RESERVED.includes(key) || key.startsWith(RESERVED_NAMESPACE);

/**
 * `POST /v2/images`, as Glance's deserializer reads it: read-only keys (403),
 * the schema (400), the base columns taken out, then each remaining key in
 * the body's order: too long (400), reserved (403). ImageFactory's own
 * refusals (read-only columns, `locations`) wait for the policy checks.
 */
export function imageDraft(raw: RawBody | undefined): ImageDraft {
  const body = jsonBody(raw);
  const keys = Array.isArray(body) ? body : Object.keys(body as object);
  const disallowed = DISALLOWED.find((key) => keys.includes(key));
  if (disallowed) throw GlanceErrors.readOnlyAttribute(disallowed);
  // The schema has no top-level type, so a list passes it and then breaks Glance's `dict.pop`.
  if (Array.isArray(body)) throw GlanceErrors.serverError();
  const fields = body as Record<string, unknown>;
  checkAgainstSchema('image', SCHEMA, fields, CREATE_STACK_LEFT);
  const draft: ImageDraft = { extra: propertyBag() };
  const columns = draft as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (BASE.includes(key)) columns[key] = value;
    else draft.extra[key] = value as string | null;
  }
  for (const key of Object.keys(draft.extra)) {
    if ([...key].length > 255) throw GlanceErrors.propertyKeyTooLong();
    if (isReserved(key)) throw GlanceErrors.reservedAttribute(key);
  }
  draft.readOnly = FACTORY_READ_ONLY.find((key) => has(fields, key));
  for (const key of FACTORY_READ_ONLY) delete columns[key];
  if (has(draft.extra, 'locations')) {
    draft.locations = true;
    delete draft.extra.locations;
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
    const path = decodePointer(pointer);
    checkDepth(op, path);
    if (op !== 'remove' && !has(change, 'value')) throw GlanceErrors.patchValueMissing(op);
    return checkedChange({ op, name: path[0], value: change.value, ...(path.length > 1 && { item: path[1] }) });
  });
}

type Op = ImageChange['op'];
const OPS: Op[] = ['add', 'remove', 'replace'];

function operation(change: Record<string, unknown>): { op: Op; pointer: string } {
  const op = change.op;
  if (op === undefined || op === null) throw GlanceErrors.patchOpMissing();
  if (!OPS.includes(op as Op)) throw GlanceErrors.patchOpInvalid(String(op));
  if (!has(change, 'path')) throw GlanceErrors.patchPathMissing();
  return { op: op as Op, pointer: String(change.path) };
}

function oldOperation(change: Record<string, unknown>): { op: Op; pointer: string } {
  const named = OPS.filter((op) => has(change, op));
  if (named.length !== 1) throw GlanceErrors.patchOldFormat();
  return { op: named[0], pointer: String(change[named[0]]) };
}

/** The pointer's parts; `locations` takes an index to add or remove, everything else is one level deep. */
function decodePointer(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw GlanceErrors.patchPointerNotRooted(pointer);
  if (/\/\s*?\//.test(pointer.slice(1))) throw GlanceErrors.patchPointerAdjacentSlashes(pointer);
  if (pointer.length > 1 && pointer.endsWith('/')) throw GlanceErrors.patchPointerTrailingSlash(pointer);
  if (/~[^01]/.test(pointer) || pointer.endsWith('~')) {
    throw GlanceErrors.patchPointerBadEscape(pointer);
  }
  return pointer
    .replace(/^\/+/, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~').trim());
}

/** Glance's `_validate_path`: `locations` is two levels deep to add or remove, one to replace; the rest one. */
function checkDepth(op: Op, path: string[]): void {
  const depth = path[0] === 'locations' && op !== 'replace' ? 2 : 1;
  if (path.length !== depth) throw GlanceErrors.patchPathUnsupported(path.join('/'));
}

/**
 * Glance's `_validate_change`: read-only (403), reserved names and the
 * `os_glance` namespace (403), then the value against the schema (400); a
 * location added at an index is checked as a one-item list.
 */
function checkedChange(change: ImageChange): ImageChange {
  const { op, name, value } = change;
  if (PATCH_READ_ONLY.includes(name)) throw GlanceErrors.readOnlyAttribute(name);
  if (isReserved(name)) throw GlanceErrors.reservedAttributePlain(name);
  if (op === 'remove') return change;
  const partial = propertyBag();
  (partial as Record<string, unknown>)[name] = change.item === undefined ? value : [value];
  checkAgainstSchema('image', SCHEMA, partial, PATCH_STACK_LEFT);
  return change;
}
