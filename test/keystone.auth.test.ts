/**
 * POST /identity/v3/auth/tokens, pinned against a real Keystone Zed (Debian's
 * python3-keystone 22.0.2) served under /identity: status, headers, and the
 * exact error bodies.
 */
import request from 'supertest';
import {
  CLIENT_ERROR,
  DEFAULT,
  HOST,
  IDS,
  UNAUTHORIZED,
  adminScope,
  keystoneCloud,
  keystoneError,
  passwordAuth,
  postTokens,
} from './helpers/keystone';

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('POST /identity/v3/auth/tokens', () => {
  it('when admin logs in with a password and a project named in a domain, then 201 with X-Subject-Token and the scoped token', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-subject-token']).toMatch(/^gAAAAAB[A-Za-z0-9_-]+$/);
    expect(res.headers.vary).toBe('X-Auth-Token');
    expect(res.headers['x-openstack-request-id']).toMatch(REQUEST_ID);
    const token = res.body.token;
    expect(Object.keys(token)).toEqual([
      'methods',
      'user',
      'audit_ids',
      'expires_at',
      'issued_at',
      'project',
      'is_domain',
      'roles',
      'catalog',
    ]);
    expect(token.methods).toEqual(['password']);
    expect(token.user).toEqual({ domain: { id: 'default', name: 'Default' }, id: IDS.adminUser, name: 'admin', password_expires_at: null });
    expect(token.issued_at).toBe('2026-01-01T00:00:00.000000Z');
    expect(token.expires_at).toBe('2026-01-01T01:00:00.000000Z');
    expect(token.audit_ids).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{22}$/)]);
    expect(token.project).toEqual({ domain: { id: 'default', name: 'Default' }, id: IDS.adminProject, name: 'admin' });
    expect(token.is_domain).toBe(false);
    expect(token.roles.map((r: { name: string }) => r.name)).toEqual(['admin', 'member', 'reader']);
    expect(token.roles[0]).toEqual({ id: IDS.adminRole, name: 'admin' });
    expect(res.text.startsWith('{"token": {"methods": ["password"], "user": {"domain": {"id": "default"')).toBe(true);
    expect(res.text.endsWith('"type": "image", "name": "glance"}]}}')).toBe(true); // no final newline, unlike errors
  });

  it('when the token is issued, then the catalog lists identity and image with public, internal and admin endpoints on the Host asked', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    const catalog = res.body.token.catalog as Array<{ type: string; name: string; endpoints: Array<Record<string, string>> }>;
    expect(catalog.map((s) => [s.type, s.name])).toEqual([
      ['identity', 'keystone'],
      ['image', 'glance'],
    ]);
    for (const service of catalog) {
      const path = service.type === 'image' ? '/image' : '/identity';
      expect(service.endpoints.map((e) => [e.interface, e.url, e.region_id, e.region])).toEqual(
        ['public', 'internal', 'admin'].map((i) => [i, `http://${HOST}${path}`, 'RegionOne', 'RegionOne']),
      );
      expect(Object.keys(service.endpoints[0])).toEqual(['id', 'interface', 'region_id', 'url', 'region']);
    }
  });

  it('when the user and project are given by id, then the same token', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, passwordAuth({ id: IDS.demoUser }, 'demo-pw', { project: { id: IDS.demoProject } }));
    expect(res.status).toBe(201);
    expect(res.body.token.user.name).toBe('demo');
    expect(res.body.token.project).toEqual({ domain: { id: 'default', name: 'Default' }, id: IDS.demoProject, name: 'demo' });
    expect(res.body.token.roles.map((r: { name: string }) => r.name)).toEqual(['member', 'reader']);
  });

  it('when the project name exists in two domains, then the domain named picks it', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(
      mock,
      passwordAuth({ name: 'demo', domain: { id: 'default' } }, 'demo-pw', { project: { name: 'demo', domain: { id: 'default' } } }),
    );
    expect(res.body.token.project.id).toBe(IDS.demoProject);
  });

  it('when ?nocatalog is asked, then the token has no catalog', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(
      mock,
      passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope),
      '/identity/v3/auth/tokens?nocatalog',
    );
    expect(res.status).toBe(201);
    expect(res.body.token.catalog).toBeUndefined();
    expect(res.body.token.roles).toHaveLength(3);
  });

  it('when no scope is asked and the user has a default project, then the token is scoped to it', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret'));
    expect(res.body.token.project.name).toBe('admin');
  });

  it('when no scope is asked and the user has no default project, then an unscoped token: no project, roles or catalog', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, passwordAuth({ name: 'demo', domain: DEFAULT }, 'demo-pw'));
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.token)).toEqual(['methods', 'user', 'audit_ids', 'expires_at', 'issued_at']);
  });

  it.each<[string, unknown]>([
    ['a wrong password is sent', passwordAuth({ name: 'admin', domain: DEFAULT }, 'wrong', adminScope)],
    ['an unknown user is named', passwordAuth({ name: 'nobody', domain: DEFAULT }, 'secret', adminScope)],
    ['an unknown user id is given', passwordAuth({ id: 'nope' }, 'secret')],
    ['the user is disabled', passwordAuth({ name: 'gone', domain: DEFAULT }, 'x', { project: { id: IDS.demoProject } })],
    ['the user domain is unknown', passwordAuth({ name: 'admin', domain: { name: 'Nope' } }, 'secret', adminScope)],
    ['the project is unknown', passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', { project: { name: 'nope', domain: DEFAULT } })],
    ['the project id is unknown', passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', { project: { id: 'nope' } })],
    ['the user has no role on the project', passwordAuth({ name: 'demo', domain: DEFAULT }, 'demo-pw', adminScope)],
    ['a domain scope is asked', passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', { domain: { id: 'default' } })],
    ['the password is missing', { auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: DEFAULT } } } } }],
  ])("when %s, then 401 with Keystone's body and WWW-Authenticate", async (_label, body) => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, body);
    expect(res.status).toBe(401);
    expect(res.text).toBe(UNAUTHORIZED);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['www-authenticate']).toBe(`Keystone uri="http://${HOST}/identity/v3"`);
    expect(res.headers.vary).toBe('X-Auth-Token');
    expect(res.headers['x-subject-token']).toBeUndefined();
  });

  it('when an unsupported method is named, then 401 listing the methods this Keystone offers', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, { auth: { identity: { methods: ['totp'], totp: {} } } });
    expect(res.status).toBe(401);
    expect(res.text).toBe(
      '{"error":{"code":401,"identity":{"methods":["password","token"]},"message":"Attempted to authenticate with an unsupported method.","title":"Unauthorized"}}\n',
    );
  });

  it.each<[string, string | undefined, string, string]>([
    ['the body is not JSON', 'application/json', '{"auth": ', `Expecting to find valid JSON in request body. ${CLIENT_ERROR}`],
    ['the body is a JSON list', 'application/json', '[]', `Expecting to find valid JSON in request body. ${CLIENT_ERROR}`],
    ['the body is {}', 'application/json', '{}', `Expecting to find auth in request body. ${CLIENT_ERROR}`],
    [
      'the body is form data',
      'application/x-www-form-urlencoded',
      'a=b',
      `Expecting to find application/json in Content-Type header. ${CLIENT_ERROR}`,
    ],
    [
      'the user is named without domain',
      'application/json',
      JSON.stringify(passwordAuth({ name: 'admin' }, 'secret', adminScope)),
      `Expecting to find domain in user. ${CLIENT_ERROR}`,
    ],
    [
      'the project is named without domain',
      'application/json',
      JSON.stringify(passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', { project: { name: 'admin' } })),
      `Expecting to find domain in project. ${CLIENT_ERROR}`,
    ],
    [
      'a method has no payload',
      'application/json',
      '{"auth": {"identity": {"methods": ["password"]}}}',
      `Expecting to find password in identity. ${CLIENT_ERROR}`,
    ],
    [
      'the password payload has no user',
      'application/json',
      '{"auth": {"identity": {"methods": ["password"], "password": {}}}}',
      `Expecting to find user in None. ${CLIENT_ERROR}`,
    ],
    [
      'the user has neither id nor name',
      'application/json',
      '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"password": "x"}}}}}',
      'Invalid input for field identity/password/user: id or name must be present.',
    ],
    [
      'methods is not a list',
      'application/json',
      '{"auth": {"identity": {"methods": "password"}}}',
      "Invalid input for field 'identity/methods': 'password' is not of type 'array'",
    ],
  ])("when %s, then 400 with Keystone's message", async (_label, contentType, body, message) => {
    const { mock } = keystoneCloud();
    const req = request(mock.app).post('/identity/v3/auth/tokens').set('Host', HOST);
    const res = await (contentType ? req.set('Content-Type', contentType) : req).send(body);
    expect(res.status).toBe(400);
    expect(res.text).toBe(keystoneError(400, 'Bad Request', message));
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('when the token method rescopes a token, then the new token keeps the user, expiry and audit chain', async () => {
    const { mock, clock } = keystoneCloud();
    const first = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    clock.advance(60_000);
    const second = await postTokens(mock, {
      auth: { identity: { methods: ['token'], token: { id: first.headers['x-subject-token'] } }, scope: adminScope },
    });
    expect(second.status).toBe(201);
    expect(second.headers['x-subject-token']).not.toBe(first.headers['x-subject-token']);
    expect(second.body.token.methods).toEqual(['token', 'password']);
    expect(second.body.token.expires_at).toBe(first.body.token.expires_at);
    expect(second.body.token.issued_at).toBe('2026-01-01T00:01:00.000000Z');
    expect(second.body.token.audit_ids).toEqual([expect.any(String), first.body.token.audit_ids[0]]);
  });

  it('when the token method names a seed token, then its user gets a token for the project', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, { auth: { identity: { methods: ['token'], token: { id: 'admin-token' } }, scope: adminScope } });
    expect(res.status).toBe(201);
    expect(res.body.token.user.id).toBe(IDS.adminUser);
  });

  it('when the token method names an unknown token, then 404 Could not recognize Fernet token', async () => {
    const { mock } = keystoneCloud();
    const res = await postTokens(mock, { auth: { identity: { methods: ['token'], token: { id: 'bogus' } }, scope: adminScope } });
    expect(res.status).toBe(404);
    expect(res.text).toBe(keystoneError(404, 'Not Found', 'Could not recognize Fernet token'));
  });

  it('when the token method names an expired token, then 404 Failed to validate token', async () => {
    const { mock, clock } = keystoneCloud();
    const first = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    clock.advance(3600_000);
    const res = await postTokens(mock, { auth: { identity: { methods: ['token'], token: { id: first.headers['x-subject-token'] } } } });
    expect(res.status).toBe(404);
    expect(res.text).toBe(keystoneError(404, 'Not Found', 'Failed to validate token'));
  });
});

describe('tokens issued by the built-in Keystone, on the Glance API', () => {
  const members = '/image/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members';

  it("when Glance gets an issued token, then it acts as the token's project and roles", async () => {
    const { mock } = keystoneCloud();
    const demo = await postTokens(mock, passwordAuth({ name: 'demo', domain: DEFAULT }, 'demo-pw', { project: { id: IDS.demoProject } }));
    const token = demo.headers['x-subject-token'];
    const res = await request(mock.app).put(`${members}/${IDS.demoProject}`).set('X-Auth-Token', token).send('{"status": "accepted"}');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    const add = await request(mock.app).post(members).set('X-Auth-Token', token).send(`{"member": "${IDS.otherProject}"}`);
    expect(add.status).toBe(403); // demo is a member, not the owner
  });

  it('when an issued token has expired, then Glance answers 401', async () => {
    const { mock, clock } = keystoneCloud();
    const admin = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    const token = admin.headers['x-subject-token'];
    expect((await request(mock.app).get(members).set('X-Auth-Token', token)).status).toBe(200);
    clock.advance(3600_000);
    expect((await request(mock.app).get(members).set('X-Auth-Token', token)).status).toBe(401);
  });

  it('when the mock is reset, then the issued tokens are forgotten and the seeded users can log in again', async () => {
    const { mock } = keystoneCloud();
    const admin = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    mock.reset();
    expect((await request(mock.app).get(members).set('X-Auth-Token', admin.headers['x-subject-token'])).status).toBe(401);
    expect((await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope))).status).toBe(201);
  });
});
