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

/** The limits these routes read; read on every request, so a test may change them while the mock runs. */
export type ImageDataLimits = Pick<ResolvedOptions, 'imageSizeCap' | 'userStorageQuota' | 'imageTagQuota'>;

/** The image data, tag and action routes over one instance's store. */
export function imageDataAndTagRoutes(parts: ImageDataParts, limits: ImageDataLimits): Route[] {
  let quota = new StorageQuota(limits.userStorageQuota);
  const dataDeps = {
    ...parts,
    get imageSizeCap() {
      return limits.imageSizeCap;
    },
    get quota() {
      if (quota.setting !== limits.userStorageQuota) quota = new StorageQuota(limits.userStorageQuota);
      return quota;
    },
  };
  const tagDeps = {
    ...parts,
    get tagQuota() {
      return limits.imageTagQuota;
    },
  };
  return [
    ...imageDataRoutes(new ImageDataService(dataDeps)),
    ...imageTagRoutes(new ImageTagsService(tagDeps)),
    ...imageActionRoutes(new ImageActionsService(parts)),
  ];
}
