import { join, relative } from 'node:path';
import { loadScenarioFile, playScenario, scenarioFiles } from '../src';

const ROOT = join(__dirname, '..');
const FILES = scenarioFiles([join(ROOT, 'scenarios')]);

describe('the shipped scenarios', () => {
  it('are found under scenarios/, the demo seed beside them left out', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    expect(FILES.every((f) => f.endsWith('.scenario.yaml'))).toBe(true);
  });

  it.each(FILES.map((f) => [relative(ROOT, f)]))('%s plays green on a fresh mock where it applies (mysql, legacy)', async (file) => {
    const result = await playScenario(loadScenarioFile(join(ROOT, file)));
    if (result.status === 'skipped') return expect(result.reason).toBe("requires policy secure-rbac; the target's is legacy");
    const failed = result.steps.filter((s) => s.status === 'failed');
    expect({ status: result.status, reason: result.reason, failed }).toEqual({ status: 'passed', reason: undefined, failed: [] });
  });

  it.each([
    [{ db: 'mysql', policy: 'legacy' }, ['the owner cannot accept (secure RBAC)']],
    [{ db: 'sqlite', policy: 'legacy' }, ['over-long member id 500 (MySQL)', 'the owner cannot accept (secure RBAC)']],
    [{ db: 'sqlite', policy: 'secure-rbac' }, ['over-long member id 500 (MySQL)', 'the owner cannot accept']],
  ] as const)('on the profile %j, the scenarios requiring another are skipped and the others pass', async (profile, skippedNames) => {
    const results = await Promise.all(FILES.map((f) => playScenario(loadScenarioFile(f), { profile })));
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.name)).toEqual(skippedNames);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  });

  it('a skipped scenario says why', async () => {
    const file = FILES.find((f) => f.endsWith('member-id-too-long-500.scenario.yaml'))!;
    const result = await playScenario(loadScenarioFile(file), { profile: { db: 'sqlite' } });
    expect(result.reason).toBe("requires db mysql; the target's is sqlite");
  });
});
