/**
 * Keystone's discovery documents, token validation and the project and domain
 * lookups clients use to resolve names, pinned against a real Keystone Zed
 * served under /identity.
 */
import request from 'supertest';
import { HOST, IDS, UNAUTHORIZED, keystoneCloud, keystoneError, tokenFor } from './helpers/keystone';

const VERSION = (host: string) =>
  `{"id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z", "links": [{"rel": "self", "href": "http://${host}/identity/v3/"}], "media-types": [{"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}]}`;

const PROJECT = (id: string, name: string, description = '') =>
  `{"id": "${id}", "name": "${name}", "domain_id": "default", "description": "${description}", "enabled": true, "parent_id": "default", "is_domain": false, "tags": [], "options": {}, "links": {"self": "http://${HOST}/identity/v3/projects/${id}"}}`;

const DEFAULT_DOMAIN = `{"id": "default", "name": "Default", "description": "The default domain", "enabled": true, "tags": [], "options": {}, "links": {"self": "http://${HOST}/identity/v3/domains/default"}}`;

const forbidden = (action: string) => keystoneError(403, 'Forbidden', `You are not authorized to perform the requested action: ${action}.`);

describe('Keystone version discovery', () => {
  it.each(['/identity', '/identity/'])(
    'when %s is requested without a token, then 300 with the version list and a Location',
    async (path) => {
      const { mock } = keystoneCloud();
      const res = await request(mock.app).get(path).set('Host', HOST);
      expect(res.status).toBe(300);
      expect(res.text).toBe(`{"versions": {"values": [${VERSION(HOST)}]}}`);
      expect(res.headers.location).toBe(`http://${HOST}/identity/v3/`);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.vary).toBe('X-Auth-Token');
    },
  );

  it.each(['/identity/v3', '/identity/v3/'])(
    'when %s is requested, then 200 with the version document keystoneauth reads',
    async (path) => {
      const { mock } = keystoneCloud();
      const res = await request(mock.app).get(path).set('Host', '127.0.0.1:41234');
      expect(res.status).toBe(200);
      expect(res.text).toBe(`{"version": ${VERSION('127.0.0.1:41234')}}`);
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    },
  );

  it('when HEAD /identity/v3 is sent, then the headers of the document without it', async () => {
    const { mock } = keystoneCloud();
    const res = await request(mock.app).head('/identity/v3').set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(`{"version": ${VERSION(HOST)}}`)));
    expect(res.text ?? '').toBe('');
  });

  it("when an unknown path under /identity is requested, then Flask's HTML 404", async () => {
    const { mock } = keystoneCloud();
    const res = await request(mock.app).get('/identity/v3/nosuch').set('X-Auth-Token', 'admin-token');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toBe(
      '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
        '<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    );
  });

  it('when OPTIONS is sent to a Keystone path, then 200 with the methods it takes', async () => {
    const { mock } = keystoneCloud();
    const res = await request(mock.app).options('/identity/v3/auth/tokens');
    expect(res.status).toBe(200);
    expect(res.headers.allow).toBe('POST, GET, HEAD, OPTIONS');
  });
});

describe('GET and HEAD /identity/v3/auth/tokens', () => {
  it('when admin validates a token, then 200 with the same token body and the token in X-Subject-Token', async () => {
    const { mock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    const res = await request(mock.app)
      .get('/identity/v3/auth/tokens')
      .set({ 'X-Auth-Token': 'admin-token', 'X-Subject-Token': demo })
      .set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.headers['x-subject-token']).toBe(demo);
    expect(res.body.token.user.name).toBe('demo');
    expect(res.body.token.project.id).toBe(IDS.demoProject);
    expect(res.body.token.catalog).toHaveLength(2);
  });

  it('when HEAD validates a token, then 200 without a body', async () => {
    const { mock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    const res = await request(mock.app).head('/identity/v3/auth/tokens').set({ 'X-Auth-Token': demo, 'X-Subject-Token': demo });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.text ?? '').toBe('');
  });

  it("when a user validates another user's token, then 403 identity:validate_token", async () => {
    const { mock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    const res = await request(mock.app).get('/identity/v3/auth/tokens').set({ 'X-Auth-Token': demo, 'X-Subject-Token': 'admin-token' });
    expect(res.status).toBe(403);
    expect(res.text).toBe(forbidden('identity:validate_token'));
  });

  it.each<[string, number, Record<string, string>, string]>([
    ['no X-Subject-Token is sent', 404, { 'X-Auth-Token': 'admin-token' }, keystoneError(404, 'Not Found', 'No token in the request')],
    [
      'the subject token is unknown',
      404,
      { 'X-Auth-Token': 'admin-token', 'X-Subject-Token': 'bogus' },
      keystoneError(404, 'Not Found', 'Could not recognize Fernet token'),
    ],
    ['no X-Auth-Token is sent', 401, { 'X-Subject-Token': 'admin-token' }, UNAUTHORIZED],
    ['the X-Auth-Token is unknown', 401, { 'X-Auth-Token': 'bogus', 'X-Subject-Token': 'admin-token' }, UNAUTHORIZED],
  ])("when %s, then %i with Keystone's body", async (_label, status, headers, body) => {
    const { mock } = keystoneCloud();
    const res = await request(mock.app).get('/identity/v3/auth/tokens').set(headers);
    expect(res.status).toBe(status);
    expect(res.text).toBe(body);
  });

  it('when the subject token has expired, then 404 Failed to validate token; an expired X-Auth-Token is a 401', async () => {
    const { mock, clock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    clock.advance(3600_000);
    const subject = await request(mock.app).get('/identity/v3/auth/tokens').set({ 'X-Auth-Token': 'admin-token', 'X-Subject-Token': demo });
    expect(subject.status).toBe(404);
    expect(subject.text).toBe(keystoneError(404, 'Not Found', 'Failed to validate token'));
    const caller = await request(mock.app).get('/identity/v3/projects').set('X-Auth-Token', demo);
    expect(caller.status).toBe(401);
    expect(caller.text).toBe(UNAUTHORIZED);
  });
});

describe('GET /identity/v3/projects and /projects/{id}', () => {
  const get = (path: string, token = 'admin-token') =>
    request(keystoneCloud().mock.app).get(`/identity/v3${path}`).set('X-Auth-Token', token).set('Host', HOST);

  it('when admin filters by name and domain_id, then the one project, with links.self echoing the query (and a final newline, as Keystone)', async () => {
    const res = await get('/projects?name=demo&domain_id=default');
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      `{"projects": [${PROJECT(IDS.demoProject, 'demo')}], "links": {"next": null, "self": "http://${HOST}/identity/v3/projects?name=demo&domain_id=default", "previous": null}}\n`,
    );
  });

  it('when admin filters by a name used in two domains, then both', async () => {
    const res = await get('/projects?name=demo');
    expect(res.body.projects.map((p: { id: string }) => p.id)).toEqual([IDS.demoProject, IDS.otherProject]);
  });

  it('when admin filters by an unknown name, then an empty list; unknown query parameters are ignored', async () => {
    expect((await get('/projects?name=nosuch')).body.projects).toEqual([]);
    expect((await get('/projects?foo=bar')).body.projects).toHaveLength(3);
  });

  it('when admin gets a project by id, then 200 with the project', async () => {
    const res = await get(`/projects/${IDS.adminProject}`);
    expect(res.text).toBe(`{"project": ${PROJECT(IDS.adminProject, 'admin', 'Bootstrap project for initializing the cloud.')}}\n`);
  });

  it('when admin gets a project by name, then 404 Could not find project (clients then list by name)', async () => {
    const res = await get('/projects/demo');
    expect(res.status).toBe(404);
    expect(res.text).toBe(keystoneError(404, 'Not Found', 'Could not find project: demo.'));
  });

  it('when a member lists projects, then 403 identity:list_projects', async () => {
    const { mock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    const res = await request(mock.app).get('/identity/v3/projects?name=demo').set('X-Auth-Token', demo);
    expect(res.status).toBe(403);
    expect(res.text).toBe(forbidden('identity:list_projects'));
  });

  it('when a member gets its own project, then 200; another or an unknown one, then 403 identity:get_project', async () => {
    const { mock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    const own = await request(mock.app).get(`/identity/v3/projects/${IDS.demoProject}`).set('X-Auth-Token', demo);
    expect(own.status).toBe(200);
    for (const id of [IDS.adminProject, 'nosuch']) {
      const res = await request(mock.app).get(`/identity/v3/projects/${id}`).set('X-Auth-Token', demo);
      expect(res.status).toBe(403);
      expect(res.text).toBe(forbidden('identity:get_project'));
    }
  });

  it('when no token is sent, then 401', async () => {
    const res = await request(keystoneCloud().mock.app).get('/identity/v3/projects');
    expect(res.status).toBe(401);
    expect(res.text).toBe(UNAUTHORIZED);
  });
});

describe('GET /identity/v3/domains and /domains/{id}', () => {
  it('when admin lists domains by name, then the domain', async () => {
    const res = await request(keystoneCloud().mock.app)
      .get('/identity/v3/domains?name=Default')
      .set('X-Auth-Token', 'admin-token')
      .set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.text).toBe(
      `{"domains": [${DEFAULT_DOMAIN}], "links": {"next": null, "self": "http://${HOST}/identity/v3/domains?name=Default", "previous": null}}\n`,
    );
  });

  it('when admin gets a domain by id, then 200; by name, then 404 Could not find domain', async () => {
    const app = keystoneCloud().mock.app;
    const byId = await request(app).get('/identity/v3/domains/default').set('X-Auth-Token', 'admin-token').set('Host', HOST);
    expect(byId.text).toBe(`{"domain": ${DEFAULT_DOMAIN}}\n`);
    const byName = await request(app).get('/identity/v3/domains/Default').set('X-Auth-Token', 'admin-token');
    expect(byName.status).toBe(404);
    expect(byName.text).toBe(keystoneError(404, 'Not Found', 'Could not find domain: Default.'));
  });

  it("when a member lists domains, then 403; it may get its own project's domain", async () => {
    const { mock } = keystoneCloud();
    const demo = await tokenFor(mock, 'demo', 'demo-pw', 'demo');
    const list = await request(mock.app).get('/identity/v3/domains').set('X-Auth-Token', demo);
    expect(list.status).toBe(403);
    expect(list.text).toBe(forbidden('identity:list_domains'));
    expect((await request(mock.app).get('/identity/v3/domains/default').set('X-Auth-Token', demo)).status).toBe(200);
    expect((await request(mock.app).get('/identity/v3/domains/d2').set('X-Auth-Token', demo)).status).toBe(403);
  });
});
