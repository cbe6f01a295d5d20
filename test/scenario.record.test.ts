import { parseScenario, playScenario, scenarioFromExchanges, scenarioToYaml, startGlanceMock, startRecordingProxy } from '../src';
import type { Exchange } from '../src/wire/types';

const IMAGE = '8d7441d0-cbdd-41a5-b4cb-09cad3570dc0';
const OWNER = { 'x-identity-status': 'Confirmed', 'x-project-id': 'p1', 'x-roles': 'member,reader' };

function exchange(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
  status: number,
  answer: unknown,
  base = '',
): Exchange {
  const sent = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return {
    request: {
      method,
      url: path,
      rawPath: path.slice(base.length) || '/',
      rawQuery: '',
      headers: { ...headers, ...(sent ? { 'content-type': 'application/json' } : {}) },
      rawHeaders: [],
      body: sent,
      base,
      origin: 'http://127.0.0.1:1',
      receivedAt: 0,
    },
    response: {
      status,
      reason: '',
      headers: [
        ['Content-Type', typeof answer === 'string' ? 'text/plain; charset=UTF-8' : 'application/json'],
        ['X-Openstack-Request-Id', 'req-0f0e5a3c-1111-4b2a-9c3d-2e4f6a8b0c1d'],
      ],
      body: Buffer.from(text),
    },
    durationMs: 1,
    namespace: '',
  };
}

const CREATED = {
  id: IMAGE,
  owner: 'p1',
  created_at: '2026-12-02T18:18:41Z',
  self: `/v2/images/${IMAGE}`,
  schema: '/v2/schemas/image',
};

describe('scenarioFromExchanges', () => {
  it('captures an id the first time an answer carries it, and uses the variable after', () => {
    const scenario = scenarioFromExchanges([
      exchange('POST', '/image/v2/images', OWNER, { name: 'x' }, 201, CREATED, '/image'),
      exchange('POST', `/image/v2/images/${IMAGE}/members`, OWNER, { member: 'p2' }, 200, { image_id: IMAGE, member_id: 'p2' }, '/image'),
    ]);
    expect(scenario.actors).toEqual({ project_p1: { project: 'p1', roles: ['member', 'reader'] } });
    expect(scenario.steps[0]).toMatchObject({
      actor: 'project_p1',
      request: { method: 'POST', path: '/v2/images', body: { name: 'x' } },
      expect: { status: 201, body: { id: '${image}', created_at: { timestamp: true }, self: '/v2/images/${image}' } },
      capture: { image: '$.id' },
    });
    expect(scenario.steps[1]).toMatchObject({
      request: { path: '/v2/images/${image}/members', body: { member: 'p2' } },
      expect: { body: { image_id: '${image}', member_id: 'p2' } },
    });
  });

  it("leaves out Keystone and version discovery, and plays a logged-in caller as its token's identity", () => {
    const login = exchange(
      'POST',
      '/identity/v3/auth/tokens',
      {},
      {
        auth: {
          identity: { methods: ['password'], password: { user: { name: 'admin', password: 'secret', domain: { name: 'Default' } } } },
        },
      },
      201,
      { token: { project: { id: 'p1' }, roles: [{ name: 'admin' }], user: { id: 'u1' } } },
      '/identity',
    );
    login.response.headers.push(['X-Subject-Token', 'gAAAAtoken']);
    const versions = exchange('GET', '/image/', { 'x-auth-token': 'gAAAAtoken' }, undefined, 300, { versions: [] }, '/image');
    const list = exchange('GET', '/image/v2/images', { 'x-auth-token': 'gAAAAtoken' }, undefined, 200, { images: [] }, '/image');
    const trusted = scenarioFromExchanges([login, versions, list]);
    expect(trusted.actors).toEqual({ admin: { project: 'p1', roles: ['admin'], user: 'u1' } });
    expect(trusted.steps).toHaveLength(1);
    const keystone = scenarioFromExchanges([login, list], { actors: 'keystone' });
    expect(keystone.actors).toEqual({ admin: { keystone: { username: 'admin', password: 'secret', domain: 'Default' } } });
  });

  it('an id it never saw created, inside a text, becomes a pattern; request ids are not expected', () => {
    const other = 'a42bfade-78ec-4c95-b7b4-272ba265072c';
    const scenario = scenarioFromExchanges([
      exchange('GET', `/v2/images/${other}`, OWNER, undefined, 404, `404 Not Found\n\nNo image found with ID ${other}\n\n   `),
    ]);
    expect(scenario.steps[0].expect).toEqual({
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=UTF-8' },
      text: { regex: '^404 Not Found\n\nNo image found with ID [0-9a-f-]{36}\n\n   $' },
    });
    expect(scenarioToYaml(scenario)).not.toContain('req-');
  });
});

describe('scenarioFromExchanges and image data', () => {
  it('leaves out a body that is not UTF-8, saying so in the step name', () => {
    const upload = exchange('PUT', `/v2/images/${IMAGE}/file`, OWNER, undefined, 204, '');
    upload.request.body = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
    const [step] = scenarioFromExchanges([upload]).steps;
    expect(step.name).toBe('1. PUT /v2/images/…/file (its binary body not recorded)');
    expect(step.request.body).toBeUndefined();
  });
});

describe('the recording proxy', () => {
  it('forwards to the target and what it records plays back green on a fresh mock', async () => {
    const target = await startGlanceMock();
    const proxy = await startRecordingProxy({ target: target.url });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${proxy.url}${path}`, {
          method: 'POST',
          headers: { ...OWNER, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const created = (await (await post('/v2/images', { name: 'recorded', visibility: 'shared' })).json()) as { id: string };
      expect((await post(`/v2/images/${created.id}/members`, { member: 'p2' })).status).toBe(200);
      expect((await post(`/v2/images/${created.id}/members`, { member: 'p2' })).status).toBe(409);
      const deleted = await fetch(`${proxy.url}/v2/images/${created.id}/members/p2`, { method: 'DELETE', headers: OWNER });
      expect(deleted.status).toBe(204);
      expect(proxy.exchanges).toHaveLength(4);

      const scenario = parseScenario(scenarioToYaml(scenarioFromExchanges(proxy.exchanges, { name: 'recorded' })));
      const result = await playScenario(scenario);
      expect(result.steps.map((s) => [s.name, s.status, s.error ?? s.mismatches])).toEqual([
        ['1. POST /v2/images', 'passed', []],
        ['2. POST /v2/images/…/members', 'passed', []],
        ['3. POST /v2/images/…/members', 'passed', []],
        ['4. DELETE /v2/images/…/members/p2', 'passed', []],
      ]);
    } finally {
      await proxy.close();
      await target.close();
    }
  });
});
