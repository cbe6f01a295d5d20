import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import seedSchema from '../seed/seed.schema.json';
import scenarioSchema from './scenario.schema.json';
import { parsePath } from './jsonpath';
import { matcherProblem } from './match';
import type { LoadedScenario, Scenario } from './types';

/** A scenario that cannot be used; the message names the file, the step and the field. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

let compiled: ValidateFunction<Scenario> | undefined;

function scenarioValidator(): ValidateFunction<Scenario> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: false, strict: true, strictTypes: false, strictRequired: false });
    addFormats(ajv);
    ajv.addSchema(seedSchema);
    compiled = ajv.compile<Scenario>(scenarioSchema);
  }
  return compiled;
}

/** Check a scenario against the shipped JSON Schema (`scenario.schema.json`) and its own references. */
export function validateScenario(data: unknown, source = 'scenario'): Scenario {
  const validate = scenarioValidator();
  if (!validate(data)) throw new ScenarioError(`${source}: ${describe(data, validate.errors ?? [])}`);
  checkReferences(data, source);
  return data;
}

function describe(data: unknown, errors: ErrorObject[]): string {
  // if/then/else reports its branch's error first and then `if`; the branch's says more.
  const error = errors.find((e) => e.keyword !== 'if') ?? errors[0];
  if (!error) return 'invalid';
  const field = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let what: string;
  if (error.keyword === 'additionalProperties') what = `${field} has an unknown field "${String(params.additionalProperty)}"`;
  else if (error.keyword === 'required') what = `${field} is missing the field "${String(params.missingProperty)}"`;
  else if (error.keyword === 'enum') what = `${field} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  else if (error.keyword === 'propertyNames' || (error.keyword === 'pattern' && error.propertyName))
    what = `${field} has a bad name "${String(params.propertyName ?? error.propertyName)}"`;
  else what = `${field} ${error.message ?? 'is invalid'}`;
  return `${stepLabel(data, error.instancePath)}${what}`;
}

/** `step 3 "accept the image": ` for a path under /steps/2, else ''. */
function stepLabel(data: unknown, instancePath: string): string {
  const match = /^\/steps\/(\d+)/.exec(instancePath);
  if (!match) return '';
  const index = Number(match[1]);
  const step = (data as { steps?: Array<{ name?: unknown }> }).steps?.[index];
  const name = typeof step?.name === 'string' ? ` "${step.name}"` : '';
  return `step ${index + 1}${name}: `;
}

function checkReferences(scenario: Scenario, source: string): void {
  const actors = scenario.actors ?? {};
  scenario.steps.forEach((step, index) => {
    const at = `${source}: step ${index + 1} "${step.name}": /steps/${index}`;
    if (step.actor !== undefined && !Object.prototype.hasOwnProperty.call(actors, step.actor)) {
      const known = Object.keys(actors);
      throw new ScenarioError(`${at}/actor "${step.actor}" is not one of the actors (${known.length ? known.join(', ') : 'none defined'})`);
    }
    for (const [name, from] of Object.entries(step.capture ?? {}))
      if (from.startsWith('$') && !parsePath(from))
        throw new ScenarioError(`${at}/capture/${name} "${from}" is not a path such as $.images[0].id or $['key']`);
    const expect = step.expect ?? {};
    if (expect.body !== undefined && expect.bodyEquals !== undefined)
      throw new ScenarioError(`${at}/expect has both "body" and "bodyEquals": use one`);
    for (const key of ['body', 'bodyEquals', 'text', 'headers'] as const) {
      const problem = expect[key] === undefined ? undefined : matcherProblem(expect[key], `/expect/${key}`);
      if (problem) throw new ScenarioError(`${at}${problem}`);
    }
  });
}

/** Read a YAML or JSON scenario file and validate it. */
export function loadScenarioFile(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { scenario: parseScenario(text, file), file };
}

/** Parse a scenario from YAML or JSON text (JSON is YAML); `source` names it in messages. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let data: unknown;
  try {
    data = source.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ScenarioError(
      `${source}: not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`,
    );
  }
  return validateScenario(data, source);
}

const SCENARIO_FILE = /\.scenario\.(ya?ml|json)$/;

/**
 * The scenario files named: a file as it is, a directory for every `*.scenario.yaml`,
 * `.yml` or `.json` under it (sorted), so that seeds can sit beside them.
 */
export function scenarioFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (err) {
      throw new ScenarioError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = walk(path).filter((f) => SCENARIO_FILE.test(f));
    if (found.length === 0) throw new ScenarioError(`${path}: no *.scenario.yaml, *.scenario.yml or *.scenario.json files`);
    files.push(...found);
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}
