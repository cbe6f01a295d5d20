import { startGlanceMock, type DbProfileName, type RunningGlanceMock } from '../src';
import { allCases } from '../src/conformance/cases';
import { expectationsFile, readExpectations } from '../src/conformance/expectations';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenIdentities, trustedHeaderIdentities } from '../src/conformance/identities';
import { normalise } from '../src/conformance/normalise';
import { buildReport, compareAll, formatReport } from '../src/conformance/report';
import { runCases } from '../src/conformance/runner';

// A replay of every recorded case takes 8–12 s alone and several times that on a loaded 2-core machine.
jest.setTimeout(120_000);

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
    const actual = await runCases({
      baseUrl: mock.url,
      identities: trustedHeaderIdentities(`t${profile}`),
      run: `t${profile}`,
      cases,
      concurrency: 8,
    });
    const expected = readExpectations(expectationsFile(expectationsOf)).outcomes;
    return buildReport(compareAll(cases, expected, actual), { target: mock.url, against: expectationsOf, profile });
  };

  it('when every case is replayed, then at least 250 cases match and none differs', async () => {
    const report = await run();
    expect(report.total).toBeGreaterThanOrEqual(250);
    if (report.mismatched > 0) throw new Error(formatReport(report));
    expect(report.matched).toBe(report.total);
  });

  it("when compared with the other profile's recording, then the member-id cases differ", async () => {
    const other: DbProfileName = profile === 'mysql' ? 'sqlite' : 'mysql';
    const report = await run(
      allCases().filter((c) => c.id.startsWith('member-ids/')),
      other,
    );
    expect(report.mismatched).toBeGreaterThan(0);
    expect(report.mismatches.map((m) => m.id)).toContain('member-ids/create/256-characters');
    expect(formatReport(report)).toContain('MISMATCH member-ids/create/256-characters (status, body)');
  });
});

describe('conformance through tokens instead of trusted headers', () => {
  const personas = ['owner', 'member', 'member2', 'stranger', 'admin', 'noroles'] as const;
  const roles = (persona: string) =>
    persona === 'admin' ? ['admin', 'member', 'reader'] : persona === 'noroles' ? [] : ['member', 'reader'];
  const project = (persona: string) => `tok-${persona === 'noroles' ? 'stranger' : persona}`;
  let mock: RunningGlanceMock;
  let tokensFile: string;
  beforeAll(async () => {
    mock = await startGlanceMock({
      port: 0,
      seed: { tokens: personas.map((p) => ({ token: `token-${p}`, project: project(p), roles: roles(p) })) },
    });
    tokensFile = join(mkdtempSync(join(tmpdir(), 'glance-tokens-')), 'personas.json');
    writeFileSync(tokensFile, JSON.stringify(Object.fromEntries(personas.map((p) => [p, { token: `token-${p}`, project: project(p) }]))));
  });
  afterAll(() => mock.close());

  it('when every persona acts through its X-Auth-Token, then the answers still match the recording', async () => {
    const cases = allCases();
    const actual = await runCases({ baseUrl: mock.url, identities: tokenIdentities(tokensFile), run: 'tok', cases, concurrency: 8 });
    const report = buildReport(compareAll(cases, readExpectations(expectationsFile('mysql')).outcomes, actual), {
      target: mock.url,
      against: 'mysql',
      profile: 'mysql',
    });
    if (report.mismatched > 0) throw new Error(formatReport(report));
    expect(report.matched).toBe(cases.length);
  });

  it('when the tokens file lacks a persona, then the error names it', () => {
    const partial = join(mkdtempSync(join(tmpdir(), 'glance-tokens-')), 'partial.json');
    writeFileSync(partial, JSON.stringify({ owner: { token: 't', project: 'p' } }));
    expect(() => tokenIdentities(partial).headers('member')).toThrow(/has no token for the persona "member"/);
  });
});

describe('normalising answers', () => {
  const ctx = {
    baseUrl: 'http://127.0.0.1:9292',
    run: 'r1',
    tag: 'r1c7',
    imageIds: ['11111111-2222-4333-8444-555555555555'],
    projects: { member: 'member-r1', member2: 'member2-r1' },
  };

  it('when a body names the case image, the run, a time and a request id, then placeholders replace them', () => {
    const observed = normalise(
      {
        status: 200,
        headers: { 'content-type': 'application/json', location: 'http://127.0.0.1:9292/v2/images/11111111-2222-4333-8444-555555555555' },
        body: '{"member_id": "member-r1", "other": "member2-r1", "image_id": "11111111-2222-4333-8444-555555555555", "name": "r1c7-0", "created_at": "2026-01-01T00:00:00Z", "x": "req-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"}',
      },
      ctx,
    );
    expect(observed).toEqual({
      status: 200,
      contentType: 'application/json',
      headers: { location: '<base>/v2/images/<image>' },
      body: '{"member_id": "<member>", "other": "<member2>", "image_id": "<image>", "name": "<tag>-0", "created_at": "<time>", "x": "<request-id>"}',
    });
  });

  it('when an image list comes in another order, then it is compared in name order', () => {
    const list = (names: string[]) =>
      `{"images": [${names.map((n) => `{"name": "${n}", "id": "x"}`).join(', ')}], "first": "/v2/images", "schema": "/v2/schemas/images"}`;
    const a = normalise({ status: 200, headers: {}, body: list(['b', 'a']) }, ctx);
    const b = normalise({ status: 200, headers: {}, body: list(['a', 'b']) }, ctx);
    expect(a.body).toBe(b.body);
    expect(a.body).toBe(list(['a', 'b']));
  });
});
