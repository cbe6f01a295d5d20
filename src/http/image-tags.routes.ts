import type { ImageTagsService } from '../domain/image-tags';
import imageSchema from '../schemas/image.json';
import type { Route, RouteResult } from './router';
import { checkAgainstSchema, type SchemaNode } from './schema-check';

const SCHEMA = imageSchema as unknown as SchemaNode;
/** Glance's tag and action answers: 204 with webob's default Content-Type. */
export const NO_CONTENT: RouteResult = {
  status: 204,
  raw: '',
  contentType: 'text/html; charset=UTF-8',
  order: ['Content-Type', 'Content-Length'],
};

/** `/v2/images/{image_id}/tags/{tag_value}`: no body; a new tag is checked against the image schema first. */
export function imageTagRoutes(tags: ImageTagsService): Route[] {
  return [
    {
      path: '/v2/images/:image_id/tags/:tag_value',
      bodiless: ['PUT', 'DELETE'],
      methods: {
        PUT: ({ context, params }) => {
          checkAgainstSchema('image', SCHEMA, { tags: [params.tag_value] });
          tags.add(context, params.image_id, params.tag_value);
          return NO_CONTENT;
        },
        DELETE: ({ context, params }) => {
          tags.remove(context, params.image_id, params.tag_value);
          return NO_CONTENT;
        },
      },
    },
  ];
}
