import { objectAt, optionalNumber } from './check';
import { badField } from './problem';

/** The longest delay a rule may add: a test that waits longer has a bug of its own. */
export const MAX_DELAY_MS = 60_000;

export type LatencySpec = { fixedMs: number } | { uniformMs: [number, number] } | { logNormal: { medianMs: number; sigma: number } };

export function latencySpec(input: unknown, field: string): LatencySpec {
  const fields = objectAt(input, field, ['fixedMs', 'uniformMs', 'logNormal']);
  const keys = Object.keys(fields);
  if (keys.length !== 1) throw badField(field, 'must have exactly one of fixedMs, uniformMs, logNormal');
  if (fields.fixedMs !== undefined) return { fixedMs: optionalNumber(fields, 'fixedMs', field, 0, MAX_DELAY_MS) as number };
  if (fields.uniformMs !== undefined) {
    const range = fields.uniformMs;
    const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_DELAY_MS;
    if (!Array.isArray(range) || range.length !== 2 || !ok(range[0]) || !ok(range[1]) || range[0] > range[1]) {
      throw badField(`${field}/uniformMs`, `must be [a, b] with 0 <= a <= b <= ${MAX_DELAY_MS}`);
    }
    return { uniformMs: [range[0] as number, range[1] as number] };
  }
  const log = objectAt(fields.logNormal, `${field}/logNormal`, ['medianMs', 'sigma']);
  const medianMs = optionalNumber(log, 'medianMs', `${field}/logNormal`, 0, MAX_DELAY_MS);
  const sigma = optionalNumber(log, 'sigma', `${field}/logNormal`, 0, 10);
  if (medianMs === undefined) throw badField(`${field}/logNormal/medianMs`, 'is required');
  if (sigma === undefined) throw badField(`${field}/logNormal/sigma`, 'is required');
  return { logNormal: { medianMs, sigma } };
}

/** One delay drawn from the spec with the given generator, in whole milliseconds, never beyond the bound. */
export function drawDelay(spec: LatencySpec, random: () => number): number {
  let ms: number;
  if ('fixedMs' in spec) ms = spec.fixedMs;
  else if ('uniformMs' in spec) ms = spec.uniformMs[0] + random() * (spec.uniformMs[1] - spec.uniformMs[0]);
  else ms = spec.logNormal.medianMs * Math.exp(spec.logNormal.sigma * standardNormal(random));
  return Math.min(MAX_DELAY_MS, Math.max(0, Math.round(ms)));
}

/** Box-Muller over two draws. */
function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
