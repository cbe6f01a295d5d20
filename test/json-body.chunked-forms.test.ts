import { RawServer } from './helpers/raw-server';
import { personas } from './helpers/personas';

const MALFORMED = '400 Bad Request\n\nMalformed JSON in request body.\n\n   ';

/** webob parses a POST with a form media type as a form: a chunked body is consumed before Glance reads it. */
describe('a POST body with a form Content-Type', () => {
  let server: RawServer;
  let imageId: string;
  beforeAll(async () => {
    server = await RawServer.start();
    imageId = JSON.parse((await server.send('POST', '/v2/images', personas.owner, '{"visibility": "shared"}')).body).id;
  });
  afterAll(() => server.close());

  const headers = (type: string) => ({ ...personas.owner, 'Content-Type': type });
  const members = async () => JSON.parse((await server.send('GET', `/v2/images/${imageId}/members`, personas.owner)).body).members;

  it.each(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'multipart/form-data; boundary=x'])(
    'when a member is added with a chunked %s body, then 400 Malformed JSON and nothing is stored',
    async (type) => {
      const res = await server.send('POST', `/v2/images/${imageId}/members`, headers(type), undefined, ['{"member": ', '"chunked"}']);
      expect(res.status).toBe(400);
      expect(res.body).toBe(MALFORMED);
      expect(await members()).toEqual([]);
    },
  );

  it('when an image is created or a refused method is called with a chunked form body, then 400 Malformed JSON', async () => {
    const type = headers('application/x-www-form-urlencoded');
    for (const path of ['/v2/images', `/v2/images/${imageId}`]) {
      const res = await server.send('POST', path, type, undefined, ['{"name": "x"}']);
      expect(res.status).toBe(400);
      expect(res.body).toBe(MALFORMED);
    }
  });

  it.each([
    ['the form body comes with a Content-Length', 'application/x-www-form-urlencoded', false],
    ['the media type is not lower case', 'Application/X-WWW-Form-Urlencoded', true],
    ['the media type is another multipart one', 'multipart/mixed', true],
  ])('when %s, then the JSON is read', async (_label, type, chunked) => {
    const body = `{"member": "read-${type.length}-${chunked}"}`;
    const res = chunked
      ? await server.send('POST', `/v2/images/${imageId}/members`, headers(type), undefined, [body])
      : await server.send('POST', `/v2/images/${imageId}/members`, headers(type), body);
    expect(res.status).toBe(200);
  });

  it('when a member status is set with a chunked form body, then it is read (only POST is parsed as a form)', async () => {
    await server.send('POST', `/v2/images/${imageId}/members`, headers('application/json'), '{"member": "member-project"}');
    const res = await server.send(
      'PUT',
      `/v2/images/${imageId}/members/member-project`,
      { ...personas.member, 'Content-Type': 'application/x-www-form-urlencoded' },
      undefined,
      ['{"status": "accepted"}'],
    );
    expect(res.status).toBe(200);
  });

  it.each(['multipart/form-data', 'multipart/form-data; charset=utf-8', 'multipart/form-data; boundary='])(
    'when a POST comes as %s (no valid boundary), then an empty text/plain 500 without a request id, even on an unknown path',
    async (type) => {
      for (const path of [`/v2/images/${imageId}/members`, '/v2/no-such-thing']) {
        const res = await server.send('POST', path, headers(type), '{"member": "x"}');
        expect(res.status).toBe(500);
        expect(res.body).toBe('');
        expect(res.headers['content-type']).toBe('text/plain');
        expect(res.headers['x-openstack-request-id']).toBeUndefined();
      }
      expect((await server.send('POST', `/v2/images/${imageId}/members`, { 'Content-Type': type }, '{}')).status).toBe(401);
    },
  );
});
