import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedFile, SeedError } from './load-seed';
import type { SeedData } from './seed-types';

/** scenarios/states/ of the package (the same two levels up from src/seed and dist/seed). */
const STATES_DIR = join(__dirname, '..', '..', 'scenarios', 'states');
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The names of the reusable states shipped under scenarios/states/ (`shared-image-with-pending-member`, ...). */
export function namedStates(): string[] {
  return readdirSync(STATES_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/** A reusable state by name (scenarios/states/NAME.yaml), validated: a seed document for either applier. */
export function loadNamedState(name: string): SeedData {
  const known = namedStates();
  if (!NAME.test(name) || !known.includes(name)) {
    throw new SeedError(`state "${name}" is not a named state (known: ${known.join(', ')})`, [
      { path: '(name)', message: 'is not a named state' },
    ]);
  }
  return loadSeedFile(join(STATES_DIR, `${name}.yaml`));
}
