/**
 * Namespace names, the bound on how many exist, and the control routes that
 * list and drop them: answers of the mock's own API, RFC 9457 problem details
 * naming the field; a refused request makes nothing.
 */
import request from 'supertest';
import { createGlanceMock } from '../src';
import { personas } from './helpers/personas';

const PROBLEM = 'application/problem+json';
const RULE = "1 to 63 characters among letters, digits, '-', '_' and '.', starting with a letter or a digit";

describe('namespace names', () => {
  it.each([
    ['/_ns/bad%20name/v2/images', '"bad name"'],
    ['/_ns/-lead/v2/images', '"-lead"'],
    ['/_ns/caf%C3%A9/v2/images', '"café"'],
    [`/_ns/${'n'.repeat(64)}/v2/images`, `"${'n'.repeat(64)}"`],
  ])('when the path is %s, then a 400 naming the namespace, and no namespace is made', async (path, shown) => {
    const mock = createGlanceMock();
    const res = await request(mock.app).get(path).set(personas.owner);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe(PROBLEM);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: `namespace: the namespace name ${shown} is not valid: ${RULE}.`,
      field: 'namespace',
    });
    expect(mock.namespaces()).toEqual([]);
  });

  it.each(['/_ns', '/_ns/', '/_ns//v2/images'])(
    'when the path is %s, without a name, then a 400 saying a name must follow',
    async (path) => {
      const res = await request(createGlanceMock().app).get(path);
      expect(res.status).toBe(400);
      expect(res.body.detail).toBe(`namespace: a name must follow /_ns/ (${RULE}).`);
    },
  );

  it('when the header names a bad namespace, then a 400 naming the header', async () => {
    const res = await request(createGlanceMock().app).get('/v2/images').set(personas.owner).set('X-Glance-Mock-Namespace', 'a/b');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      field: 'X-Glance-Mock-Namespace',
      detail: `X-Glance-Mock-Namespace: the namespace name "a/b" is not valid: ${RULE}.`,
    });
  });

  it('when the header and the path name different namespaces, then a 400 naming the header', async () => {
    const mock = createGlanceMock();
    const res = await request(mock.app).get('/_ns/a/v2/images').set(personas.owner).set('X-Glance-Mock-Namespace', 'b');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('X-Glance-Mock-Namespace: names the namespace "b" but the path names "a".');
    expect(mock.namespaces()).toEqual([]);
  });

  it('when a bad name is asked for in process, then it throws naming it', () => {
    expect(() => createGlanceMock().namespace('no spaces')).toThrow(`name: the namespace name "no spaces" is not valid: ${RULE}.`);
  });
});

describe('the bound on namespaces (maxNamespaces)', () => {
  it('when one namespace more than the bound is used, then a 409 naming the option, until one is dropped', async () => {
    const mock = createGlanceMock({ maxNamespaces: 2 });
    for (const name of ['a', 'b']) expect((await request(mock.app).get(`/_ns/${name}/v2/images`).set(personas.owner)).status).toBe(200);
    const refused = await request(mock.app).get('/_ns/c/v2/images').set(personas.owner);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toBe(PROBLEM);
    expect(refused.body).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail:
        'namespace: cannot make namespace "c": 2 namespaces exist, the most allowed (option maxNamespaces / --max-namespaces is 2); ' +
        'drop one with DELETE /_mock/namespaces/{name}.',
      field: 'namespace',
    });
    const byHeader = await request(mock.app).get('/v2/images').set(personas.owner).set('X-Glance-Mock-Namespace', 'c');
    expect(byHeader.status).toBe(409);
    expect(byHeader.body.field).toBe('X-Glance-Mock-Namespace');
    expect(mock.namespaces().map((ns) => ns.name)).toEqual(['a', 'b']);
    expect((await request(mock.app).delete('/_mock/namespaces/a')).status).toBe(204);
    expect((await request(mock.app).get('/_ns/c/v2/images').set(personas.owner)).status).toBe(200);
  });

  it('when the bound is 0, then the default namespace still serves and no other can be made', async () => {
    const mock = createGlanceMock({ maxNamespaces: 0 });
    expect((await request(mock.app).get('/v2/images').set(personas.owner)).status).toBe(200);
    expect((await request(mock.app).get('/_ns/a/v2/images').set(personas.owner)).status).toBe(409);
  });

  it.each([-1, 2.5, '3'])('when maxNamespaces is %p, then the mock refuses to start, naming it', (value) => {
    expect(() => createGlanceMock({ maxNamespaces: value as number })).toThrow(
      `maxNamespaces must be a non-negative integer (got ${value})`,
    );
  });
});

describe('GET and DELETE /_mock/namespaces', () => {
  it('when namespaces were used, then GET lists them by name with the bound', async () => {
    const mock = createGlanceMock();
    await request(mock.app).get('/_ns/gw0/v2/images');
    await request(mock.app).get('/v2/images').set('X-Glance-Mock-Namespace', 'gw1');
    const res = await request(mock.app).get('/_mock/namespaces');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      namespaces: [
        { name: 'gw0', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
        { name: 'gw1', createdAt: expect.any(String) },
      ],
      limit: 64,
    });
  });

  it('when a namespace is dropped, then it is gone and its next use starts again from the start-up seed', async () => {
    const mock = createGlanceMock();
    await request(mock.app).post('/_ns/a/v2/images').set(personas.owner).send('{}');
    expect((await request(mock.app).delete('/_mock/namespaces/a')).status).toBe(204);
    expect(mock.namespaces()).toEqual([]);
    expect((await request(mock.app).get('/_ns/a/v2/images').set(personas.owner)).body.images).toEqual([]);
  });

  it('when DELETE /_mock/namespaces is sent, then every namespace is dropped and the default one keeps its state', async () => {
    const mock = createGlanceMock();
    await request(mock.app).post('/v2/images').set(personas.owner).send('{}');
    await request(mock.app).get('/_ns/a/v2/images');
    await request(mock.app).get('/_ns/b/v2/images');
    expect((await request(mock.app).delete('/_mock/namespaces')).status).toBe(204);
    expect(mock.namespaces()).toEqual([]);
    expect((await request(mock.app).get('/v2/images').set(personas.owner)).body.images).toHaveLength(1);
  });

  it('when an unknown namespace is dropped, then a 404 naming it', async () => {
    const res = await request(createGlanceMock().app).delete('/_mock/namespaces/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'name: there is no namespace "nope".',
      field: 'name',
    });
  });

  it('when a bad name is dropped, then a 400 naming it', async () => {
    const res = await request(createGlanceMock().app).delete('/_mock/namespaces/a%20b');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(`name: the namespace name "a b" is not valid: ${RULE}.`);
  });

  it.each([
    ['post', '/_mock/namespaces', 'GET, HEAD, DELETE', 'POST is not allowed on /namespaces'],
    ['get', '/_mock/namespaces/a', 'DELETE', 'GET is not allowed on /namespaces/{name}'],
  ] as const)('when %s %s, then a 405 with Allow', async (method, path, allow, detail) => {
    const res = await request(createGlanceMock().app)[method](path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body.detail).toBe(`method: ${detail} (allowed: ${allow}).`);
  });

  it('when the routes are reached through a namespace, then they act on all namespaces alike and make none', async () => {
    const mock = createGlanceMock();
    await request(mock.app).get('/_ns/b/v2/images');
    const res = await request(mock.app).get('/_ns/a/_mock/namespaces');
    expect(res.body.namespaces.map((ns: { name: string }) => ns.name)).toEqual(['b']);
  });
});

describe('image data in namespaces', () => {
  it('when namespaces hold image data, then together they stay under dataMemoryLimit, and dropping one frees its share', async () => {
    const mock = createGlanceMock({ dataMemoryLimit: 100 });
    const upload = async (ns: string) => {
      const created = await request(mock.app)
        .post(`/_ns/${ns}/v2/images`)
        .set(personas.owner)
        .send('{"disk_format": "raw", "container_format": "bare"}');
      return request(mock.app)
        .put(`/_ns/${ns}/v2/images/${created.body.id}/file`)
        .set(personas.owner)
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.alloc(60));
    };
    expect((await upload('a')).status).toBe(204);
    expect((await upload('b')).status).toBe(413);
    await request(mock.app).delete('/_mock/namespaces/a');
    expect((await upload('b')).status).toBe(204);
  });
});
