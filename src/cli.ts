import { Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CliExit } from './cli/cli-exit';
import { registerPlay } from './cli/play.command';
import { registerRecord } from './cli/record.command';
import { CASE_SETS } from './conformance/case-sets';
import type { ConformanceOptions } from './conformance/command';
import { DB_PROFILES, POLICIES } from './domain/profiles';
import {
  AUTH_MODES,
  DEFAULT_DATA_MEMORY_LIMIT,
  DEFAULT_MAX_NAMESPACES,
  DEFAULT_IMAGE_SIZE_CAP,
  DEFAULT_IMAGE_TAG_QUOTA,
  DEFAULT_MEMBER_QUOTA,
  type AuthMode,
} from './options';
import { loadSeedFile, SeedError } from './seed/load-seed';
import { startGlanceMock, type RunningGlanceMock } from './server';
import { addControlOptions, controlOptionsFrom, type ControlCliOptions } from './cli/control-options';
import { registerSeedGenerate } from './cli/seed-generate.command';
import { registerVerifyCommand } from './cli/verify.command';

/** The `glance-mock` program. Returns the exit code; `serve` resolves only when it stops. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CliExit) return err.code;
    io.error(`glance-mock: ${(err as Error).message}`);
    return 1;
  }
}

export interface CliIo {
  out(line: string): void;
  error(line: string): void;
  /** Resolves on SIGINT or SIGTERM. */
  untilStopped(): Promise<string>;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    }),
};

function buildProgram(io: CliIo): Command {
  const program = new Command('glance-mock')
    .description('A stateful test double of the OpenStack Glance v2 image-members API')
    .version(packageVersion(), '-V, --version', 'print the version of glance-mock')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.error(s.trimEnd()) })
    .exitOverride((err) => {
      throw new CliExit(err.exitCode);
    });

  const serveCommand = program
    .command('serve')
    .description('serve the mock until SIGINT or SIGTERM')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 9292)
    .option('--seed <file>', 'JSON or YAML seed file: projects, images, members, tokens')
    .option('--member-quota <n>', "Glance's image_member_quota (negative: unlimited, 0: none)", parseInteger, DEFAULT_MEMBER_QUOTA)
    .addOption(new Option('--db-profile <profile>', 'database behaviour of member ids').choices([...DB_PROFILES]).default('mysql'))
    .addOption(new Option('--policy <policy>', 'Glance policy defaults').choices([...POLICIES]).default('legacy'))
    .addOption(
      new Option('--auth <mode>', 'keystone: behind keystonemiddleware; noauth: Glance without Keystone (every caller an admin)')
        .choices([...AUTH_MODES])
        .default('keystone'),
    )
    .option('--no-image-cache', 'serve a Glance without image_cache_dir (v2.15 CURRENT, no v2.16)')
    .option('--image-size-cap <bytes>', "Glance's image_size_cap", parseInteger, DEFAULT_IMAGE_SIZE_CAP)
    .option(
      '--user-storage-quota <size>',
      "Glance's user_storage_quota: bytes per owner, units B KB MB GB TB (0: unlimited)",
      parseStorageQuota,
      '0',
    )
    .option('--image-tag-quota <n>', "Glance's image_tag_quota (negative: unlimited)", parseInteger, DEFAULT_IMAGE_TAG_QUOTA)
    .option(
      '--data-memory-limit <bytes>',
      'most image data kept in memory; beyond it uploads get a 413',
      parseInteger,
      DEFAULT_DATA_MEMORY_LIMIT,
    )
    .option('--max-namespaces <n>', 'most namespaces (/_ns/{name}/...) at once; one more is a 409', parseInteger, DEFAULT_MAX_NAMESPACES)
    .option(
      '--record-scenario <file>',
      "write every exchange as a scenario (YAML) to this file, rewritten after each; a namespace's to the file with .NAME before its extension",
    )
    .option('--record-pact <file>', 'on stop, write the Glance calls clients made (in every namespace) as a Pact V4 file')
    .option('--consumer <name>', 'the consumer named in the recorded pact', 'glance-client');
  addControlOptions(serveCommand).action(async (opts: ServeOptions) => serve(opts, io));

  program
    .command('conformance')
    .description('send the conformance cases to a Glance (or the mock) and compare the answers')
    .requiredOption('--target <url>', 'the server under test')
    .option('--against <url>', 'a reference server to diff with (default: the recorded expectations)')
    .addOption(
      new Option('--profile <profile>', 'database profile of the recorded expectations').choices([...DB_PROFILES]).default('mysql'),
    )
    .addOption(new Option('--policy <policy>', 'policy defaults of the recorded expectations').choices([...POLICIES]).default('legacy'))
    .option('--report <file>', 'write a JSON report')
    .option(
      '--record <file>',
      "record the target's answers as expectations instead of comparing (with --only: into the file, beside its other cases)",
    )
    .option('--tokens <file>', 'act through X-Auth-Token values: JSON {persona: {token, project}} (default: trusted headers)')
    .option('--against-tokens <file>', 'tokens for the --against server')
    .addOption(
      new Option('--set <set>', 'the cases of a deployment: default, noauth (Glance without Keystone), no-image-cache')
        .choices([...CASE_SETS])
        .default('default'),
    )
    .option('--only <prefix>', 'run only the cases whose id starts with this')
    .option('--concurrency <n>', 'cases in flight at once', parseInteger, 4)
    .action(async (opts: ConformanceOptions) => {
      // Loaded when run: the cases and the runner are most of what `serve` would otherwise load for nothing.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { conformance } = require('./conformance/command') as typeof import('./conformance/command');
      const code = await conformance(opts, io.out);
      if (code !== 0) throw new CliExit(code);
    });

  registerSeedGenerate(program, io);
  registerPlay(program, io);
  registerRecord(program, io);
  registerVerifyCommand(program, io, (code) => {
    throw new CliExit(code);
  });

  return program;
}

interface ServeOptions extends ControlCliOptions {
  host: string;
  port: number;
  seed?: string;
  memberQuota: number;
  dbProfile: (typeof DB_PROFILES)[number];
  policy: (typeof POLICIES)[number];
  auth: AuthMode;
  imageCache: boolean;
  imageSizeCap: number;
  userStorageQuota: string;
  imageTagQuota: number;
  dataMemoryLimit: number;
  maxNamespaces: number;
  recordScenario?: string;
  recordPact?: string;
  consumer: string;
}

async function serve(opts: ServeOptions, io: CliIo): Promise<void> {
  const seed = opts.seed ? loadSeedOrExit(opts.seed) : undefined;
  let mock: RunningGlanceMock;
  try {
    mock = await startGlanceMock({
      host: opts.host,
      port: opts.port,
      seed,
      memberQuota: opts.memberQuota,
      dbProfile: opts.dbProfile,
      policy: opts.policy,
      auth: opts.auth,
      imageCache: opts.imageCache,
      onWarning: io.error,
      imageSizeCap: opts.imageSizeCap,
      userStorageQuota: opts.userStorageQuota,
      imageTagQuota: opts.imageTagQuota,
      dataMemoryLimit: opts.dataMemoryLimit,
      maxNamespaces: opts.maxNamespaces,
      ...controlOptionsFrom(opts, io.out, io === processIo && process.stdout.isTTY === true),
      ...(opts.recordScenario ? { interceptors: [recordingTo(opts.recordScenario)] } : {}),
    });
  } catch (err) {
    if (err instanceof TypeError) throw err; // an option the mock refuses, named by resolveOptions
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined || code === 'ERR_SOCKET_BAD_PORT') throw err;
    const why = code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${code})`;
    throw new Error(`${opts.host}:${opts.port} ${why}`, { cause: err });
  }
  const cache = opts.imageCache ? '' : ', no image cache';
  io.out(
    `glance-mock listening on ${mock.url} (db profile ${opts.dbProfile}, policy ${opts.policy}, member quota ${opts.memberQuota}, auth ${opts.auth}${cache})`,
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for --record-pact
  const recorder = opts.recordPact ? (require('./pact/pact-recorder') as typeof import('./pact/pact-recorder')).pactRecorder() : undefined;
  if (recorder) mock.use(recorder.interceptor);
  const signal = await io.untilStopped();
  if (recorder && opts.recordPact) {
    const pact = recorder.write(opts.recordPact, { consumer: opts.consumer, provider: 'Glance' });
    io.out(`recorded ${pact.interactions.length} interactions in ${opts.recordPact}`);
  }
  await mock.close();
  io.out(`glance-mock stopped (${signal})`);
}

function recordingTo(file: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for --record-scenario (it brings yaml)
  const { scenarioFileRecorder } = require('./scenario/record-interceptor') as typeof import('./scenario/record-interceptor');
  return scenarioFileRecorder(file, { name: basename(file).replace(/(\.scenario)?\.(ya?ml|json)$/, '') }).interceptor;
}

function loadSeedOrExit(path: string) {
  try {
    return loadSeedFile(path);
  } catch (err) {
    if (err instanceof SeedError) throw new Error(`bad seed: ${err.message}`, { cause: err });
    throw err;
  }
}

function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('must be an integer');
  return Number(value);
}

function parseStorageQuota(value: string): string {
  if (!/^(\d+)((K|M|G|T)?B)?$/.test(value))
    throw new InvalidArgumentError('must be a number of bytes, optionally with B, KB, MB, GB or TB');
  return value;
}

function parsePort(value: string): number {
  const port = parseInteger(value);
  if (port < 0 || port > 65535) throw new InvalidArgumentError('must be between 0 and 65535');
  return port;
}

/** The version in package.json (beside src/ and dist/ alike). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}
