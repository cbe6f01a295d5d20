import { ImageActionsService } from '../domain/image-actions';
import { ImageDataService } from '../domain/image-data';
import type { ImageLookup } from '../domain/image-lookup';
import { ImageTagsService } from '../domain/image-tags';
import type { GlancePolicy } from '../domain/policy/glance-policy';
import { StorageQuota } from '../domain/storage-quota';
import type { ResolvedOptions } from '../options';
import type { Clock } from '../runtime/clock';
import type { ImageDataStore } from '../domain/ports/image-data-store';
import type { GlanceStore } from '../domain/ports/image-store';
import { imageActionRoutes } from './image-actions.routes';
import { imageDataRoutes } from './image-data.routes';
import { imageTagRoutes } from './image-tags.routes';
import type { Route } from './router';

export interface ImageDataParts {
  store: GlanceStore;
  images: ImageLookup;
  data: ImageDataStore;
  clock: Clock;
  policy: GlancePolicy;
}

/** The image data, tag and action routes over one instance's store. */
export function imageDataAndTagRoutes(parts: ImageDataParts, options: ResolvedOptions): Route[] {
  const quota = new StorageQuota(options.userStorageQuota);
  return [
    ...imageDataRoutes(new ImageDataService({ ...parts, imageSizeCap: options.imageSizeCap, quota })),
    ...imageTagRoutes(new ImageTagsService({ ...parts, tagQuota: options.imageTagQuota })),
    ...imageActionRoutes(new ImageActionsService(parts)),
  ];
}
