import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
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

/** Compiled on first use: a mock started without a seed does not pay for it at start-up. */
function seedValidator(): ValidateFunction<SeedData> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: false, strict: true });
    addFormats(ajv);
    compiled = ajv.compile<SeedData>(seedSchema);
  }
  return compiled;
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
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new SeedError(`${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`);
  }
  return validateSeed(data ?? {}, path);
}
