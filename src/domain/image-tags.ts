import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { GlanceStore } from './ports/image-store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageLookup } from './image-lookup';
import type { ImageRecord } from './images';
import type { GlancePolicy } from './policy/glance-policy';

export interface ImageTagsDeps {
  store: GlanceStore;
  images: ImageLookup;
  clock: Clock;
  policy: GlancePolicy;
  /** Glance's `image_tag_quota`: negative is unlimited. */
  tagQuota: number;
}

/** `PUT` and `DELETE /v2/images/{id}/tags/{tag}` (glance/api/v2/image_tags.py). */
export class ImageTagsService {
  constructor(private readonly deps: ImageTagsDeps) {}

  /** Adding a tag the image has is a success that changes nothing but `updated_at`. */
  add(context: RequestContext, imageId: string, tag: string): void {
    const image = this.modifiable(context, imageId, 'add');
    if (image.tags.includes(tag)) return this.save({ ...image });
    const { tagQuota } = this.deps;
    if (tagQuota >= 0 && image.tags.length + 1 > tagQuota) {
      throw GlanceErrors.tagLimitExceeded(imageId, image.tags.length + 1, tagQuota);
    }
    this.save({ ...image, tags: [...image.tags, tag] });
  }

  /** A tag the image lacks is webob's bare 404. */
  remove(context: RequestContext, imageId: string, tag: string): void {
    const image = this.modifiable(context, imageId, 'remove');
    if (!image.tags.includes(tag)) throw GlanceErrors.resourceNotFound();
    this.save({ ...image, tags: image.tags.filter((t) => t !== tag) });
  }

  /** The image (404 `Image <id> not found.`) if the caller may modify it. */
  private modifiable(context: RequestContext, imageId: string, op: 'add' | 'remove'): ImageRecord {
    const image = this.deps.images.find(context, imageId);
    if (!image) throw GlanceErrors.imageNotFound(imageId);
    this.deps.policy.images.read(context);
    this.deps.policy.images.tag(context, image, op);
    return image;
  }

  private save(image: ImageRecord): void {
    this.deps.store.putImage({ ...image, updated_at: glanceTimestamp(this.deps.clock.now()) });
  }
}
