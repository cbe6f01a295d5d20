/**
 * Namespaces: `/_ns/{name}/...` in front of any path, or the header
 * X-Glance-Mock-Namespace, selects an isolated copy of the mock made from the
 * start-up seed on first use; hrefs and the built-in Keystone's catalog point
 * back into it.
 */
import request from 'supertest';
import { createGlanceMock } from '../src';
import { adminScope, HOST, IDS, KEYSTONE_SEED, passwordAuth, postTokens } from './helpers/keystone';
import { personas } from './helpers/personas';

const SEEDED_IMAGES = KEYSTONE_SEED.images?.length ?? 0;
const mockWithSeed = () => createGlanceMock({ seed: KEYSTONE_SEED });
const imageCount = async (app: ReturnType<typeof mockWithSeed>['app'], path: string, headers: Record<string, string> = {}) =>
  (await request(app).get(path).set(personas.admin).set(headers)).body.images.length as number;

describe('selecting a namespace', () => {
  it('when an image is created under /_ns/a, then only namespace a lists it, by path or by header', async () => {
    const mock = mockWithSeed();
    const created = await request(mock.app).post('/_ns/a/v2/images').set(personas.owner).send('{"name": "only-in-a"}');
    expect(created.status).toBe(201);
    expect(await imageCount(mock.app, '/_ns/a/v2/images')).toBe(SEEDED_IMAGES + 1);
    expect(await imageCount(mock.app, '/v2/images', { 'X-Glance-Mock-Namespace': 'a' })).toBe(SEEDED_IMAGES + 1);
    expect(await imageCount(mock.app, '/_ns/a/image/v2/images')).toBe(SEEDED_IMAGES + 1);
    expect(await imageCount(mock.app, '/_ns/b/v2/images')).toBe(SEEDED_IMAGES);
    expect(await imageCount(mock.app, '/v2/images')).toBe(SEEDED_IMAGES);
  });

  it('when a namespace is first used, then it starts from the start-up seed, whatever the default namespace did since', async () => {
    const mock = mockWithSeed();
    await request(mock.app).post('/v2/images').set(personas.owner).send('{}');
    mock.seed({ images: [{ owner: 'p1' }] });
    expect(await imageCount(mock.app, '/v2/images')).toBe(SEEDED_IMAGES + 2);
    expect(await imageCount(mock.app, '/_ns/fresh/v2/images')).toBe(SEEDED_IMAGES);
  });

  it('when a namespace is seeded or reset in process, then the others do not change', async () => {
    const mock = mockWithSeed();
    mock.namespace('a').seed({ images: [{ owner: 'p1' }, { owner: 'p1' }] });
    expect(await imageCount(mock.app, '/_ns/a/v2/images')).toBe(SEEDED_IMAGES + 2);
    expect(await imageCount(mock.app, '/_ns/b/v2/images')).toBe(SEEDED_IMAGES);
    mock.namespace('a').reset();
    expect(await imageCount(mock.app, '/_ns/a/v2/images')).toBe(SEEDED_IMAGES);
  });

  it("when a token is issued in a namespace, then the catalog points into it, and the token is that namespace's alone", async () => {
    const mock = mockWithSeed();
    const login = await postTokens(
      mock,
      passwordAuth({ name: 'admin', domain: { name: 'Default' } }, 'secret', adminScope),
      '/_ns/w-3/identity/v3/auth/tokens',
    );
    expect(login.status).toBe(201);
    const urls = (login.body.token.catalog as Array<{ type: string; endpoints: Array<{ url: string }> }>).map((service) => [
      service.type,
      [...new Set(service.endpoints.map((endpoint) => endpoint.url))],
    ]);
    expect(urls).toEqual([
      ['identity', [`http://${HOST}/_ns/w-3/identity`]],
      ['image', [`http://${HOST}/_ns/w-3/image`]],
    ]);
    const token = login.headers['x-subject-token'];
    expect((await request(mock.app).get('/_ns/w-3/v2/images').set('X-Auth-Token', token)).status).toBe(200);
    expect((await request(mock.app).get('/_ns/other/v2/images').set('X-Auth-Token', token)).status).toBe(401);
    expect((await request(mock.app).get('/v2/images').set('X-Auth-Token', token)).status).toBe(401);
    expect(login.body.token.project.id).toBe(IDS.adminProject);
  });

  it('when the version list and the /v2 redirect are asked for in a namespace, then their URLs carry its prefix', async () => {
    const mock = mockWithSeed();
    const versions = await request(mock.app).get('/_ns/a/image/versions').set('Host', HOST);
    expect(versions.body.versions[0].links[0].href).toBe(`http://${HOST}/_ns/a/image/v2/`);
    const redirect = await request(mock.app).get('/_ns/a/v2').set(personas.owner).set('Host', HOST);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe(`http://${HOST}/_ns/a/v2/`);
  });

  it("when the path is /_ns/{name} alone or with a query, then it is the namespace's root: the version list", async () => {
    const mock = mockWithSeed();
    expect((await request(mock.app).get('/_ns/a')).status).toBe(300);
    expect((await request(mock.app).get('/_ns/a?x=1')).status).toBe(300);
    expect(mock.namespaces().map((ns) => ns.name)).toEqual(['a']);
  });

  it('when a path only starts like the prefix (/_nsx/...), then it is a Glance path of the default namespace', async () => {
    const mock = mockWithSeed();
    expect((await request(mock.app).get('/_nsx/v2/images').set(personas.owner)).status).toBe(300);
    expect(mock.namespaces()).toEqual([]);
  });
});
