import imageSchema from '../schemas/image.json';
import imagesSchema from '../schemas/images.json';
import memberSchema from '../schemas/member.json';
import membersSchema from '../schemas/members.json';
import type { Route } from './router';

/** The schemas Glance Zed serves at `/v2/schemas/*` (they need an identity like any v2 call). */
export const GLANCE_SCHEMAS = {
  image: imageSchema,
  images: imagesSchema,
  member: memberSchema,
  members: membersSchema,
} as const;

export function schemaRoutes(): Route[] {
  return Object.entries(GLANCE_SCHEMAS).map(([name, schema]) => ({
    path: `/v2/schemas/${name}`,
    bodiless: ['GET'],
    methods: { GET: () => ({ status: 200, json: schema }) },
  }));
}
