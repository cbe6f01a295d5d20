import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import type { SeedData } from './seed-types';

/** One thing wrong with a seed document: the field (`images[2].members[0].status`) and what is wrong. */
export interface SeedProblem {
  path: string;
  message: string;
}

/**
 * A seed that cannot be used; the message names the source (file or `seed`)
 * and every bad field, `problems` lists them one by one.
 */
export class SeedError extends Error {
  readonly problems: SeedProblem[];

  constructor(message: string, problems: SeedProblem[] = []) {
    super(message);
    this.name = 'SeedError';
    this.problems = problems;
  }
}

/** A refusal of one field, by the path as the seed's readers write it. */
export function seedProblem(path: string, message: string, source = 'seed'): SeedError {
  return new SeedError(`${source}: ${path}: ${message}`, [{ path, message }]);
}

let compiled: ValidateFunction<SeedData> | undefined;

/**
 * The build's precompiled validator (scripts/build/seed-validator.js), else the schema
 * compiled on first use: a mock started without a seed loads neither ajv nor its compiler.
 */
function seedValidator(): ValidateFunction<SeedData> {
  compiled ??= precompiledValidator() ?? compileSchema();
  return compiled;
}

function compileSchema(): ValidateFunction<SeedData> {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, not at start-up */
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const { seedSchema } = require('./seed-schema') as typeof import('./seed-schema');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile<SeedData>(seedSchema);
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

/** Check a seed against its JSON Schema (shipped as `glance-mock/seed.schema.json`); every error is named. */
export function validateSeed(data: unknown, source = 'seed'): SeedData {
  const validate = seedValidator();
  if (validate(data)) return data;
  const problems = dedupe((validate.errors ?? []).map(describe));
  throw new SeedError(`${source}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

/** `/images/2/members/0/status` → `images[2].members[0].status`. */
export function fieldPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function describe(error: ErrorObject): SeedProblem {
  const params = error.params as Record<string, unknown>;
  const at = (name: string) => fieldPath(`${error.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  if (error.keyword === 'additionalProperties') return { path: at(String(params.additionalProperty)), message: 'is not a known field' };
  if (error.keyword === 'required') return { path: at(String(params.missingProperty)), message: 'is required' };
  const path = fieldPath(error.instancePath);
  if (error.keyword === 'enum') return { path, message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
  if (error.keyword === 'type') return { path, message: `must be ${([] as unknown[]).concat(params.type).join(' or ')}` };
  return { path, message: error.message ?? 'is invalid' };
}

/** A union type refused gives one error per branch only when it also fails something else: keep one per field and text. */
function dedupe(problems: SeedProblem[]): SeedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Parse a JSON or YAML seed text (JSON is YAML too) and validate it. */
export function parseSeed(text: string, source = 'seed', format: 'json' | 'yaml' = 'yaml'): SeedData {
  let data: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- YAML is loaded only for a YAML seed
    data = format === 'json' ? JSON.parse(text) : (require('yaml') as typeof import('yaml')).parse(text);
  } catch (err) {
    throw new SeedError(`${source}: not valid ${format === 'json' ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`, [
      { path: '(document)', message: `not valid ${format === 'json' ? 'JSON' : 'YAML'}` },
    ]);
  }
  return validateSeed(data ?? {}, source);
}

/** Read a JSON or YAML seed file and validate it. */
export function loadSeedFile(path: string): SeedData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SeedError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, [
      { path: '(file)', message: 'cannot be read' },
    ]);
  }
  return parseSeed(text, path, path.endsWith('.json') ? 'json' : 'yaml');
}
