import type { GlanceStore } from '../store/store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageRecord } from './images';
import { isImageVisible } from './images';
import type { DbProfile } from './profiles';

/** Finding an image the way Glance's image repository does, for members and images alike. */
export class ImageLookup {
  constructor(
    private readonly store: GlanceStore,
    private readonly db: DbProfile,
  ) {}

  /** The image if it exists, is not deleted and the caller may see it; else undefined. */
  find(context: RequestContext, imageId: string): ImageRecord | undefined {
    const image = this.store.getImage(imageId);
    if (!image || image.deleted) return undefined;
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
    const member = this.store.getMember(image.id, this.db.memberKey(project));
    return member && !member.deleted ? member : undefined;
  }
}
