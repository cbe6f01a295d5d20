import type { ScenarioResult, StepResult } from './play';

export const REPORTERS = ['pretty', 'json', 'junit'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

export function totals(results: ScenarioResult[]): Totals {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;

/** The heading printed as a scenario starts. */
export function prettyHeading(name: string, file: string | undefined, target: string): string {
  return `▶ ${name}${file ? ` (${file})` : ''} on ${target}`;
}

/** One step as the pretty reporter prints it, with the diff when it failed. */
export function prettyStep(step: StepResult): string[] {
  const status = step.response ? `  ${step.response.status}` : '';
  const times = step.iterations > 1 ? ` ×${step.iterations}` : '';
  const lines = [
    `  ${MARK[step.status]} ${step.index}. ${step.name}${step.status === 'skipped' ? '  (skipped)' : `${status}${times}  ${step.durationMs} ms`}`,
  ];
  if (step.status !== 'failed') return lines;
  if (step.failedIteration !== undefined)
    lines.push(`      at repetition ${step.failedIteration + 1} (\${index} = ${step.failedIteration})`);
  if (step.request) lines.push(`      ${step.request.method} ${step.request.url}`);
  if (step.error) lines.push(`      error: ${step.error}`);
  for (const m of step.mismatches) lines.push(`      ${m.path}`, `        - expected: ${m.expected}`, `        + actual:   ${m.actual}`);
  if (step.response && step.mismatches.length) {
    const body = step.response.text.length > 800 ? `${step.response.text.slice(0, 800)}…` : step.response.text;
    lines.push(`      response: ${step.response.status} ${step.response.headers['content-type'] ?? ''}`.trimEnd());
    if (body) lines.push(...body.split('\n').map((l) => `        ${l}`));
  }
  return lines;
}

/** The line closing a scenario. */
export function prettyEnd(result: ScenarioResult): string[] {
  if (result.status === 'skipped') return [`- ${result.name}: skipped: ${result.reason ?? ''}`, ''];
  const failedStep = result.steps.find((s) => s.status === 'failed');
  const where = failedStep ? ` at step ${failedStep.index} "${failedStep.name}"` : result.reason ? `: ${result.reason}` : '';
  return [
    `${MARK[result.status]} ${result.name}: ${result.status}${result.status === 'failed' ? where : ''} (${result.durationMs} ms)`,
    '',
  ];
}

export function prettySummary(results: ScenarioResult[]): string {
  const t = totals(results);
  return `${results.length} scenarios: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

/** The pretty report of finished results, as one text. */
export function prettyReport(results: ScenarioResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(prettyHeading(r.name, r.file, r.target));
    if (r.status !== 'skipped') for (const s of r.steps) lines.push(...prettyStep(s));
    lines.push(...prettyEnd(r));
  }
  lines.push(prettySummary(results));
  return `${lines.join('\n')}\n`;
}

export function jsonReport(results: ScenarioResult[]): string {
  return `${JSON.stringify({ summary: totals(results), scenarios: results }, null, 2)}\n`;
}

/** JUnit XML: a test suite per scenario, a test case per step. */
export function junitReport(results: ScenarioResult[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const all = results.reduce((n, r) => n + Math.max(r.steps.length, 1), 0);
  const failures = results.reduce(
    (n, r) =>
      n +
      r.steps.filter((s) => s.status === 'failed').length +
      (r.status === 'failed' && !r.steps.some((s) => s.status === 'failed') ? 1 : 0),
    0,
  );
  const skipped = results.reduce((n, r) => n + r.steps.filter((s) => s.status === 'skipped').length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="glance-mock play" tests="${all}" failures="${failures}" skipped="${skipped}" time="${seconds(results.reduce((n, r) => n + r.durationMs, 0))}">`,
  ];
  for (const r of results) {
    const suiteFailures = r.steps.filter((s) => s.status === 'failed').length;
    const suiteSkipped = r.steps.filter((s) => s.status === 'skipped').length;
    out.push(
      `  <testsuite name="${xml(r.name)}" tests="${r.steps.length}" failures="${suiteFailures}" skipped="${suiteSkipped}" time="${seconds(r.durationMs)}"${r.file ? ` file="${xml(r.file)}"` : ''}>`,
    );
    if (r.status === 'failed' && suiteFailures === 0)
      out.push(`    <testcase classname="${xml(r.name)}" name="set-up" time="0"><failure message="${xml(r.reason ?? '')}"/></testcase>`);
    for (const s of r.steps) {
      const head = `    <testcase classname="${xml(r.name)}" name="${xml(`${s.index}. ${s.name}`)}" time="${seconds(s.durationMs)}"`;
      if (s.status === 'passed') out.push(`${head}/>`);
      else if (s.status === 'skipped') out.push(`${head}><skipped message="${xml(r.reason ?? 'an earlier step failed')}"/></testcase>`);
      else {
        const message = s.error ?? s.mismatches.map((m) => `${m.path}: expected ${m.expected}, got ${m.actual}`).join('; ');
        out.push(`${head}>`, `      <failure message="${xml(message)}">${xml(prettyStep(s).join('\n'))}</failure>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
