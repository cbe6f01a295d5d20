/**
 * Run counts and seeds of the property-based suite. The default run is small so
 * that `npm test` stays fast on a shared 2-core machine; `FUZZ_RUNS=2000 npx jest
 * test/fuzz` runs a bigger one, `FUZZ_SEED=<n>` replays a reported failure
 * (fast-check prints the seed and the shrunk counterexample when a property fails).
 */
import fc from 'fast-check';

const SCALE = Number(process.env.FUZZ_RUNS ?? '') || 0;
/** The default run is the same on every machine; `FUZZ_SEED=random` draws a new seed (printed on failure). */
const DEFAULT_SEED = 20_261_202;
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

/** Parameters for one property: `defaultRuns` unless FUZZ_RUNS asks for more. */
export function fuzzParams<T>(defaultRuns: number): fc.Parameters<T> {
  const numRuns = SCALE > 0 ? Math.max(defaultRuns, SCALE) : defaultRuns;
  return {
    numRuns,
    ...(SEED !== undefined && Number.isInteger(SEED) ? { seed: SEED } : {}),
    // Keep a failing property from shrinking for minutes: stop and report what was found.
    interruptAfterTimeLimit: SCALE > 0 ? 600_000 : 30_000,
    markInterruptAsFailure: false,
    verbose: fc.VerbosityLevel.Verbose,
  };
}

/** Jest's timeout for one property test, generous for the bigger run. */
export const FUZZ_TIMEOUT_MS = SCALE > 0 ? 900_000 : 60_000;
