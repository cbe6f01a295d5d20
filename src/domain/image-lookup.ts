import type { GlanceStore } from '../store/store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageRecord } from './images';
import { isImageVisible } from './images';
import type { DbProfile } from './profiles';

/** `images.id` is `String(36)`: Glance's `_check_image_id` finds nothing for a longer id, whatever the database. */
export const IMAGE_ID_LENGTH = 36;

export const isImageIdTooLong = (imageId: string): boolean => [...imageId].length > IMAGE_ID_LENGTH;

/**
 * Finding an image the way Glance's image repository does, for members and
 * images alike: the id compares as the database compares it (MySQL ignores
 * case, accents and trailing spaces), then the caller's visibility decides.
 */
export class ImageLookup {
  constructor(
    private readonly store: GlanceStore,
    private readonly db: DbProfile,
  ) {}

  /** The live image with this id, whoever asks; else undefined. */
  stored(imageId: string): ImageRecord | undefined {
    if (isImageIdTooLong(imageId)) return undefined;
    return this.store.getImage(imageId);
  }

  /** The image if it exists, is not deleted and the caller may see it; else undefined. */
  find(context: RequestContext, imageId: string): ImageRecord | undefined {
    const image = this.stored(imageId);
    if (!image) return undefined;
    return this.isVisible(context, image) ? image : undefined;
  }

  /** The members API's lookup: 404 `Image <id> not found.` otherwise. */
  visibleImage(context: RequestContext, imageId: string): ImageRecord {
    const image = this.find(context, imageId);
    if (!image) throw GlanceErrors.imageNotFound(imageId);
    return image;
  }

  isVisible(context: RequestContext, image: ImageRecord): boolean {
    return isImageVisible(context, image, (img, project) => this.isMember(img, project));
  }

  /** A live membership of `project`, compared as the database compares member ids. */
  isMember(image: ImageRecord, project: string): boolean {
    return this.memberOf(image, project) !== undefined;
  }

  memberOf(image: ImageRecord, project: string) {
    return this.store.getMember(image.id, this.db.memberKey(project));
  }

  hasMembers(image: ImageRecord): boolean {
    return this.store.countMembers(image.id) > 0;
  }

  /** The database's sort and comparison key of a text. */
  readonly collate = (text: string): string => this.db.collate(text);

  /** Two texts the database holds equal (a `WHERE column = value` match). */
  sameText(a: string, b: string): boolean {
    return this.db.collate(a) === this.db.collate(b);
  }
}
