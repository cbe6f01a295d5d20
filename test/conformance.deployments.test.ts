import { startGlanceMock, type GlanceMockOptions, type RunningGlanceMock } from '../src';
import { casesOf, type CaseSetName } from '../src/conformance/cases';
import { expectationsFile, readExpectations } from '../src/conformance/expectations';
import { trustedHeaderIdentities } from '../src/conformance/identities';
import { buildReport, compareAll, formatReport } from '../src/conformance/report';
import { runCases } from '../src/conformance/runner';

// A replay of every recorded case takes 8–12 s alone and several times that on a loaded 2-core machine.
jest.setTimeout(120_000);

/**
 * The other two deployments, replayed against the answers recorded from the real Glance
 * Zed deployed the same way: without Keystone (paste's unauthenticated-context) and
 * without an image cache (no image_cache_dir). Both recorded on SQLite.
 */
async function replay(set: CaseSetName, options: GlanceMockOptions) {
  const mock: RunningGlanceMock = await startGlanceMock({ port: 0, dbProfile: 'sqlite', ...options });
  try {
    const cases = casesOf(set);
    const actual = await runCases({
      baseUrl: mock.url,
      identities: trustedHeaderIdentities(`d${set}`),
      run: `d${set}`,
      cases,
      concurrency: 8,
    });
    const expected = readExpectations(expectationsFile(set)).outcomes;
    return buildReport(compareAll(cases, expected, actual), { target: mock.url, against: set, profile: 'sqlite' });
  } finally {
    await mock.close();
  }
}

describe('conformance of the other deployments with the recorded real Glance', () => {
  it('when the noauth cases are replayed against the mock with auth noauth, then every case matches Glance without Keystone', async () => {
    const report = await replay('noauth', { auth: 'noauth' });
    expect(report.total).toBeGreaterThanOrEqual(400);
    if (report.mismatched > 0) throw new Error(formatReport(report));
    expect(report.matched).toBe(report.total);
  });

  it('when the noauth cases are replayed against the mock behind Keystone, then they differ (the set tells the deployments apart)', async () => {
    const report = await replay('noauth', {});
    expect(report.mismatches.map((m) => m.id)).toEqual(
      expect.arrayContaining(['noauth/create/no-headers', 'noauth/identity/version', 'matrix/shared/none/list']),
    );
  });

  it('when the no-image-cache cases are replayed against the mock without an image cache, then every case matches', async () => {
    const report = await replay('no-image-cache', { imageCache: false });
    if (report.mismatched > 0) throw new Error(formatReport(report));
    expect(report.matched).toBe(report.total);
  });

  it('when the no-image-cache cases are replayed against the mock with its default cache, then version discovery differs', async () => {
    const report = await replay('no-image-cache', {});
    expect(report.mismatches.map((m) => m.id)).toEqual(
      expect.arrayContaining(['discovery/versions', 'discovery/root', 'discovery/version-2.16', 'discovery/version-2.14']),
    );
  });
});
