import type { ImageService } from '../domain/image-service';
import { imageChanges, imageDraft } from './image-bodies';
import { imageQuery, pageLinks } from './image-query-params';
import type { Route } from './router';
import { imageView } from './views';

const IMPORT_METHODS = 'glance-direct,web-download,copy-image';

/** `/v2/images[/{image_id}]`, as far as sharing and clients need it. */
export function imageRoutes(images: ImageService): Route[] {
  return [
    {
      path: '/v2/images',
      methods: {
        GET: ({ context, query }) => {
          const parsed = imageQuery(query);
          const page = images.list(context, parsed);
          const full = page.length > 0 && page.length === parsed.limit;
          const links = pageLinks(query, full ? page[page.length - 1].id : undefined);
          return {
            status: 200,
            json: {
              images: page.map(imageView),
              first: links.first,
              schema: '/v2/schemas/images',
              ...(links.next && { next: links.next }),
            },
          };
        },
        POST: ({ context, body, origin }) => {
          const image = images.create(context, imageDraft(body));
          return {
            status: 201,
            json: imageView(image),
            headers: {
              // Glance builds it from the host URL alone: no mount path or `/image` prefix in it.
              Location: `${origin}/v2/images/${image.id}`,
              'Openstack-Image-Import-Methods': IMPORT_METHODS,
            },
          };
        },
      },
    },
    {
      path: '/v2/images/:image_id',
      bodiless: ['GET', 'DELETE'],
      methods: {
        GET: ({ context, params }) => ({
          status: 200,
          json: imageView(images.show(context, params.image_id)),
        }),
        PATCH: ({ context, params, body, headers }) => {
          const changes = imageChanges(headers['content-type'], body);
          return { status: 200, json: imageView(images.update(context, params.image_id, changes)) };
        },
        DELETE: ({ context, params }) => {
          images.remove(context, params.image_id);
          // Glance's image delete answers 204 with webob's default Content-Type.
          return { status: 204, raw: '', contentType: 'text/html; charset=UTF-8', order: ['Content-Type', 'Content-Length'] };
        },
      },
    },
  ];
}
