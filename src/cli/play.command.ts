import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import type { CliIo } from '../cli';
import { DB_PROFILES, POLICIES, type DbProfileName, type PolicyName } from '../domain/profiles';
import { AUTH_MODES, type AuthMode } from '../options';
import type { ScenarioResult } from '../scenario/play';
import {
  jsonReport,
  junitReport,
  prettyEnd,
  prettyHeading,
  prettyReport,
  prettyStep,
  prettySummary,
  REPORTERS,
  type ReporterName,
} from '../scenario/reporters';
import { CliExit } from './cli-exit';

interface PlayCliOptions {
  target?: string;
  identityUrl?: string;
  profile: DbProfileName;
  policy: PolicyName;
  auth: AuthMode;
  reporter: ReporterName;
  out?: string;
  bail?: boolean;
}

/** `glance-mock play PATH...`: play scenarios against fresh embedded mocks or a target. */
export function registerPlay(program: Command, io: CliIo): void {
  program
    .command('play')
    .description('play scenarios (files, or directories of *.scenario.yaml) against a fresh embedded mock each, or a target')
    .argument('<paths...>', 'scenario files or directories')
    .option('--target <url>', 'a running Glance (or mock) to play against, set up through its public API only')
    .option('--identity-url <url>', 'Keystone v3 for keystone actors (default: <target>/identity/v3)')
    .addOption(
      new Option('--profile <db>', "the target's database profile; scenarios requiring another are skipped")
        .choices([...DB_PROFILES])
        .default('mysql'),
    )
    .addOption(new Option('--policy <policy>', "the target's policy defaults").choices([...POLICIES]).default('legacy'))
    .addOption(new Option('--auth <mode>', 'how the target is deployed').choices([...AUTH_MODES]).default('keystone'))
    .addOption(new Option('--reporter <name>', 'report format').choices([...REPORTERS]).default('pretty'))
    .option('--out <file>', 'write the report to this file (the pretty progress still goes to stdout)')
    .option('--bail', 'stop at the first scenario that fails')
    .action(async (paths: string[], opts: PlayCliOptions) => {
      const code = await play(paths, opts, io);
      if (code !== 0) throw new CliExit(code);
    });
}

async function play(paths: string[], opts: PlayCliOptions, io: CliIo): Promise<number> {
  // Loaded when run: the scenario reader (ajv, yaml) and player (faker, the mock) are not for `serve`.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { loadScenarioFile, scenarioFiles } = require('../scenario/load-scenario') as typeof import('../scenario/load-scenario');
  const { playScenario } = require('../scenario/play') as typeof import('../scenario/play');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Every file is read and checked before the first is played: a typo fails at once.
  const scenarios = scenarioFiles(paths).map(loadScenarioFile);
  const live = opts.reporter === 'pretty' || opts.out !== undefined;
  const results: ScenarioResult[] = [];
  for (const loaded of scenarios) {
    if (live) io.out(prettyHeading(loaded.scenario.name, loaded.file, opts.target ?? 'embedded mock'));
    const result = await playScenario(loaded, {
      target: opts.target,
      identityUrl: opts.identityUrl,
      profile: { db: opts.profile, policy: opts.policy, auth: opts.auth },
      onStep: live ? (step) => prettyStep(step).forEach((line) => io.out(line)) : undefined,
    });
    if (live) prettyEnd(result).forEach((line) => io.out(line));
    results.push(result);
    if (opts.bail && result.status === 'failed') break;
  }
  if (live) io.out(prettySummary(results));
  const report = opts.reporter === 'json' ? jsonReport(results) : opts.reporter === 'junit' ? junitReport(results) : prettyReport(results);
  if (opts.out) writeFileSync(opts.out, report);
  else if (!live) io.out(report.trimEnd());
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}
