/**
 * The build writes the seed schema's validator as precompiled code (so serve --seed
 * does not run ajv's compiler at start-up); it must judge seeds as the schema
 * compiled at run time does. Needs `npm run build` (npm test builds first).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateSeed } from '../src';

const DIST = join(__dirname, '..', 'dist');
const built = existsSync(join(DIST, 'seed', 'seed-validator.js'));

const SEEDS: unknown[] = [
  { images: [{ visibility: 'x' }] },
  { nope: 1 },
  { users: [{ name: 'a' }] },
  { images: [{ created_at: '2024-02-30T00:00:00Z' }] },
  { images: [{ name: 'x'.repeat(256) }] },
  { images: [{ members: [{ member: '' }] }] },
  { tokens: [{ token: 't', expires_at: '2026-01-01T00:00:00Z' }], projects: [{ id: 'p', name: 'p' }] },
];

const verdict = (validate: (seed: unknown) => unknown, seed: unknown) => {
  try {
    validate(seed);
    return 'valid';
  } catch (err) {
    return (err as Error).message;
  }
};

(built ? describe : describe.skip)('the precompiled seed validator', () => {
  it.each(SEEDS.map((seed) => [JSON.stringify(seed).slice(0, 60), seed]))(
    'when %s is checked, then the verdict is the compiled schema’s',
    (_name, seed) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fromBuild = require(join(DIST, 'seed', 'load-seed.js')) as { validateSeed: (seed: unknown) => unknown };
      expect(verdict(fromBuild.validateSeed, seed)).toBe(verdict(validateSeed, seed));
    },
  );
});
