import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { GlanceStore } from './ports/image-store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageLookup } from './image-lookup';
import type { GlancePolicy } from './policy/glance-policy';

export interface ImageActionsDeps {
  store: GlanceStore;
  images: ImageLookup;
  clock: Clock;
  policy: GlancePolicy;
}

export type ImageAction = 'deactivate' | 'reactivate';

/** What each action moves from and to; the other way round it is a no-op. */
const TRANSITIONS: Record<ImageAction, { from: string; to: string }> = {
  deactivate: { from: 'active', to: 'deactivated' },
  reactivate: { from: 'deactivated', to: 'active' },
};

/** `POST /v2/images/{id}/actions/{deactivate,reactivate}` (glance/api/v2/image_actions.py). */
export class ImageActionsService {
  constructor(private readonly deps: ImageActionsDeps) {}

  /**
   * The image (404), the policy (legacy: owner or admin, `You do not own this
   * image`; secure RBAC: an owner with `member`, or admin), then the status:
   * only `active` and `deactivated` images take either action (403 otherwise).
   */
  apply(context: RequestContext, imageId: string, action: ImageAction): void {
    const image = this.deps.images.find(context, imageId);
    if (!image) throw GlanceErrors.noImageWithId(imageId);
    this.deps.policy.images.read(context);
    this.deps.policy.images.act(context, image, action);
    const { from, to } = TRANSITIONS[action];
    if (image.status === to) return;
    if (image.status !== from) throw GlanceErrors.actionInStatusForbidden(action, image.status);
    this.deps.store.putImage({ ...image, status: to, updated_at: glanceTimestamp(this.deps.clock.now()) });
  }
}
