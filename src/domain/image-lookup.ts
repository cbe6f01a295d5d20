import type { GlanceStore } from './ports/image-store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageRecord } from './images';
import type { MemberRecord } from './members.types';
import { isImageVisible } from './images';
import type { DbProfile } from './profiles';

/** `images.id` is `String(36)`: Glance's `_check_image_id` finds nothing for a longer id, whatever the database. */
export const IMAGE_ID_LENGTH = 36;

/** The caller's project under the database's comparison, computed once per request. */
export interface CallerKeys {
  /** The key an `owner = :project` match compares. */
  owner: string;
  /** The key a `member = :project` match compares. */
  member: string;
}

export const isImageIdTooLong = (imageId: string): boolean => [...imageId].length > IMAGE_ID_LENGTH;

/**
 * Finding an image the way Glance's image repository does, for members and
 * images alike: the id compares as the database compares it (MySQL ignores
 * case, accents and trailing spaces), then the caller's visibility decides.
 */
export class ImageLookup {
  private readonly callers = new WeakMap<RequestContext, CallerKeys>();
  private readonly sortValues = new WeakMap<ImageRecord, Map<string, { text: string; key: string }>>();

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
    return isImageVisible(context, image, (img) => this.callerMembership(context, img) !== undefined);
  }

  /** The caller's live membership of the image, compared as the database compares member ids. */
  callerMembership(context: RequestContext, image: ImageRecord): MemberRecord | undefined {
    const keys = this.callerKeys(context);
    return keys === null ? undefined : this.store.getMember(image.id, keys.member);
  }

  /** The caller's project keys, derived once per request context; null without a project. */
  callerKeys(context: RequestContext): CallerKeys | null {
    if (context.projectId === null) return null;
    let keys = this.callers.get(context);
    if (!keys) {
      keys = { owner: this.db.collate(context.projectId), member: this.db.memberKey(context.projectId) };
      this.callers.set(context, keys);
    }
    return keys;
  }

  hasMembers(image: ImageRecord): boolean {
    return this.store.countMembers(image.id) > 0;
  }

  /** A text column's sort key in the database's collation, kept with the stored record. */
  collatedColumn(image: ImageRecord, column: string, text: string): string {
    let values = this.sortValues.get(image);
    if (!values) this.sortValues.set(image, (values = new Map()));
    let value = values.get(column);
    if (value?.text !== text) values.set(column, (value = { text, key: this.db.collate(text) }));
    return value.key;
  }

  /** The database's sort and comparison key of a text. */
  readonly collate = (text: string): string => this.db.collate(text);
}
