import type { ImageActionsService } from '../domain/image-actions';
import { NO_CONTENT } from './image-tags.routes';
import type { Route } from './router';

/** `/v2/images/{image_id}/actions/{deactivate,reactivate}`: POST without body, 204. */
export function imageActionRoutes(actions: ImageActionsService): Route[] {
  return (['deactivate', 'reactivate'] as const).map((action) => ({
    path: `/v2/images/:image_id/actions/${action}`,
    bodiless: ['POST'],
    methods: {
      POST: ({ context, params }) => {
        actions.apply(context, params.image_id, action);
        return NO_CONTENT;
      },
    },
  }));
}
