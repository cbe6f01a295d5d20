import type { Outcome } from './runner';
import { differences } from './runner';
import type { ConformanceCase } from './types';

export interface Comparison {
  testCase: ConformanceCase;
  expected: Outcome | undefined;
  actual: Outcome | undefined;
  differences: string[];
}

export interface ConformanceReport {
  target: string;
  against: string;
  profile: string;
  total: number;
  matched: number;
  mismatched: number;
  groups: Record<string, { cases: number; mismatched: number }>;
  mismatches: Array<{ id: string; group: string; differences: string[]; expected: Outcome | null; actual: Outcome | null }>;
}

export function compareAll(
  cases: ConformanceCase[],
  expected: Record<string, Outcome | undefined>,
  actual: Record<string, Outcome | undefined>,
): Comparison[] {
  return cases.map((testCase) => ({
    testCase,
    expected: expected[testCase.id],
    actual: actual[testCase.id],
    differences: differences(expected[testCase.id], actual[testCase.id]),
  }));
}

export function buildReport(comparisons: Comparison[], meta: { target: string; against: string; profile: string }): ConformanceReport {
  const groups: ConformanceReport['groups'] = {};
  for (const { testCase, differences: diffs } of comparisons) {
    const group = (groups[testCase.group] ??= { cases: 0, mismatched: 0 });
    group.cases++;
    if (diffs.length > 0) group.mismatched++;
  }
  const mismatches = comparisons
    .filter((c) => c.differences.length > 0)
    .map((c) => ({
      id: c.testCase.id,
      group: c.testCase.group,
      differences: c.differences,
      expected: c.expected ?? null,
      actual: c.actual ?? null,
    }));
  return {
    ...meta,
    total: comparisons.length,
    matched: comparisons.length - mismatches.length,
    mismatched: mismatches.length,
    groups,
    mismatches,
  };
}

/** The printed report: a table by group, then every mismatch side by side. */
export function formatReport(report: ConformanceReport): string {
  const lines: string[] = [];
  lines.push(`conformance: ${report.target} against ${report.against} (profile ${report.profile})`);
  const width = Math.max(5, ...Object.keys(report.groups).map((g) => g.length));
  lines.push(`${'group'.padEnd(width)}  cases  mismatches`);
  for (const [group, { cases, mismatched }] of Object.entries(report.groups)) {
    lines.push(`${group.padEnd(width)}  ${String(cases).padStart(5)}  ${String(mismatched).padStart(10)}`);
  }
  lines.push(`${'total'.padEnd(width)}  ${String(report.total).padStart(5)}  ${String(report.mismatched).padStart(10)}`);
  for (const mismatch of report.mismatches) {
    lines.push('', `MISMATCH ${mismatch.id} (${mismatch.differences.join(', ')})`);
    lines.push(...sideBySide(describe(mismatch.expected), describe(mismatch.actual), report.against, report.target));
  }
  lines.push('', `${report.matched} passed, ${report.mismatched} failed`);
  return lines.join('\n');
}

function describe(outcome: Outcome | null): string[] {
  if (!outcome) return ['(nothing)'];
  if ('error' in outcome) return [`error: ${outcome.error}`];
  const { status, contentType, headers, body } = outcome.observed;
  return [
    `status: ${status}`,
    `content-type: ${contentType ?? '(none)'}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ...(JSON.stringify(body)
      .slice(1, -1)
      .match(/.{1,60}/g) ?? ['']),
  ];
}

function sideBySide(left: string[], right: string[], leftTitle: string, rightTitle: string): string[] {
  const width = 64;
  const rows = Math.max(left.length, right.length);
  const out = [`  ${clip(`expected (${leftTitle})`, width).padEnd(width)} | actual (${rightTitle})`];
  for (let i = 0; i < rows; i++) {
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    out.push(`${l === r ? ' ' : '!'} ${clip(l, width).padEnd(width)} | ${r}`);
  }
  return out;
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
