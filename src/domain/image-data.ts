import { createHash, type Hash } from 'node:crypto';
import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { GlanceStore } from './ports/image-store';
import type { ImageBytes, ImageDataStore } from './ports/image-data-store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageLookup } from './image-lookup';
import type { ImageRecord } from './images';
import type { GlancePolicy } from './policy/glance-policy';
import type { StorageQuota } from './storage-quota';
import { VirtualSizeInspector } from './virtual-size';

export interface ImageDataDeps {
  store: GlanceStore;
  images: ImageLookup;
  data: ImageDataStore;
  clock: Clock;
  policy: GlancePolicy;
  /** Glance's `image_size_cap`. */
  imageSizeCap: number;
  quota: StorageQuota;
}

/** What a download finds: the image, and its bytes once it has data. */
export interface ImageDownload {
  image: ImageRecord;
  bytes?: ImageBytes;
}

/**
 * `PUT` and `GET /v2/images/{id}/file` (glance/api/v2/image_data.py): an
 * upload moves the image `queued` → `saving` → `active`; a failed upload puts
 * it back to `queued` (Zed no longer sets `killed`).
 */
export class ImageDataService {
  constructor(private readonly deps: ImageDataDeps) {}

  /**
   * The checks Glance makes before reading any data, in its order: the image
   * (404), the upload policy (403), the status transition (409), the formats
   * (400), the storage quota for a declared size (413). The image is `saving`
   * from then on, until the upload finishes or fails.
   */
  beginUpload(context: RequestContext, imageId: string, declaredSize: number | null): Upload {
    const image = this.deps.images.find(context, imageId);
    if (!image) throw GlanceErrors.noImageWithId(imageId);
    this.deps.policy.images.read(context);
    this.deps.policy.images.upload(context, image);
    if (image.status !== 'queued') throw GlanceErrors.statusTransition(image.status, 'saving');
    const missing = (['disk_format', 'container_format'] as const).filter((key) => !image[key]);
    if (missing.length > 0) throw GlanceErrors.formatsRequired(missing);
    const remaining = this.deps.quota.remaining(image.owner, image.id, (owner, except) => this.usage(owner, except));
    // check_quota: a declared size must fit; an unknown one needs some room left.
    if (remaining !== undefined && (declaredSize === null ? remaining <= 0 : declaredSize > remaining)) {
      throw GlanceErrors.storageQuotaFull(declaredSize ?? 'None', remaining);
    }
    this.save({ ...image, status: 'saving' });
    return new Upload(this.deps, image.id, remaining, () => this.now());
  }

  download(context: RequestContext, imageId: string): ImageDownload {
    const image = this.deps.images.find(context, imageId);
    if (!image) throw GlanceErrors.noImageWithId(imageId);
    this.deps.policy.images.read(context);
    if (image.status === 'deactivated' && !context.isAdmin) throw GlanceErrors.imageDeactivated();
    this.deps.policy.images.download(context);
    return { image, bytes: this.deps.data.get(image.id) };
  }

  /** Glance's `user_get_storage_usage`: the owner's other live images with data. */
  private usage(owner: string | null, exceptImageId: string): number {
    let total = 0;
    for (const image of this.deps.store.images()) {
      if (image.owner === owner && image.id !== exceptImageId && !image.deleted && (image.size ?? 0) > 0) total += image.size ?? 0;
    }
    return total;
  }

  private save(image: ImageRecord): void {
    this.deps.store.putImage({ ...image, updated_at: this.now() });
  }

  private now(): string {
    return glanceTimestamp(this.deps.clock.now());
  }
}

/**
 * One upload in flight: every chunk counted against the size cap and the
 * mock's memory bound as it arrives (Glance's LimitingReader), hashed,
 * inspected and kept; the storage quota is checked once the size is known.
 */
export class Upload {
  private readonly bytes: ImageBytes;
  private readonly md5: Hash = createHash('md5');
  private readonly sha512: Hash = createHash('sha512');
  private readonly inspector: VirtualSizeInspector | undefined;
  private reserved = 0;
  private done = false;

  constructor(
    private readonly deps: ImageDataDeps,
    private readonly imageId: string,
    private readonly remaining: number | undefined,
    private readonly now: () => string,
  ) {
    const image = deps.store.getImage(imageId)!;
    this.inspector = VirtualSizeInspector.applies(image) ? new VirtualSizeInspector(image.disk_format) : undefined;
    this.bytes = deps.data.newBytes();
  }

  /** Throws Glance's 413 (and puts the image back to `queued`) when a limit is passed. */
  write(chunk: Buffer): void {
    const total = this.bytes.length + chunk.length;
    if (total > this.deps.imageSizeCap) this.fail(GlanceErrors.imageTooLarge());
    if (!this.deps.data.reserve(chunk.length)) this.fail(GlanceErrors.mockMemoryFull(this.deps.data.limit));
    this.reserved += chunk.length;
    this.bytes.append(chunk);
    this.md5.update(chunk);
    this.sha512.update(chunk);
    this.inspector?.eat(chunk);
  }

  /** All data arrived: the image becomes `active` with its size, checksums and virtual size. */
  finish(): ImageRecord {
    const image = this.deps.store.getImage(this.imageId);
    if (!image || image.deleted) this.fail(GlanceErrors.imageGoneDuringUpload(this.imageId), false);
    // Glance checks the quota again once the size is known (a chunked upload had none). Its attempt
    // to put the image back to `queued` then fails (active -> queued), so the image stays `saving`.
    if (this.remaining !== undefined && this.bytes.length > this.remaining) {
      this.fail(GlanceErrors.storageQuotaFull(this.bytes.length, this.remaining), false);
    }
    this.done = true;
    this.bytes.seal();
    this.deps.data.put(this.imageId, this.bytes);
    const active: ImageRecord = {
      ...image!,
      status: 'active',
      size: this.bytes.length,
      virtual_size: this.inspector ? this.inspector.virtualSize() : (image!.virtual_size ?? null),
      checksum: this.md5.digest('hex'),
      os_hash_algo: 'sha512',
      os_hash_value: this.sha512.digest('hex'),
      updated_at: this.now(),
    };
    this.deps.store.putImage(active);
    return active;
  }

  /** The client went away or a limit was passed: nothing kept, the image `queued` again. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.deps.data.release(this.reserved);
    this.reserved = 0;
    const image = this.deps.store.getImage(this.imageId);
    if (image && !image.deleted && image.status === 'saving') {
      this.deps.store.putImage({ ...image, status: 'queued', size: null, virtual_size: null, updated_at: this.now() });
    }
  }

  private fail(error: Error, restore = true): never {
    if (restore) this.abort();
    else {
      this.done = true;
      this.deps.data.release(this.reserved);
    }
    throw error;
  }
}
