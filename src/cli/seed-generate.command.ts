import { InvalidArgumentError, type Command } from 'commander';
import { writeFileSync } from 'node:fs';

export interface SeedGenerateIo {
  out(line: string): void;
}

interface SeedGenerateOptions {
  projects: number;
  images: number;
  members: number;
  seed: number;
  out?: string;
}

/** `glance-mock seed generate`: a fake cloud as a seed document (JSON, or YAML for a .yaml/.yml file). */
export function registerSeedGenerate(program: Command, io: SeedGenerateIo): void {
  const seed = program.commands.find((c) => c.name() === 'seed') ?? program.command('seed').description('seed documents');
  seed
    .command('generate')
    .description('write a seed document of a fake cloud: projects with a Keystone user each, images, members')
    .requiredOption('--projects <n>', 'projects (each with one user, password and member role)', count(1))
    .requiredOption('--images <n>', 'images, owned by random projects (mostly shared)', count(0))
    .requiredOption('--members <n>', 'members of each shared image (other projects; at most projects - 1)', count(0))
    .option('--seed <n>', 'the same seed gives the same document', count(0), 1)
    .option('--out <file>', 'write to this file (.yaml or .yml: YAML; else JSON) instead of standard output')
    .action((opts: SeedGenerateOptions) => {
      if (opts.members > opts.projects - 1) {
        throw new Error(`--members must be at most --projects - 1 (${opts.projects - 1}): an image's members are other projects`);
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when run (it brings faker)
      const { generateSeed } = require('../seed/generate') as typeof import('../seed/generate');
      const data = generateSeed({ projects: opts.projects, images: opts.images, members: opts.members, seed: opts.seed });
      const text = /\.ya?ml$/i.test(opts.out ?? '') ? yamlText(data) : `${JSON.stringify(data)}\n`;
      if (opts.out === undefined) io.out(text.trimEnd());
      else writeFileSync(opts.out, text);
    });
}

function count(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`must be an integer of at least ${min}`);
    }
    return Number(value);
  };
}

/** YAML is loaded only when asked for. */
function yamlText(data: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stringify } = require('yaml') as typeof import('yaml');
  return stringify(data, { lineWidth: 0 });
}
