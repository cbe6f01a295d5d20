import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from './runner';

/** Where the expectations recorded from a real Glance live, one file per database profile. */
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
