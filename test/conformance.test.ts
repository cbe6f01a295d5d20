import { startGlanceMock, type DbProfileName, type RunningGlanceMock } from '../src';
import { allCases } from '../src/conformance/cases';
import { expectationsFile, readExpectations } from '../src/conformance/expectations';
import { trustedHeaderIdentities } from '../src/conformance/identities';
import { normalise } from '../src/conformance/normalise';
import { buildReport, compareAll, formatReport } from '../src/conformance/report';
import { runCases } from '../src/conformance/runner';

/**
 * The mock against the answers recorded from the real Glance Zed (on MariaDB
 * for the mysql profile, on SQLite for the sqlite profile). A mismatch prints
 * the side-by-side report.
 */
describe.each<DbProfileName>(['mysql', 'sqlite'])('conformance of the %s profile with the recorded real Glance', (profile) => {
  let mock: RunningGlanceMock;
  beforeAll(async () => {
    mock = await startGlanceMock({ port: 0, dbProfile: profile });
  });
  afterAll(() => mock.close());

  const run = async (cases = allCases(), expectationsOf: DbProfileName = profile) => {
    const actual = await runCases({ baseUrl: mock.url, identities: trustedHeaderIdentities(`t${profile}`), run: `t${profile}`, cases, concurrency: 8 });
    const expected = readExpectations(expectationsFile(expectationsOf)).outcomes;
    return buildReport(compareAll(cases, expected, actual), { target: mock.url, against: expectationsOf, profile });
  };

  it('when every case is replayed, then at least 250 cases match and none differs', async () => {
    const report = await run();
    expect(report.total).toBeGreaterThanOrEqual(250);
    if (report.mismatched > 0) throw new Error(formatReport(report));
    expect(report.matched).toBe(report.total);
  });

  it('when compared with the other profile\'s recording, then the member-id cases differ', async () => {
    const other: DbProfileName = profile === 'mysql' ? 'sqlite' : 'mysql';
    const report = await run(allCases().filter((c) => c.id.startsWith('member-ids/')), other);
    expect(report.mismatched).toBeGreaterThan(0);
    expect(report.mismatches.map((m) => m.id)).toContain('member-ids/create/256-characters');
    expect(formatReport(report)).toContain('MISMATCH member-ids/create/256-characters (status, body)');
  });
});

describe('normalising answers', () => {
  const ctx = { baseUrl: 'http://127.0.0.1:9292', run: 'r1', tag: 'r1c7', imageIds: ['11111111-2222-4333-8444-555555555555'] };

  it('when a body names the case image, the run, a time and a request id, then placeholders replace them', () => {
    const observed = normalise(
      {
        status: 200,
        headers: { 'content-type': 'application/json', location: 'http://127.0.0.1:9292/v2/images/11111111-2222-4333-8444-555555555555' },
        body: '{"member_id": "member-r1", "image_id": "11111111-2222-4333-8444-555555555555", "name": "r1c7-0", "created_at": "2026-01-01T00:00:00Z", "x": "req-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"}',
      },
      ctx,
    );
    expect(observed).toEqual({
      status: 200,
      contentType: 'application/json',
      headers: { location: '<base>/v2/images/<image>' },
      body: '{"member_id": "member-<run>", "image_id": "<image>", "name": "<tag>-0", "created_at": "<time>", "x": "<request-id>"}',
    });
  });

  it('when an image list comes in another order, then it is compared in name order', () => {
    const list = (names: string[]) => `{"images": [${names.map((n) => `{"name": "${n}", "id": "x"}`).join(', ')}], "first": "/v2/images", "schema": "/v2/schemas/images"}`;
    const a = normalise({ status: 200, headers: {}, body: list(['b', 'a']) }, ctx);
    const b = normalise({ status: 200, headers: {}, body: list(['a', 'b']) }, ctx);
    expect(a.body).toBe(b.body);
    expect(a.body).toBe(list(['a', 'b']));
  });
});
