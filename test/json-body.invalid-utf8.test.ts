import { RawServer } from './helpers/raw-server';
import { personas } from './helpers/personas';

const MALFORMED = '400 Bad Request\n\nMalformed JSON in request body.\n\n   ';
const PATCH_21 = 'application/openstack-images-v2.1-json-patch';
const PATCH_20 = 'application/openstack-images-v2.0-json-patch';
const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('a JSON body that is not UTF-8', () => {
  let server: RawServer;
  let imageId: string;
  const json = (type = 'application/json') => ({ ...personas.owner, 'Content-Type': type });

  beforeAll(async () => {
    server = await RawServer.start();
    const res = await server.send('POST', '/v2/images', json(), '{"name": "x", "visibility": "shared"}');
    imageId = JSON.parse(res.body).id;
  });
  afterAll(() => server.close());

  const listMembers = async () => JSON.parse((await server.send('GET', `/v2/images/${imageId}/members`, personas.owner)).body).members;

  it('when a member is added with the bytes FF FE in its id, then 400 Malformed JSON and nothing is stored', async () => {
    const res = await server.send('POST', `/v2/images/${imageId}/members`, json(), bytes('{"member": "', [0xff, 0xfe], '"}'));
    expect(res.status).toBe(400);
    expect(res.body).toBe(MALFORMED);
    expect(await listMembers()).toEqual([]);
  });

  it.each<[string, string, () => string, string, Buffer]>([
    [
      'a member status',
      'PUT',
      () => `/v2/images/${imageId}/members/member-project`,
      'application/json',
      bytes('{"status": "', [0xff], '"}'),
    ],
    ['an image create', 'POST', () => '/v2/images', 'application/json', bytes('{"name": "', [0xc3, 0x28], '"}')],
    [
      'a v2.1 patch',
      'PATCH',
      () => `/v2/images/${imageId}`,
      PATCH_21,
      bytes('[{"op": "add", "path": "/x", "value": "', [0xe2, 0x82], '"}]'),
    ],
    ['a v2.0 patch', 'PATCH', () => `/v2/images/${imageId}`, PATCH_20, bytes('[{"add": "/x", "value": "', [0x80], '"}]')],
    ['a method Glance refuses (405)', 'PUT', () => `/v2/images/${imageId}`, 'application/json', bytes('{"name": "', [0xff], '"}')],
    ['an encoded surrogate (ED A0 80)', 'POST', () => '/v2/images', 'application/json', bytes('{"name": "', [0xed, 0xa0, 0x80], '"}')],
    ['a UTF-8 byte order mark', 'POST', () => '/v2/images', 'application/json', bytes([0xef, 0xbb, 0xbf], '{"name": "x"}')],
  ])('when %s comes with bytes strict UTF-8 refuses, then 400 Malformed JSON', async (_label, method, path, type, body) => {
    const res = await server.send(method, path(), json(type), body);
    expect(res.status).toBe(400);
    expect(res.body).toBe(MALFORMED);
  });
});
