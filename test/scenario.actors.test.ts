import { join } from 'node:path';
import { parseScenario, playScenario, startGlanceMock } from '../src';

const MEMBERS = '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members';

function scenario(actor: string, extra = ''): string {
  return `name: the demo seed's members
seed: ${join(__dirname, '..', 'scenarios', 'demo-seed.yaml')}
${extra}actors:
  admin: { keystone: { username: admin, password: secret, project: admin } }
  token: { token: admin-token }
  trusted: { project: 6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70, roles: [member], user: u1 }
  nobody: {}
steps:
  - name: list the members
    actor: ${actor}
    request: { method: GET, path: ${MEMBERS} }
    expect: { status: 200, body: { members: [{ member_id: cdb477d9329c450e996cae2d02a2c44f, status: pending }] } }
`;
}

describe('scenario actors', () => {
  it.each(['admin', 'token', 'trusted'])('the %s actor is the image owner on a mock loaded with the seed', async (actor) => {
    const result = await playScenario(parseScenario(scenario(actor)));
    expect(result.steps.map((s) => [s.status, s.error])).toEqual([['passed', undefined]]);
  });

  it('no identity: the 401 of Glance behind Keystone', async () => {
    const result = await playScenario(parseScenario(scenario('nobody')));
    expect(result.steps[0].mismatches[0]).toEqual({ path: 'status', expected: '200', actual: '401' });
  });

  it('a failed keystone login fails the step, saying where and why', async () => {
    const result = await playScenario(parseScenario(scenario('admin').replace('password: secret', 'password: wrong')));
    expect(result.steps[0].error).toMatch(
      /^actor admin: logging in at http:\/\/127\.0\.0\.1:\d+\/identity\/v3\/auth\/tokens as admin got 401 /,
    );
  });

  it('a scenario with a seed is skipped against a target, with the reason', async () => {
    const target = await startGlanceMock();
    try {
      const result = await playScenario(parseScenario(scenario('token')), { target: target.url });
      expect(result.status).toBe('skipped');
      expect(result.reason).toBe(`needs a seed, which only the embedded mock loads (played without --target); not against ${target.url}`);
    } finally {
      await target.close();
    }
  });
});
