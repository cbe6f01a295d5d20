/**
 * `glance-mock conformance --tokens FILE`: the five personas are required and
 * checked at start; `noroles` is optional and, when given, must be a token of
 * the stranger's project; without it, its cases are left out, not failed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conformance } from '../src/conformance/command';
import { tokenIdentities } from '../src/conformance/identities';
import { startGlanceMock, type RunningGlanceMock } from '../src';

// A replay of every recorded case takes 8–12 s alone and several times that on a loaded 2-core machine.
jest.setTimeout(120_000);

const PERSONAS = ['owner', 'member', 'member2', 'stranger', 'admin'] as const;
const project = (persona: string) => `tf-${persona}`;

function tokensFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'glance-tokens-')), 'personas.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const fivePersonas = () => Object.fromEntries(PERSONAS.map((p) => [p, { token: `tf-token-${p}`, project: project(p) }]));

describe('the tokens file of the conformance command', () => {
  let mock: RunningGlanceMock;
  beforeAll(async () => {
    const roles = (p: string) => (p === 'admin' ? ['admin', 'member', 'reader'] : ['member', 'reader']);
    mock = await startGlanceMock({
      seed: { tokens: PERSONAS.map((p) => ({ token: `tf-token-${p}`, project: project(p), roles: roles(p) })) },
    });
  });
  afterAll(() => mock.close());

  it('when it has no noroles token, then the noroles cases are left out and the rest match', async () => {
    const lines: string[] = [];
    const code = await conformance(
      { target: mock.url, profile: 'mysql', tokens: tokensFile(fivePersonas()), only: 'matrix/shared/', concurrency: 8 },
      (text) => lines.push(text),
    );
    const output = lines.join('\n');
    expect(output).toContain('left out 11 cases of the noroles persona: the tokens file has no "noroles" token');
    expect(output).not.toContain('MISMATCH');
    expect(code).toBe(0);
  });

  it("when its noroles token is scoped to another project than the stranger's, then it is refused at start", () => {
    const file = tokensFile({ ...fivePersonas(), noroles: { token: 't', project: 'elsewhere' } });
    expect(() => tokenIdentities(file)).toThrow(`${file}: "noroles" must be scoped to the stranger's project tf-stranger (got elsewhere)`);
  });

  it('when a required persona is missing, then it is refused at start, naming the persona', () => {
    const { member2: _left, ...four } = fivePersonas();
    const file = tokensFile(four);
    expect(() => tokenIdentities(file)).toThrow(
      `${file} has no token for the persona "member2" ({"token": "...", "project": "<project id>"})`,
    );
  });
});
