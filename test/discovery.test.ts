/**
 * Version discovery, healthcheck, OPTIONS/HEAD and the schema documents,
 * asserted against what a real Glance Zed answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { personas } from './helpers/personas';
import { GENERATED_REQUEST_ID, WEBOB, expectGlanceError, methodNotAllowedBody } from './helpers/webob';

const HOST = 'glance.example:9292';
const VERSION_IDS = ['v2.16', 'v2.15', 'v2.14', 'v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'];

/** Glance's version document (1263 bytes for Host 127.0.0.1:9393), every href built from the Host header. */
const versionsBody = (host: string) =>
  `{"versions": [${VERSION_IDS.map(
    (id, i) =>
      `{"id": "${id}", "status": "${i === 0 ? 'CURRENT' : 'SUPPORTED'}", "links": [{"rel": "self", "href": "http://${host}/v2/"}]}`,
  ).join(', ')}]}`;

const SCHEMA_DIR = join(__dirname, '..', 'src', 'schemas');
/** Glance Zed's member schemas as the real server sends them, byte for byte. */
const REFERENCE_DIR = join(__dirname, 'fixtures', 'glance-zed');

describe('version discovery', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  const anonymous = (method: 'get' | 'post' | 'head' | 'options', path: string) => request(glance.app)[method](path);

  it('the version document for Host 127.0.0.1:9393 is the 1263 bytes the real Glance sends', () => {
    expect(Buffer.byteLength(versionsBody('127.0.0.1:9393'))).toBe(1263);
  });

  it('when / is requested without identity, then 300 Multiple Choices with the version document and no request id', async () => {
    const res = await anonymous('get', '/').set('Host', HOST);
    expect(res.status).toBe(300);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(versionsBody(HOST));
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(versionsBody(HOST))));
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when /versions is requested without identity, then 200 with the same document', async () => {
    const res = await anonymous('get', '/versions').set('Host', HOST);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(versionsBody(HOST));
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when / and /versions are requested with identity, then the answers are the same', async () => {
    const root = await glance.get('/').set('Host', HOST);
    const versions = await glance.get('/versions').set('Host', HOST);
    expect([root.status, versions.status]).toEqual([300, 200]);
    expect(root.text).toBe(versionsBody(HOST));
    expect(versions.text).toBe(versionsBody(HOST));
  });

  it('when the client sends a request id to /versions, then none is echoed', async () => {
    const res = await anonymous('get', '/versions').set('X-Openstack-Request-Id', 'req-11111111-2222-3333-4444-555555555555');
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when no Host is forced, then the hrefs name the host the client connected to', async () => {
    const res = await anonymous('get', '/versions');
    expect(res.status).toBe(200);
    const host = res.body.versions[0].links[0].href.replace(/^http:\/\/([^/]+)\/v2\/$/, '$1');
    expect(host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(res.text).toBe(versionsBody(host));
  });

  it('when X-Forwarded-Proto is https, then the hrefs stay http', async () => {
    const res = await anonymous('get', '/versions').set('Host', HOST).set('X-Forwarded-Proto', 'https');
    expect(res.text).toBe(versionsBody(HOST));
  });

  it('when /versions is POSTed or has a trailing slash, then 200 too', async () => {
    const posted = await anonymous('post', '/versions').set('Host', HOST).set('Content-Type', 'application/json').send('{}');
    expect(posted.status).toBe(200);
    expect(posted.text).toBe(versionsBody(HOST));
    const slash = await anonymous('get', '/versions/').set('Host', HOST);
    expect(slash.status).toBe(200);
    expect(slash.text).toBe(versionsBody(HOST));
  });

  it.each(['/v1', '/v1/', '/v3', '/nosuch', '/V2/images', '/v2.00/images', '/v2.1.1/images'])(
    'when %s is requested without identity, then 300 with the version document',
    async (path) => {
      const res = await anonymous('get', path).set('Host', HOST);
      expect(res.status).toBe(300);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.text).toBe(versionsBody(HOST));
    },
  );

  it.each(['/v2.8/images', '/v2.10/images', '/v2.13/images', '/v2.17/images', '/v2.99/images'])(
    'when %s names a version Glance does not list, then 300 with the version document',
    async (path) => {
      const res = await glance.get(path).set('Host', HOST);
      expect(res.status).toBe(300);
      expect(res.text).toBe(versionsBody(HOST));
    },
  );

  it.each(['/v2', '/v2.0', '/v2.1'])('when %s is requested with identity, then 302 to /v2/ on the same host', async (path) => {
    const res = await glance.get(path).set('Host', 'foo.example:1234');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('http://foo.example:1234/v2/');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf8');
    expect(res.headers['content-length']).toBe('0');
    expect(res.text).toBe('');
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it.each(['/v2', '/v2.0', '/v2/', '/v2/images/'])('when %s is requested without identity, then 401', async (path) => {
    const res = await anonymous('get', path);
    expectGlanceError(res, 401, WEBOB.unauthorized);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when /v2/ is requested with identity, then 404 The resource could not be found', async () => {
    expectGlanceError(await glance.get('/v2/'), 404, WEBOB.resourceNotFound);
  });

  it.each(['/v2.1/images?limit=1', '/v2.16/images?limit=1', '/v2.0/images?limit=1'])(
    'when %s is requested, then it is served as /v2/images',
    async (path) => {
      const res = await glance.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.text).toBe('{"images": [], "first": "/v2/images?limit=1", "schema": "/v2/schemas/images"}');
    },
  );

  it.each(['application/vnd.openstack.images-v2.1+json', 'application/vnd.openstack.images-v2+json'])(
    'when /v2/images is requested with Accept %s, then 300 with the version document',
    async (accept) => {
      const res = await glance.get('/v2/images?limit=1').set('Accept', accept).set('Host', HOST);
      expect(res.status).toBe(300);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.text).toBe(versionsBody(HOST));
    },
  );

  it('when the vnd Accept comes without identity, then still 300 (negotiation runs before auth)', async () => {
    const res = await anonymous('get', '/v2/images').set('Accept', 'application/vnd.openstack.images-v2.1+json').set('Host', HOST);
    expect(res.status).toBe(300);
    expect(res.text).toBe(versionsBody(HOST));
  });
});

describe('healthcheck', () => {
  const app = () => new GlanceClient().app;

  it('when /healthcheck is requested without identity, then 200 OK as plain text', async () => {
    const res = await request(app()).get('/healthcheck');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(res.headers['content-length']).toBe('2');
    expect(res.text).toBe('OK');
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when /healthcheck is requested with identity, then the same 200 OK', async () => {
    const res = await request(app()).get('/healthcheck').set(personas.owner);
    expect(res.status).toBe(200);
    expect(res.text).toBe('OK');
  });

  it('when /healthcheck is requested with HEAD, then 204 with Content-Length 0', async () => {
    const res = await request(app()).head('/healthcheck');
    expect(res.status).toBe(204);
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['content-type']).toBeUndefined();
  });
});

describe('OPTIONS and HEAD', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage({ visibility: 'shared' });
  });

  it.each(['/v2/images', '/v2/images/{id}', '/v2/images/{id}/members', '/v2/images/{id}/members/x', '/', '/v2/nosuch'])(
    'when OPTIONS %s is sent without identity, then 200 with an empty body and only Content-Length',
    async (template) => {
      const res = await request(glance.app).options(template.replace('{id}', imageId));
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(res.headers['content-length']).toBe('0');
      expect(res.headers['content-type']).toBeUndefined();
      expect(res.headers['x-openstack-request-id']).toBeUndefined();
      expect(res.headers.allow).toBeUndefined();
    },
  );

  it('when OPTIONS is sent with identity, then the same empty 200', async () => {
    const res = await request(glance.app).options('/v2/images').set(personas.owner);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
  });

  it.each<[string, string]>([
    ['/v2/images', 'GET, POST'],
    ['/v2/images/{id}', 'GET, PATCH, DELETE'],
    ['/v2/images/{id}/members', 'GET, POST'],
    ['/v2/images/{id}/members/x', 'GET, PUT, DELETE'],
    ['/v2/schemas/member', 'GET'],
  ])('when HEAD %s is sent, then 405 with an empty text/html body and Allow: %s', async (template, allow) => {
    const res = await request(glance.app).head(template.replace('{id}', imageId)).set(personas.owner).set('Accept', 'application/json');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.headers['content-length']).toBe('0');
    expect(res.text ?? '').toBe('');
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it('when HEAD is sent to an unknown /v2 path, then 404 with an empty text/html body', async () => {
    const res = await request(glance.app).head('/v2/nosuch').set(personas.owner);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.headers['content-length']).toBe('0');
  });

  it('when HEAD is sent without identity, then 401 with an empty text/html body', async () => {
    const res = await request(glance.app).head('/v2/images');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when HEAD / is sent, then 300 with the version document headers and no body', async () => {
    const res = await request(glance.app).head('/').set('Host', HOST);
    expect(res.status).toBe(300);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(versionsBody(HOST))));
  });
});

describe('GET /v2/schemas/*', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  it.each(['member', 'members', 'image', 'images'])(
    'when /v2/schemas/%s is requested, then 200 with the very bytes of the file in src/schemas',
    async (name) => {
      const res = await glance.get(`/v2/schemas/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
      const expected = readFileSync(join(SCHEMA_DIR, `${name}.json`), 'utf8');
      expect(res.text).toBe(expected);
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
    },
  );

  it('the served image schemas have the sizes the real Glance sends (6083 and 6371 bytes)', async () => {
    expect((await glance.get('/v2/schemas/image')).headers['content-length']).toBe('6083');
    expect((await glance.get('/v2/schemas/images')).headers['content-length']).toBe('6371');
  });

  it.each(['member', 'members'])('when /v2/schemas/%s is requested, then it is identical to the one Glance Zed sends', async (name) => {
    const res = await glance.get(`/v2/schemas/${name}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(readFileSync(join(REFERENCE_DIR, `schema-${name}.json`), 'utf8'));
  });

  it('when an admin asks for the image schema, then it is the same document', async () => {
    const owner = await glance.get('/v2/schemas/image');
    const admin = await glance.get('/v2/schemas/image', personas.admin);
    expect(admin.text).toBe(owner.text);
  });

  it.each(['member', 'members', 'image', 'images'])('when /v2/schemas/%s is requested without identity, then 401', async (name) => {
    const res = await request(glance.app).get(`/v2/schemas/${name}`);
    expectGlanceError(res, 401, WEBOB.unauthorized);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it.each(['/v2/schemas', '/v2/schemas/bogus'])('when %s is requested, then 404 The resource could not be found', async (path) => {
    expectGlanceError(await glance.get(path), 404, WEBOB.resourceNotFound);
  });

  it('when a schema is POSTed, then 405 with Allow: GET', async () => {
    const res = await glance.post('/v2/schemas/image', {});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
    expect(res.text).toBe(methodNotAllowedBody('plain', 'POST'));
  });

  it('when a schema is requested with a body, then 400 A body is not expected', async () => {
    const res = await glance.get('/v2/schemas/image').set('Content-Type', 'application/json').send('{}');
    expectGlanceError(res, 400, 'A body is not expected with this request.');
  });
});
