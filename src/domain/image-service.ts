import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { IdSource } from '../runtime/ids';
import type { GlanceStore } from './ports/image-store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import { isImageIdTooLong, type ImageLookup } from './image-lookup';
import type { ImageRecord, Visibility } from './images';
import { hasProperty, propertyBag } from './images';
import { PATCHABLE_ATTRIBUTES, type ImageChange, type ImageDraft } from './image-input';
import { selectImages, type ImageQuery } from './image-query';
import { isPythonNumber, numericValue, PythonFloat } from './python-values';
import type { GlancePolicy } from './policy/glance-policy';
import type { DbProfile } from './profiles';

export interface ImagesDeps {
  store: GlanceStore;
  images: ImageLookup;
  clock: Clock;
  ids: IdSource;
  policy: GlancePolicy;
  db: DbProfile;
  /** Image data, dropped when its image is deleted. */
  data?: { delete(imageId: string): void };
  /** Glance's `image_tag_quota`: negative is unlimited. */
  tagQuota: number;
}

/** The images API, as far as sharing and clients need it. */
export class ImageService {
  constructor(private readonly deps: ImagesDeps) {}

  create(context: RequestContext, draft: ImageDraft): ImageRecord {
    this.policy.add(context);
    const visibility: Visibility = draft.visibility ?? 'shared';
    if (visibility === 'public') this.policy.publicize(context);
    const owner = draft.owner === undefined ? context.projectId : draft.owner;
    this.policy.createOwnedBy(context, owner ?? null);
    const tags = this.checkTags(draft.tags ?? []);
    refuseFactoryProperties(draft);
    const id = draft.id ?? this.deps.ids.imageId();
    const now = this.now();
    const image: ImageRecord = {
      id,
      name: draft.name ?? null,
      visibility,
      owner,
      status: 'queued',
      protected: draft.protected ?? false,
      os_hidden: draft.os_hidden ?? false,
      min_ram: draft.min_ram ?? 0,
      min_disk: draft.min_disk ?? 0,
      disk_format: draft.disk_format ?? null,
      container_format: draft.container_format ?? null,
      tags,
      created_at: now,
      updated_at: now,
      extra: propertyBag(draft.extra),
      deleted: false,
    };
    assertNo4ByteCharacters(image);
    assertIntegerColumnsInRange(image);
    if (this.deps.store.isImageIdTaken(id)) throw GlanceErrors.imageIdExists(id);
    this.deps.db.assertStorableProperties(image.extra);
    this.deps.store.putImage(storedRow(image));
    return image;
  }

  /** `GET /v2/images/{id}`: a member in any status may see a shared image. */
  show(context: RequestContext, imageId: string): ImageRecord {
    const image = this.deps.images.find(context, imageId);
    if (!image) throw GlanceErrors.noImageWithId(imageId);
    this.policy.read(context);
    return image;
  }

  list(context: RequestContext, query: ImageQuery): ImageRecord[] {
    this.policy.list(context);
    const marker = query.marker === undefined ? undefined : this.checkMarker(context, query.marker);
    return selectImages(context, this.deps.store, query, this.deps.images, marker, this.deps.db.memberKey);
  }

  /**
   * A marker must name a live image (400), one the caller may see (403). The
   * page then starts after the stored image, however the marker spelled its id.
   */
  private checkMarker(context: RequestContext, marker: string): ImageRecord {
    if (isImageIdTooLong(marker)) throw GlanceErrors.markerIdTooLong();
    const image = this.deps.images.stored(marker);
    if (!image) throw GlanceErrors.markerNotFound(marker);
    if (!this.deps.images.isVisible(context, image)) throw GlanceErrors.markerNotVisible(marker);
    return image;
  }

  private get policy() {
    return this.deps.policy.images;
  }

  /**
   * Glance applies a patch change by change, each one checked on its own: an
   * owner change needs an admin, publicizing needs an admin, anything else the
   * owner. An empty patch changes nothing, not even `updated_at`.
   */
  update(context: RequestContext, imageId: string, changes: ImageChange[]): ImageRecord {
    const image = this.show(context, imageId);
    if (changes.length === 0) return image;
    let updated: ImageRecord = { ...image, extra: propertyBag(image.extra) };
    for (const change of changes) {
      if (change.name === 'locations') {
        this.changeLocations(context, image, change);
        continue;
      }
      if (change.name === 'owner' && !context.isAdmin) throw GlanceErrors.ownerNotUpdatable();
      if (change.name === 'visibility' && change.value === 'public') this.policy.publicize(context);
      this.policy.modify(context, image);
      updated = applyChange(updated, change);
      if (change.name === 'tags') updated.tags = this.checkTags(updated.tags);
    }
    updated.updated_at = this.now();
    assertNo4ByteCharacters(updated);
    assertIntegerColumnsInRange(updated);
    this.deps.db.assertStorableProperties(updated.extra, updated.removedProperties);
    this.deps.store.putImage(storedRow(updated));
    return updated;
  }

  /**
   * Locations are never shown (`show_multiple_locations` is off), so every
   * change to them is refused, each in its own words and after its own policy.
   */
  private changeLocations(context: RequestContext, image: ImageRecord, change: ImageChange): never {
    if (change.op === 'replace' && (!Array.isArray(change.value) || change.value.length === 0)) {
      throw GlanceErrors.locationsEmpty();
    }
    if (change.op === 'remove') {
      this.policy.removeLocation(context, image);
      throw GlanceErrors.locationsInvisible('remove');
    }
    this.policy.setLocation(context, image);
    throw GlanceErrors.locationsInvisible(change.op === 'add' ? 'add' : 'update');
  }

  remove(context: RequestContext, imageId: string): void {
    const image = this.deps.images.find(context, imageId);
    if (!image) throw GlanceErrors.deleteImageNotFound(imageId);
    this.policy.delete(context, image);
    if (image.protected) throw GlanceErrors.deleteProtectedImage(imageId);
    this.deps.store.deleteImage(image.id);
    this.deps.data?.delete(image.id);
  }

  /** Glance keeps tags as a set, but `image_tag_quota` (413) counts the list as given, repeats included. */
  private checkTags(tags: string[]): string[] {
    const quota = this.deps.tagQuota;
    if (quota >= 0 && tags.length > quota) throw GlanceErrors.tagLimitExceededOnImage(tags.length, quota);
    return [...new Set(tags)];
  }

  private now(): string {
    return glanceTimestamp(this.deps.clock.now());
  }
}

/** Base attributes cannot be removed; extra properties must exist to be replaced or removed (409). */
function applyChange(image: ImageRecord, change: ImageChange): ImageRecord {
  const { op, name, value } = change;
  if ((PATCHABLE_ATTRIBUTES as readonly string[]).includes(name)) {
    if (op === 'remove') throw GlanceErrors.propertyNotRemovable(name);
    return { ...image, [name]: value };
  }
  if (op !== 'add' && !hasProperty(image.extra, name)) throw GlanceErrors.propertyDoesNotExist(name);
  const extra = propertyBag(image.extra);
  if (op !== 'remove') {
    extra[name] = value as string | null;
    return { ...image, extra };
  }
  delete extra[name];
  const removed = image.removedProperties ?? [];
  return { ...image, extra, removedProperties: removed.includes(name) ? removed : [...removed, name] };
}

/** ImageFactory.new_image: read-only columns, then reserved properties (only `locations` gets this far). */
function refuseFactoryProperties(draft: ImageDraft): void {
  if (draft.readOnly !== undefined) throw GlanceErrors.readOnlyAttribute(draft.readOnly);
  if (draft.locations) throw GlanceErrors.reservedAttributePlain('locations');
}

const has4ByteCharacter = (value: string | null): boolean => value !== null && /[\u{10000}-\u{10FFFF}]/u.test(value);

/**
 * glance.common.utils.no_4byte_params on the row Glance writes: its columns
 * in order (name, owner, then each property's name and value), whatever the database.
 */
function assertNo4ByteCharacters(image: ImageRecord): void {
  if (has4ByteCharacter(image.name)) throw GlanceErrors.fourByteValue('name');
  if (has4ByteCharacter(image.owner)) throw GlanceErrors.fourByteValue('owner');
  for (const [name, value] of Object.entries(image.extra)) {
    if (has4ByteCharacter(name)) throw GlanceErrors.fourBytePropertyName();
    if (has4ByteCharacter(value)) throw GlanceErrors.fourByteValue(name);
  }
}

const DB_INT_MAX = 2 ** 31 - 1;

/**
 * glance.db.sqlalchemy.api._validate_db_int: before any row is written, `min_disk` then
 * `min_ram` (in that order, whatever the request's) must fit a signed 32-bit column.
 */
function assertIntegerColumnsInRange(image: ImageRecord): void {
  for (const column of ['min_disk', 'min_ram'] as const) {
    // The column may hold what JSON gave: a bigint, or a whole float such as 2147483648.0.
    const value: unknown = image[column];
    if (isPythonNumber(value) && numericValue(value) > DB_INT_MAX) throw GlanceErrors.dbIntOutOfRange(column, DB_INT_MAX);
  }
}

/**
 * The row as the database keeps it: a whole float given for an integer column (`"min_ram": 1.0`)
 * is echoed as given by the call that wrote it, and read back as the integer the column holds.
 */
function storedRow(image: ImageRecord): ImageRecord {
  const integer = (value: unknown) => (value instanceof PythonFloat ? value.value : value) as number;
  return { ...image, min_ram: integer(image.min_ram), min_disk: integer(image.min_disk) };
}
