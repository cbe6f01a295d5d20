import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import seedSchema from './seed.schema.json';
import type { SeedData } from './seed-types';

/** A seed that cannot be used; the message names the file (if any) and the bad field. */
export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

let compiled: ValidateFunction<SeedData> | undefined;

/**
 * The build's precompiled validator (dist/seed/seed-validator.js, see
 * scripts/build/seed-validator.js), else compiled on first use: a mock
 * started without a seed does not pay for it at start-up.
 */
function seedValidator(): ValidateFunction<SeedData> {
  if (!compiled) compiled = precompiledValidator();
  if (!compiled) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, not at start-up */
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const ajv = new Ajv({ allErrors: false, strict: true });
    addFormats(ajv);
    compiled = ajv.compile<SeedData>(seedSchema);
  }
  return compiled;
}

function precompiledValidator(): ValidateFunction<SeedData> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./seed-validator') as ValidateFunction<SeedData>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (err as Error).message.includes('seed-validator')) return undefined;
    throw err;
  }
}

/** Check a seed against the shipped JSON Schema (`src/seed/seed.schema.json`). */
export function validateSeed(data: unknown, source = 'seed'): SeedData {
  const validate = seedValidator();
  if (validate(data)) return data;
  throw new SeedError(`${source}: ${describe(validate.errors?.[0])}`);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'invalid';
  const field = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `${field} has an unknown field "${String(params.additionalProperty)}"`;
  if (error.keyword === 'required') return `${field} is missing the field "${String(params.missingProperty)}"`;
  if (error.keyword === 'enum') return `${field} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  return `${field} ${error.message ?? 'is invalid'}`;
}

/** Read a JSON or YAML seed file and validate it. */
export function loadSeedFile(path: string): SeedData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SeedError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- YAML is loaded only for a YAML seed
    data = path.endsWith('.json') ? JSON.parse(text) : (require('yaml') as typeof import('yaml')).parse(text);
  } catch (err) {
    throw new SeedError(`${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`);
  }
  return validateSeed(data ?? {}, path);
}
