/**
 * A request without a confirmed identity: webob's 401, before any routing.
 */
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { OWNER, personas, type Headers } from './helpers/personas';
import { WEBOB, acceptFor, expectGlanceError, type ErrorFormat } from './helpers/webob';

describe('when no confirmed identity is sent, then 401 Unauthorized', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  it("when no identity is sent, then 401 with webob's exact text and no request id", async () => {
    const res = await request(glance.app).get('/v2/images');
    expect(res.text).toBe(
      '401 Unauthorized\n\nThis server could not verify that you are authorized to access the document you requested. ' +
        'Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply ' +
        'the credentials required.\n\n   ',
    );
    expectGlanceError(res, 401, WEBOB.unauthorized);
    expect(res.headers['content-length']).toBe('253');
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it.each<ErrorFormat>(['json', 'html'])('when %s is accepted, then the 401 follows Accept too', async (format) => {
    const res = await request(glance.app).get('/v2/images').set(acceptFor(format));
    expectGlanceError(res, 401, WEBOB.unauthorized, format);
  });

  it('when the client sends a request id, then the 401 still has none', async () => {
    const res = await request(glance.app).get('/v2/images').set('X-Openstack-Request-Id', 'req-12345678-1234-1234-1234-123456789abc');
    expect(res.status).toBe(401);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it.each<[string, Headers]>([
    ['X-Identity-Status confirmed (lowercase)', { ...personas.owner, 'X-Identity-Status': 'confirmed' }],
    ['X-Identity-Status Invalid', { ...personas.owner, 'X-Identity-Status': 'Invalid' }],
    ['no X-Identity-Status', { 'X-Project-Id': OWNER, 'X-Roles': 'member,reader' }],
    ['only an X-Auth-Token', { 'X-Auth-Token': 'abc', 'X-Project-Id': OWNER }],
  ])('when the caller sends %s, then 401', async (_label, headers) => {
    expectGlanceError(await glance.get('/v2/images', headers), 401, WEBOB.unauthorized);
  });

  it('when an unknown /v2 path is requested without identity, then 401 comes before the 404', async () => {
    expectGlanceError(await request(glance.app).get('/v2/nosuch'), 401, WEBOB.unauthorized);
  });
});
