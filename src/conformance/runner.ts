import { createFixtures } from './fixtures';
import { send } from './http-client';
import type { Identities } from './identities';
import { normalise } from './normalise';
import type { CaseBody, ConformanceCase, Observed } from './types';

const PERSONAS = ['owner', 'member', 'member2', 'stranger', 'admin'] as const;

export type Outcome = { observed: Observed } | { error: string };

export interface RunOptions {
  baseUrl: string;
  identities: Identities;
  /** Unique per run: keeps runs against a long-lived server apart. */
  run: string;
  cases: ConformanceCase[];
  /** Cases in flight at once (default 4). */
  concurrency?: number;
  onOutcome?: (testCase: ConformanceCase, outcome: Outcome) => void;
}

/** Run every case against one server; each case makes its own fixtures first. */
export async function runCases(options: RunOptions): Promise<Record<string, Outcome>> {
  const outcomes: Record<string, Outcome> = {};
  let next = 0;
  const worker = async () => {
    while (next < options.cases.length) {
      const index = next++;
      const testCase = options.cases[index];
      const outcome = await runCase(options, testCase, `${options.run}c${index}`);
      outcomes[testCase.id] = outcome;
      options.onOutcome?.(testCase, outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return Object.fromEntries(options.cases.map((c) => [c.id, outcomes[c.id]]));
}

async function runCase(options: RunOptions, testCase: ConformanceCase, tag: string): Promise<Outcome> {
  const { identities, baseUrl, run } = options;
  const values: Record<string, string> = {
    run,
    tag,
    member: identities.project('member'),
    member2: identities.project('member2'),
    owner: identities.project('owner'),
    self: identities.project(testCase.persona),
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  try {
    const imageIds = await createFixtures({ baseUrl, identities, tag, fill }, testCase.fixtures ?? []);
    imageIds.forEach((id, i) => (values[i === 0 ? 'image' : `image${i + 1}`] = id));
    const headers = { ...identities.headers(testCase.persona), ...testCase.headers };
    const res = await send(baseUrl, testCase.method, fill(testCase.path), headers, fillBody(testCase.body, fill));
    const projects = Object.fromEntries(PERSONAS.map((p) => [p, identities.project(p)]));
    return { observed: normalise(res, { baseUrl, run, tag, imageIds, projects, extraHeaders: testCase.compareHeaders }) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function fillBody(body: CaseBody | undefined, fill: (text: string) => string): CaseBody | undefined {
  if (!body) return undefined;
  if ('json' in body) return { raw: fill(JSON.stringify(body.json)) };
  if ('raw' in body) return { raw: fill(body.raw) };
  return { chunks: body.chunks.map(fill) };
}

/** The fields in which two outcomes differ (empty when they agree). */
export function differences(expected: Outcome | undefined, actual: Outcome | undefined): string[] {
  if (!expected) return ['no expectation recorded'];
  if (!actual) return ['not run'];
  if ('error' in expected || 'error' in actual) {
    const a = 'error' in expected ? `error: ${expected.error}` : 'a response';
    const b = 'error' in actual ? `error: ${actual.error}` : 'a response';
    return a === b ? [] : [`outcome: ${a} vs ${b}`];
  }
  const e = expected.observed;
  const o = actual.observed;
  const diffs: string[] = [];
  if (e.status !== o.status) diffs.push('status');
  if (e.contentType !== o.contentType) diffs.push('content-type');
  if (JSON.stringify(e.headers) !== JSON.stringify(o.headers)) diffs.push('headers');
  if (e.body !== o.body) diffs.push('body');
  return diffs;
}
