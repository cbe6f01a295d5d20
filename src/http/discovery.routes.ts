import imageSchema from '../schemas/image.json';
import imagesSchema from '../schemas/images.json';
import memberSchema from '../schemas/member.json';
import membersSchema from '../schemas/members.json';
import namespaceSchema from '../schemas/metadefs-namespace.json';
import namespacesSchema from '../schemas/metadefs-namespaces.json';
import objectSchema from '../schemas/metadefs-object.json';
import objectsSchema from '../schemas/metadefs-objects.json';
import propertiesSchema from '../schemas/metadefs-properties.json';
import propertySchema from '../schemas/metadefs-property.json';
import resourceTypeSchema from '../schemas/metadefs-resource_type.json';
import resourceTypesSchema from '../schemas/metadefs-resource_types.json';
import tagSchema from '../schemas/metadefs-tag.json';
import tagsSchema from '../schemas/metadefs-tags.json';
import taskSchema from '../schemas/task.json';
import tasksSchema from '../schemas/tasks.json';
import type { Route } from './router';

/** The schemas Glance Zed serves at `/v2/schemas/*` (they need an identity like any v2 call). */
export const GLANCE_SCHEMAS = {
  image: imageSchema,
  images: imagesSchema,
  member: memberSchema,
  members: membersSchema,
} as const;

/**
 * The other schemas Glance Zed serves, byte for byte: glanceclient caches
 * `metadefs/namespace` and `metadefs/resource_type` on its first run. The
 * APIs they describe are not modelled.
 */
export const OTHER_GLANCE_SCHEMAS = {
  'metadefs/namespace': namespaceSchema,
  'metadefs/namespaces': namespacesSchema,
  'metadefs/resource_type': resourceTypeSchema,
  'metadefs/resource_types': resourceTypesSchema,
  'metadefs/property': propertySchema,
  'metadefs/properties': propertiesSchema,
  'metadefs/object': objectSchema,
  'metadefs/objects': objectsSchema,
  'metadefs/tag': tagSchema,
  'metadefs/tags': tagsSchema,
  task: taskSchema,
  tasks: tasksSchema,
} as const;

export function schemaRoutes(): Route[] {
  return Object.entries({ ...GLANCE_SCHEMAS, ...OTHER_GLANCE_SCHEMAS }).map(([name, schema]) => ({
    path: `/v2/schemas/${name}`,
    bodiless: ['GET'],
    // Glance's schema responses put Content-Type before Content-Length, unlike its image and member answers.
    methods: { GET: () => ({ status: 200, json: schema, order: ['Content-Type', 'Content-Length'] }) },
  }));
}
