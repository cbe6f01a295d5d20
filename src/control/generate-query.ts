import type { SeedData } from '../seed/seed-types';
import { ControlProblem } from './problem';

/** `POST /_mock/seed?generate&projects=N&images=M&members=K[&seed=S]`: the fake-cloud generator's bounds. */
const LIMITS = { projects: [1, 10000], images: [0, 100000], members: [0, 9999], seed: [0, 2 ** 31 - 1] } as const;
type Param = keyof typeof LIMITS;

/** The generator's options read from the query, each one checked and named when it is wrong. */
export function generatedSeed(query: Record<string, string>): SeedData {
  for (const key of Object.keys(query)) {
    if (key !== 'generate' && !(key in LIMITS)) throw new ControlProblem(400, `${key}: not a parameter of generate`, key);
  }
  if (query.generate !== '') throw new ControlProblem(400, 'generate: takes no value', 'generate');
  const options = {
    projects: int(query, 'projects', 10),
    images: int(query, 'images', 10),
    members: int(query, 'members', 2),
    seed: int(query, 'seed', 1),
  };
  if (options.members > options.projects - 1)
    throw new ControlProblem(400, `members: must be at most projects - 1 (${options.projects - 1})`, 'members');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- faker is loaded only when a seed is generated
  const { generateSeed } = require('../seed/generate') as typeof import('../seed/generate');
  return generateSeed(options);
}

function int(query: Record<string, string>, name: Param, fallback: number): number {
  const text = query[name];
  if (text === undefined) return fallback;
  const [min, max] = LIMITS[name];
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new ControlProblem(400, `${name}: must be an integer from ${min} to ${max}`, name);
  return Number(text);
}
