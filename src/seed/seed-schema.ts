/**
 * The seed document's JSON Schema: the one source of the schema shipped as
 * `glance-mock/seed.schema.json` (src/seed/seed.schema.json is generated from
 * it and checked by a test) and checked against the `SeedData` types by a
 * type-level test.
 */

const nonEmpty = { type: 'string', minLength: 1 } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const nullableCount = { type: ['integer', 'null'], minimum: 0 } as const;
const count = { type: 'integer', minimum: 0 } as const;

export const IMAGE_STATUSES = [
  'queued',
  'saving',
  'active',
  'killed',
  'deleted',
  'pending_delete',
  'deactivated',
  'uploading',
  'importing',
] as const;

export const seedSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://glance-mock/seed.schema.json',
  title: 'glance-mock seed',
  type: 'object',
  additionalProperties: false,
  properties: {
    domains: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: nonEmpty,
          name: nonEmpty,
          description: { type: 'string' },
          enabled: { type: 'boolean' },
        },
      },
    },
    projects: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: nonEmpty,
          name: nonEmpty,
          domain_id: nonEmpty,
          description: { type: 'string' },
          enabled: { type: 'boolean' },
        },
      },
    },
    users: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'password'],
        properties: {
          id: nonEmpty,
          name: nonEmpty,
          password: { type: 'string' },
          domain_id: nonEmpty,
          default_project: nonEmpty,
          enabled: { type: 'boolean' },
        },
      },
    },
    roles: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { id: nonEmpty, name: nonEmpty },
      },
    },
    role_assignments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['user', 'project', 'roles'],
        properties: {
          user: nonEmpty,
          project: nonEmpty,
          roles: { type: 'array', minItems: 1, items: nonEmpty },
        },
      },
    },
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['token'],
        properties: {
          token: nonEmpty,
          project: nullableText,
          user: nullableText,
          roles: { type: 'array', items: { type: 'string' } },
          expires_at: dateTime,
          issued_at: dateTime,
          methods: { type: 'array', items: { type: 'string' } },
          audit_ids: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    images: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          key: nonEmpty,
          id: {
            type: 'string',
            pattern: '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$',
          },
          name: { type: ['string', 'null'], maxLength: 255 },
          visibility: { enum: ['private', 'shared', 'community', 'public'] },
          owner: { type: ['string', 'null'], maxLength: 255 },
          status: { enum: IMAGE_STATUSES },
          protected: { type: 'boolean' },
          os_hidden: { type: 'boolean' },
          min_ram: count,
          min_disk: count,
          disk_format: nullableText,
          container_format: nullableText,
          size: nullableCount,
          virtual_size: nullableCount,
          checksum: nullableText,
          os_hash_algo: nullableText,
          os_hash_value: nullableText,
          tags: { type: 'array', items: { type: 'string', maxLength: 255 } },
          created_at: dateTime,
          updated_at: dateTime,
          properties: { type: 'object', additionalProperties: nullableText },
          removed_properties: { type: 'array', items: { type: 'string' } },
          data: { type: 'string' },
          data_base64: { type: 'string', contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
          deleted: { type: 'boolean' },
          members: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['member'],
              properties: {
                member: nonEmpty,
                status: { enum: ['pending', 'accepted', 'rejected'] },
                created_at: dateTime,
                updated_at: dateTime,
                deleted: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
    deleted_image_ids: { type: 'array', items: nonEmpty },
    id_streams: {
      type: 'object',
      additionalProperties: false,
      required: ['images', 'requests'],
      properties: { images: count, requests: count },
    },
  },
} as const;
