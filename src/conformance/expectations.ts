import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyName } from '../domain/profiles';
import type { CaseSetName } from './cases';
import type { Outcome } from './runner';

/**
 * The name of a recording: the database profile, with `-secure-rbac` when Glance ran with the
 * new policy defaults (`sqlite-secure-rbac`); a deployment's own case set names its recording.
 */
export function recordingName(profile: string, policy: PolicyName = 'legacy', set: CaseSetName = 'default'): string {
  if (set !== 'default') return set;
  return policy === 'legacy' ? profile : `${profile}-${policy}`;
}

/** Where the expectations recorded from a real Glance live, one file per recording (see recordingName). */
export function expectationsFile(profile: string): string {
  // From src/conformance (ts-jest) or dist/conformance (built): the JSON files stay in src.
  const root = join(__dirname, '..', '..');
  return join(root, 'src', 'conformance', 'expected', `${profile}.json`);
}

export interface RecordedExpectations {
  /** What the expectations were recorded from. */
  source: string;
  recordedAt: string;
  outcomes: Record<string, Outcome>;
}

export function readExpectations(file: string): RecordedExpectations {
  if (!existsSync(file)) throw new Error(`no recorded expectations at ${file}: record them with npm run conformance:record`);
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedExpectations;
}

export function writeExpectations(file: string, expectations: RecordedExpectations): void {
  const sorted = Object.fromEntries(Object.entries(expectations.outcomes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(file, `${JSON.stringify({ ...expectations, outcomes: sorted }, null, 1)}\n`);
}
