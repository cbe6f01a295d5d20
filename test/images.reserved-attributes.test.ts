/**
 * What Glance Zed refuses to let a client set, on create and on patch, each
 * in its own words and order (probed on the real server, legacy policy and
 * secure RBAC alike): the `os_glance` namespace, read-only columns and
 * `locations`.
 */
import request from 'supertest';
import { ClockedGlance } from './helpers/images';
import { identity, personas } from './helpers/personas';

const RESERVED_ON_CREATE = {
  plain: "403 Forbidden\n\nAccess was denied to this resource.\n\n Attribute 'os_glance_foo' is reserved.  ",
  json: '{"message": "Access was denied to this resource.<br /><br />\\nAttribute \'os_glance_foo\' is reserved.\\n\\n", "code": "403 Forbidden", "title": "Forbidden"}',
  html:
    '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  ' +
    'Access was denied to this resource.<br /><br />\nAttribute &#x27;os_glance_foo&#x27; is reserved.\n\n\n </body>\n</html>',
};
const plain = (line: string, message: string) => `${line}\n\n${message}\n\n   `;
const deniedPlain = (line: string, detail: string) => `${line}\n\nAccess was denied to this resource.\n\n ${detail}  `;

function create(glance: ClockedGlance, body: unknown, accept?: string) {
  const req = request(glance.app).post('/v2/images').set(personas.owner);
  if (accept) req.set('Accept', accept);
  return req.send(JSON.stringify(body));
}

const answer = (res: { status: number; text: string }) => [res.status, res.text];

describe('POST /v2/images with a reserved or read-only attribute', () => {
  let glance: ClockedGlance;
  beforeEach(() => {
    glance = new ClockedGlance();
  });

  it('when a property is in the os_glance namespace, then 403 "Attribute is reserved." after webob\'s denial, in each format', async () => {
    const body = { name: 'x', os_glance_foo: 'bar' };
    expect(answer(await create(glance, body))).toEqual([403, RESERVED_ON_CREATE.plain]);
    expect(answer(await create(glance, body, 'application/json'))).toEqual([403, RESERVED_ON_CREATE.json]);
    expect(answer(await create(glance, body, 'text/html'))).toEqual([403, RESERVED_ON_CREATE.html]);
  });

  it('when the name is just the prefix, or the prefix with a dash, then reserved too; another case is a plain property', async () => {
    for (const key of ['os_glance', 'os_glance_', 'os_glance-foo', 'os_glance_import_task']) {
      expect(answer(await create(glance, { [key]: 'v' }))).toEqual([403, deniedPlain('403 Forbidden', `Attribute '${key}' is reserved.`)]);
    }
    const res = await create(glance, { OS_GLANCE_foo: 'v', Status: 'v' });
    expect([res.status, res.body.OS_GLANCE_foo, res.body.Status, res.body.status]).toEqual([201, 'v', 'v', 'queued']);
  });

  it('when keys are too long and reserved, then the first of them in body order decides', async () => {
    const long = 'k'.repeat(256);
    expect(answer(await create(glance, { os_glance_x: 'v', [long]: 'v' }))).toEqual([
      403,
      deniedPlain('403 Forbidden', "Attribute 'os_glance_x' is reserved."),
    ]);
    expect(answer(await create(glance, { [long]: 'v', os_glance_x: 'v' }))).toEqual([
      400,
      plain('400 Bad Request', 'Custom property should not be greater than 255 characters.'),
    ]);
    expect(answer(await create(glance, { os_glance_x: 'v', deleted: 'v' }))).toEqual([
      403,
      deniedPlain('403 Forbidden', "Attribute 'os_glance_x' is reserved."),
    ]);
  });

  it('when the body also breaks the schema, then the schema answers first (400)', async () => {
    const res = await create(glance, { os_glance_x: 5 });
    expect(res.status).toBe(400);
    expect(res.text).toContain("5 is not of type 'string'");
  });

  it('when a read-only column or locations comes with a refused policy, then the policy answers first', async () => {
    expect(answer(await create(glance, { status: 'queued', visibility: 'public' }))).toEqual([
      403,
      plain('403 Forbidden', 'You are not authorized to complete publicize_image action.'),
    ]);
    expect(answer(await create(glance, { locations: [], owner: 'other' }))).toEqual([
      403,
      plain('403 Forbidden', "You are not permitted to create images owned by 'other'."),
    ]);
    expect(answer(await create(glance, { locations: [], status: 'queued' }))).toEqual([
      403,
      plain('403 Forbidden', "Attribute 'status' is read-only."),
    ]);
    expect(answer(await create(glance, { size: null, checksum: null }))).toEqual([
      403,
      plain('403 Forbidden', "Attribute 'checksum' is read-only."),
    ]);
    expect(answer(await create(glance, { locations: [] }))).toEqual([403, plain('403 Forbidden', "Attribute 'locations' is reserved.")]);
  });

  it('when os_hash_algo or os_hash_value is given, then 201: kept as a property but shown as the null column, first', async () => {
    const res = await create(glance, { os_hash_algo: 'x', os_hash_value: 'y', Foo: 'z' });
    expect(res.status).toBe(201);
    expect(res.text.startsWith('{"os_hash_algo": null, "os_hash_value": null, "Foo": "z", "name": null,')).toBe(true);
  });

  it('when schema properties that are not columns are given, then they are kept as properties', async () => {
    const res = await create(glance, { kernel_id: null, os_distro: 'u', description: 'd' });
    expect(res.text.startsWith('{"kernel_id": null, "os_distro": "u", "description": "d", "name": null,')).toBe(true);
  });
});

describe('PATCH /v2/images/{id} of a reserved or read-only attribute', () => {
  let glance: ClockedGlance;
  let id: string;
  beforeEach(async () => {
    glance = new ClockedGlance();
    id = await glance.createImage({ visibility: 'shared' });
  });
  const patch = (ops: unknown, headers = personas.owner) => glance.patch(`/v2/images/${id}`, ops, headers);

  it('when a path is in the os_glance namespace, then 403 "Attribute is reserved." for every op, before any ownership check', async () => {
    for (const op of [
      { op: 'add', path: '/os_glance_foo', value: 'bar' },
      { op: 'replace', path: '/os_glance_foo', value: 'bar' },
      { op: 'remove', path: '/os_glance_foo' },
    ]) {
      expect(answer(await patch([op]))).toEqual([403, plain('403 Forbidden', "Attribute 'os_glance_foo' is reserved.")]);
    }
    expect(answer(await patch([{ op: 'add', path: '/os_glance', value: 'x' }], personas.stranger))).toEqual([
      403,
      plain('403 Forbidden', "Attribute 'os_glance' is reserved."),
    ]);
  });

  it('when os_hash_algo is patched, then read-only; stores may be set like any property', async () => {
    expect(answer(await patch([{ op: 'replace', path: '/os_hash_algo', value: 'x' }]))).toEqual([
      403,
      plain('403 Forbidden', "Attribute 'os_hash_algo' is read-only."),
    ]);
    const res = await patch([{ op: 'add', path: '/stores', value: 'x' }]);
    expect([res.status, res.body.stores]).toEqual([200, 'x']);
  });

  it('when locations are added or removed without an index, or replaced at one, then 400 invalid pointer', async () => {
    const invalid = (path: string) => [400, plain('400 Bad Request', `Invalid JSON pointer for this resource: '${path}'`)];
    expect(answer(await patch([{ op: 'add', path: '/locations', value: 'x' }]))).toEqual(invalid('/locations'));
    expect(answer(await patch([{ op: 'remove', path: '/locations' }]))).toEqual(invalid('/locations'));
    expect(answer(await patch([{ op: 'replace', path: '/locations/0', value: [] }]))).toEqual(invalid('/locations/0'));
  });

  it('when locations are replaced, added or removed, then Glance refuses each in its own words', async () => {
    expect(answer(await patch([{ op: 'replace', path: '/locations', value: [] }]))).toEqual([
      403,
      deniedPlain('403 Forbidden', 'Cannot set locations to empty list.'),
    ]);
    const location = { url: 'http://a/b', metadata: {} };
    expect(answer(await patch([{ op: 'replace', path: '/locations', value: [location] }]))).toEqual([
      403,
      plain('403 Forbidden', "It's not allowed to update locations if locations are invisible."),
    ]);
    expect(answer(await patch([{ op: 'add', path: '/locations/-', value: location }]))).toEqual([
      403,
      plain('403 Forbidden', "It's not allowed to add locations if locations are invisible."),
    ]);
    expect(answer(await patch([{ op: 'remove', path: '/locations/0' }]))).toEqual([
      403,
      plain('403 Forbidden', "It's not allowed to remove locations if locations are invisible."),
    ]);
    await glance.addMember(id, 'm1');
    expect(answer(await patch([{ op: 'remove', path: '/locations/0' }], identity('m1')))).toEqual([
      403,
      plain('403 Forbidden', 'You do not own this image'),
    ]);
  });

  it('when a location added at an index is not an object, then the schema refuses it as a list item', async () => {
    const res = await patch([{ op: 'add', path: '/locations/0', value: 'x' }]);
    expect(res.status).toBe(400);
    expect(res.text).toContain("'x' is not of type 'object'  Failed validating 'type' in schema['properties']['locations']['items']:");
    expect(res.text).toContain("On instance['locations'][0]:     'x'\n\n   ");
  });

  it('under secure RBAC, when the owner removes a location, then only an admin may', async () => {
    const rbac = new ClockedGlance(undefined, { policy: 'secure-rbac' });
    const own = await rbac.createImage();
    const res = await rbac.patch(`/v2/images/${own}`, [{ op: 'remove', path: '/locations/0' }]);
    expect(answer(res)).toEqual([403, plain('403 Forbidden', 'You are not authorized to complete delete_image_location action.')]);
    const admin = await rbac.patch(`/v2/images/${own}`, [{ op: 'remove', path: '/locations/0' }], personas.admin);
    expect(answer(admin)).toEqual([403, plain('403 Forbidden', "It's not allowed to remove locations if locations are invisible.")]);
  });

  it('under secure RBAC, when a member changes locations, then the location policies refuse', async () => {
    const rbac = new ClockedGlance(undefined, { policy: 'secure-rbac' });
    const shared = await rbac.createImage({ visibility: 'shared' });
    await rbac.addMember(shared, 'm1');
    const location = { url: 'http://a/b', metadata: {} };
    const as = (ops: unknown) => rbac.patch(`/v2/images/${shared}`, ops, identity('m1'));
    expect(answer(await as([{ op: 'add', path: '/locations/-', value: location }]))).toEqual([
      403,
      plain('403 Forbidden', 'You are not authorized to complete set_image_location action.'),
    ]);
    expect(answer(await as([{ op: 'remove', path: '/locations/0' }]))).toEqual([
      403,
      plain('403 Forbidden', 'You are not authorized to complete delete_image_location action.'),
    ]);
  });
});

describe('a property named like a column', () => {
  it('when the list is filtered by os_hash_algo, then the column (null) is compared, not the property', async () => {
    const glance = new ClockedGlance();
    await glance.createImage({ os_hash_algo: 'x' });
    const res = await glance.get('/v2/images?os_hash_algo=x');
    expect([res.status, res.body.images]).toEqual([200, []]);
  });
});
