import { startGlanceMock, type RunningGlanceMock } from '../src';
import { allCases } from '../src/conformance/cases';
import { expectationsFile, readExpectations, recordingName } from '../src/conformance/expectations';
import { trustedHeaderIdentities } from '../src/conformance/identities';
import { buildReport, compareAll, formatReport } from '../src/conformance/report';
import { runCases } from '../src/conformance/runner';

// A replay of every recorded case takes 8–12 s alone and several times that on a loaded 2-core machine.
jest.setTimeout(120_000);

/**
 * Secure RBAC as a recorded profile: every default case, recorded from a real Glance Zed on
 * SQLite started with the new policy defaults (`sqlite-secure-rbac.json`), replayed against
 * the mock with `policy: 'secure-rbac'`.
 */
describe('conformance of the secure RBAC policy with the recorded real Glance', () => {
  let mock: RunningGlanceMock;
  afterEach(() => mock?.close());

  const replay = async (policy: 'legacy' | 'secure-rbac', cases = allCases()) => {
    mock = await startGlanceMock({ port: 0, dbProfile: 'sqlite', policy });
    const actual = await runCases({ baseUrl: mock.url, identities: trustedHeaderIdentities('trbac'), run: 'trbac', cases, concurrency: 8 });
    const expected = readExpectations(expectationsFile(recordingName('sqlite', 'secure-rbac'))).outcomes;
    return buildReport(compareAll(cases, expected, actual), { target: mock.url, against: 'sqlite-secure-rbac', profile: 'sqlite' });
  };

  it('when every case is replayed against the mock with secure RBAC, then every persona × visibility × operation cell matches', async () => {
    const report = await replay('secure-rbac');
    expect(report.total).toBeGreaterThanOrEqual(800);
    if (report.mismatched > 0) throw new Error(formatReport(report));
    expect(report.matched).toBe(report.total);
  });

  it('when the matrix is replayed against the mock with the legacy policy, then the cells where the new defaults decide differently differ', async () => {
    const report = await replay(
      'legacy',
      allCases().filter((c) => c.id.startsWith('matrix/shared/member/') || c.id.startsWith('matrix/no-owner/noroles/')),
    );
    expect(report.mismatches.map((m) => m.id)).toEqual(
      expect.arrayContaining(['matrix/shared/member/create', 'matrix/shared/member/delete_self', 'matrix/no-owner/noroles/list']),
    );
  });
});
