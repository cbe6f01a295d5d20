import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pactFromExchanges } from '../src/pact/record';
import { verifyPacts } from '../src/pact/verify';
import type { Exchange } from '../src/wire/types';

const IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';
const OWNER = '6d3e8a6e0c5b4d8f9a1e2b3c4d5e6f70';
const DEMO = 'cdb477d9329c450e996cae2d02a2c44f';
const T = '2023-01-10T08:00:00Z';
const REQ = 'req-0d9c2a4e-7a1b-4c3d-9e8f-1a2b3c4d5e6f';

/** An exchange as the front door's journal keeps it, the caller known by token. */
function exchange(
  method: string,
  url: string,
  status: number,
  responseBody: unknown,
  { token = 'admin-token', project = OWNER, body }: { token?: string; project?: string; body?: unknown } = {},
): Exchange {
  const json = responseBody === undefined ? undefined : Buffer.from(JSON.stringify(responseBody));
  return {
    request: {
      method,
      url,
      rawPath: url.split('?')[0],
      rawQuery: url.split('?')[1] ?? '',
      headers: {
        'x-auth-token': token,
        'user-agent': 'python-glanceclient',
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      rawHeaders: [],
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
      base: '/image',
      origin: 'http://127.0.0.1:9292',
      receivedAt: 0,
    },
    response: {
      status,
      reason: '',
      headers: [...(json ? ([['Content-Type', 'application/json']] as Array<[string, string]>) : []), ['X-Openstack-Request-Id', REQ]],
      body: json,
      meta: { service: 'glance', project, roles: ['admin', 'member', 'reader'], requestId: REQ },
    },
    durationMs: 1,
    namespace: '',
  };
}

const image = {
  id: IMAGE,
  name: 'cirros',
  visibility: 'shared',
  owner: OWNER,
  status: 'active',
  created_at: T,
  updated_at: T,
  self: `/v2/images/${IMAGE}`,
};
const member = (status: string) => ({
  member_id: DEMO,
  image_id: IMAGE,
  status,
  created_at: T,
  updated_at: T,
  schema: '/v2/schemas/member',
});

const session: Exchange[] = [
  { ...exchange('POST', '/identity/v3/auth/tokens', 201, { token: {} }) },
  exchange('GET', `/image/v2/images/${IMAGE}`, 200, image),
  exchange('POST', `/image/v2/images/${IMAGE}/members`, 200, member('pending'), { body: { member: DEMO } }),
  exchange('GET', `/image/v2/images/${IMAGE}/members`, 200, { members: [member('pending')], schema: '/v2/schemas/members' }),
  exchange('PUT', `/image/v2/images/${IMAGE}/members/${DEMO}`, 200, member('accepted'), {
    token: 'demo-token',
    project: DEMO,
    body: { status: 'accepted' },
  }),
  exchange('DELETE', `/image/v2/images/${IMAGE}/members/${DEMO}`, 204, undefined),
];

describe('a pact from recorded exchanges', () => {
  const pact = pactFromExchanges(session, { consumer: 'glanceclient', provider: 'Glance' });

  test("only Glance's calls become interactions, described by route and status", () => {
    expect(pact.interactions.map((i) => i.description)).toEqual([
      '1. GET /v2/images/{image} → 200',
      '2. POST /v2/images/{image}/members → 200',
      '3. GET /v2/images/{image}/members → 200',
      '4. PUT /v2/images/{image}/members/{member} → 200'.replace('{member}', DEMO),
      '5. DELETE /v2/images/{image}/members/{member} → 204'.replace('{member}', DEMO),
    ]);
    expect(pact.consumer).toEqual({ name: 'glanceclient' });
    expect(pact.metadata).toMatchObject({ pactSpecification: { version: '4.0' } });
  });

  test('the state each request met, from what the exchanges before it and its answer tell', () => {
    const states = pact.interactions.map((i) => i.providerStates);
    const exists = { name: 'an image exists', params: { imageId: IMAGE, visibility: 'shared', owner: OWNER, name: 'cirros' } };
    const isMember = (status: string) => ({
      name: 'a project is a member of the image',
      params: { imageId: IMAGE, memberId: DEMO, status },
    });
    expect(states[0]).toEqual([{ ...exists, params: { imageId: IMAGE, visibility: 'shared', owner: OWNER, name: 'cirros' } }]);
    expect(states[1]).toEqual([exists]);
    expect(states[2]).toEqual([exists, isMember('pending')]);
    expect(states[3]).toEqual([exists, isMember('pending')]);
    expect(states[4]).toEqual([exists, isMember('accepted')]);
  });

  test("a token becomes the trusted headers of its project; the client's other headers go", () => {
    expect(pact.interactions[3].request.headers).toEqual({
      Accept: ['application/json'],
      'Content-Type': ['application/json'],
      'X-Identity-Status': ['Confirmed'],
      'X-Project-Id': [DEMO],
      'X-Roles': ['admin,member,reader'],
    });
  });

  test("the image id in the path comes from the provider state; the service's /image prefix goes", () => {
    expect(pact.interactions[1].request).toMatchObject({
      path: `/v2/images/${IMAGE}/members`,
      generators: { path: { type: 'ProviderState', expression: '/v2/images/${imageId}/members' } },
    });
  });

  test('ids, timestamps, links and request ids are matched by pattern', () => {
    const rules = pact.interactions[2].response.matchingRules as Record<string, Record<string, unknown>>;
    expect(Object.keys(rules.body)).toEqual(['$.members', '$.members[*].image_id', '$.members[*].created_at', '$.members[*].updated_at']);
    expect(rules.header['X-Openstack-Request-Id']).toEqual({
      combine: 'AND',
      matchers: [{ match: 'regex', regex: expect.stringMatching(/^\^req-/) }],
    });
  });

  test('a 404 on an unknown image is the state "no image exists"; a 413 the member limit', () => {
    const other = '0b0b0b0b-1c1c-4d4d-8e8e-2f2f2f2f2f2f';
    const refused = pactFromExchanges(
      [
        exchange('GET', `/v2/images/${other}`, 404, { message: 'x' }),
        exchange(
          'POST',
          `/v2/images/${IMAGE}/members`,
          413,
          { message: `Image member limit exceeded for image ${IMAGE}` },
          { body: { member: 'p9' } },
        ),
      ],
      { consumer: 'c', provider: 'Glance' },
    );
    expect(refused.interactions.map((i) => i.providerStates)).toEqual([
      [{ name: 'no image exists', params: { imageId: other } }],
      [{ name: 'the image has reached its member limit', params: { imageId: IMAGE, owner: OWNER } }],
    ]);
  });

  test('the recorded pact verifies against the mock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recorded-pact-'));
    try {
      const file = join(dir, 'recorded.json');
      writeFileSync(file, JSON.stringify(pact, null, 2));
      const summary = await verifyPacts({ pacts: [file], log: () => undefined });
      expect(summary.interactions.filter((i) => !i.ok)).toEqual([]);
      expect(summary.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
