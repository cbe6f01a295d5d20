import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FromSchema } from 'json-schema-to-ts';
import type { SeedData, SeedImage } from '../src';
import { seedSchema } from '../src/seed/seed-schema';

// Checked by `tsc` (npm run typecheck): a document the schema accepts is a SeedData, and the reverse.
type SchemaDocument = FromSchema<typeof seedSchema>;
export const schemaToTypes = (doc: SchemaDocument): SeedData => doc;
export const typesToSchema = (doc: SeedData): SchemaDocument => doc;
// Optional fields pass the two checks above even when only one side has them: their names must match too.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Entry<D, K extends keyof D> = NonNullable<D[K]> extends Array<infer I> ? I : never;
type Names<K extends keyof SeedData & keyof SchemaDocument> = Same<keyof Entry<SeedData, K>, keyof Entry<SchemaDocument, K>>;
export const sameNames: true[] = [
  true satisfies Same<keyof SeedData, keyof SchemaDocument>,
  true satisfies Same<keyof NonNullable<SeedData['id_streams']>, keyof NonNullable<SchemaDocument['id_streams']>>,
  true satisfies Same<keyof Entry<SeedImage, 'members'>, keyof Entry<Entry<SchemaDocument, 'images'>, 'members'>>,
  true satisfies Names<'domains'>,
  true satisfies Names<'projects'>,
  true satisfies Names<'users'>,
  true satisfies Names<'roles'>,
  true satisfies Names<'role_assignments'>,
  true satisfies Names<'tokens'>,
  true satisfies Names<'images'>,
];

describe('the seed schema', () => {
  it('when the shipped schema file is read, then it is the schema the seed is validated with', () => {
    const shipped: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'seed', 'seed.schema.json'), 'utf8'));
    // Stale? npx ts-node scripts/seed/write-schema.ts && npx prettier --write src/seed/seed.schema.json
    expect(shipped).toEqual(seedSchema);
  });
});
