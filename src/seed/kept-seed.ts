import { deserialize, serialize } from 'node:v8';
import type { SeedData } from './seed-types';

/** Below this many images and members a seed is kept as given: packing it would save little. */
const PACK_FROM_ROWS = 20_000;

/**
 * The start-up seed as the mock keeps it for reset and for new namespaces. A
 * large one is kept packed (V8's serialization, a buffer outside the heap)
 * and unpacked whenever read: a seed of a million members is otherwise a
 * million live objects on the heap beside the store, which every major
 * collection walks.
 */
export function keptSeed(seed: SeedData): () => SeedData {
  const packed = rowsOf(seed) < PACK_FROM_ROWS ? undefined : pack(seed);
  return packed ? unpacking(packed) : () => seed;
}

function pack(seed: SeedData): Buffer | undefined {
  try {
    return serialize(seed);
  } catch {
    // A value V8 cannot copy (a function in a seed built in code): kept as given.
    return undefined;
  }
}

// Its own function, so the closure's context holds the buffer and not the seed.
const unpacking = (packed: Buffer) => () => deserialize(packed) as SeedData;

function rowsOf(seed: SeedData): number {
  let rows = seed.images?.length ?? 0;
  for (const image of seed.images ?? []) rows += image.members?.length ?? 0;
  return rows;
}
