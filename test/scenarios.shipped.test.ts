import { join, relative } from 'node:path';
import { loadScenarioFile, playScenario, scenarioFiles } from '../src';

const ROOT = join(__dirname, '..');
const FILES = scenarioFiles([join(ROOT, 'scenarios')]);

describe('the shipped scenarios', () => {
  it('are found under scenarios/, the demo seed beside them left out', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(FILES.every((f) => f.endsWith('.scenario.yaml'))).toBe(true);
  });

  it.each(FILES.map((f) => [relative(ROOT, f)]))('%s plays green on a fresh mock (mysql profile)', async (file) => {
    const result = await playScenario(loadScenarioFile(join(ROOT, file)));
    const failed = result.steps.filter((s) => s.status === 'failed');
    expect({ status: result.status, reason: result.reason, failed }).toEqual({ status: 'passed', reason: undefined, failed: [] });
  });

  it('on the sqlite profile, the MySQL-only scenario is skipped with its reason and the others pass', async () => {
    const results = await Promise.all(FILES.map((f) => playScenario(loadScenarioFile(f), { profile: { db: 'sqlite' } })));
    const skipped = results.filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => [r.name, r.reason])).toEqual([
      ['over-long member id 500 (MySQL)', "requires db mysql; the target's is sqlite"],
    ]);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  });
});
