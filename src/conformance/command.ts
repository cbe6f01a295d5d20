import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { casesOf, type CaseSetName } from './cases';
import type { PolicyName } from '../domain/profiles';
import { expectationsFile, readExpectations, recordingName, writeExpectations } from './expectations';
import { tokenIdentities, trustedHeaderIdentities, type Identities } from './identities';
import { buildReport, compareAll, formatReport } from './report';
import { runCases } from './runner';
import type { ConformanceCase } from './types';

export interface ConformanceOptions {
  target: string;
  against?: string;
  profile: 'mysql' | 'sqlite';
  /** The policy defaults of the reference: picks the recording (default `legacy`). */
  policy?: PolicyName;
  /** Which deployment's cases (default `default`); the other sets have their own recording. */
  set?: CaseSetName;
  report?: string;
  record?: string;
  tokens?: string;
  againstTokens?: string;
  only?: string;
  concurrency: number;
}

/** `glance-mock conformance`: 0 when everything matches, 1 on any mismatch. */
export async function conformance(options: ConformanceOptions, print: (text: string) => void): Promise<number> {
  const set = options.set ?? 'default';
  const side = (tokens: string | undefined) => {
    const run = `cf${randomBytes(3).toString('hex')}`;
    const identities: Identities = tokens ? tokenIdentities(tokens) : trustedHeaderIdentities(run);
    return { run, identities };
  };
  const target = side(options.tokens);
  const reference = options.against ? side(options.againstTokens) : undefined;
  const selected = casesOf(set).filter((c) => !options.only || c.id.startsWith(options.only));
  const supported = (c: ConformanceCase) => [target, reference].every((s) => !s || (s.identities.supports?.(c.persona) ?? true));
  const cases = selected.filter(supported);
  if (cases.length < selected.length) {
    print(`left out ${selected.length - cases.length} cases of the noroles persona: the tokens file has no "noroles" token`);
  }
  const runAgainst = (url: string, { run, identities }: ReturnType<typeof side>) =>
    runCases({ baseUrl: url, identities, run, cases, concurrency: options.concurrency });
  const actual = await runAgainst(options.target, target);
  if (options.record) {
    // A subset (--only) recorded into an existing recording joins it: the other cases keep
    // their answers, and the file its source and date.
    const kept = options.only && existsSync(options.record) ? readExpectations(options.record) : undefined;
    writeExpectations(options.record, {
      source: kept?.source ?? options.target,
      recordedAt: kept?.recordedAt ?? new Date().toISOString(),
      outcomes: { ...kept?.outcomes, ...actual },
    });
    print(`recorded ${cases.length} cases from ${options.target} into ${options.record}${kept ? ' (the others kept)' : ''}`);
    return 0;
  }
  let expected;
  let againstLabel: string;
  if (options.against) {
    expected = await runAgainst(options.against, reference ?? side(options.againstTokens));
    againstLabel = options.against;
  } else {
    const recording = recordingName(options.profile, options.policy, set);
    expected = readExpectations(expectationsFile(recording)).outcomes;
    againstLabel = `recorded ${recording} expectations`;
  }
  // Expected comes from the reference (the real Glance or its recording), actual from the target.
  const report = buildReport(compareAll(cases, expected, actual), {
    target: options.target,
    against: againstLabel,
    profile: options.profile,
  });
  print(formatReport(report));
  if (options.report) writeFileSync(options.report, `${JSON.stringify(report, null, 1)}\n`);
  return report.mismatched === 0 ? 0 : 1;
}
