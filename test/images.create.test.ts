/**
 * POST /v2/images, asserted against what a real Glance Zed answers (legacy policy).
 */
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { ClockedGlance, IMAGE_KEYS, IMPORT_METHODS, START, pyJson, queuedImage } from './helpers/images';
import { ADMIN_PROJECT, OWNER, STRANGER, identity, personas, type Headers } from './helpers/personas';
import { expectMatchesSchema } from './helpers/schemas';
import {
  GENERATED_REQUEST_ID,
  NAME_SCHEMA_REPR,
  WEBOB,
  expectGlanceError,
  extraPropertyTypeError,
  ID_PATTERN,
  ID_SCHEMA_REPR,
  plainDetailError,
  schemaMismatch,
  visibilityEnumError,
  VISIBILITY_SCHEMA_REPR,
} from './helpers/webob';

const FIXED_ID = '11111111-2222-4333-8444-081462201493';
const START_TS = START;

describe('POST /v2/images', () => {
  let glance: ClockedGlance;
  beforeEach(() => {
    glance = new ClockedGlance();
  });

  const create = (body: unknown, headers: Headers = personas.owner) => glance.post('/v2/images', body, headers);

  describe('success', () => {
    it("when the owner creates a shared image, then 201 with Glance's exact body bytes, Location and import methods", async () => {
      const res = await create({ name: 'x', visibility: 'shared', id: FIXED_ID }).set('Host', 'foo.example:1234');
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.location).toBe(`http://foo.example:1234/v2/images/${FIXED_ID}`);
      expect(res.headers['openstack-image-import-methods']).toBe(IMPORT_METHODS);
      expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
      expect(res.text).toBe(pyJson(queuedImage({ id: FIXED_ID, owner: OWNER, name: 'x', visibility: 'shared', createdAt: START_TS })));
      expect(res.text).toBe(
        `{"name": "x", "disk_format": null, "container_format": null, "visibility": "shared", "size": null, ` +
          `"virtual_size": null, "status": "queued", "checksum": null, "protected": false, "min_ram": 0, "min_disk": 0, ` +
          `"owner": "owner-project", "os_hidden": false, "os_hash_algo": null, "os_hash_value": null, ` +
          `"id": "${FIXED_ID}", "created_at": "2026-03-01T10:00:00Z", "updated_at": "2026-03-01T10:00:00Z", "tags": [], ` +
          `"self": "/v2/images/${FIXED_ID}", "file": "/v2/images/${FIXED_ID}/file", "schema": "/v2/schemas/image"}`,
      );
      expectMatchesSchema('image', res.body);
    });

    it('when no Host header is set by the test, then Location is built from the Host the client sent', async () => {
      const res = await create({ name: 'x' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/v2/images/${res.body.id}$`));
    });

    it("when the image is created, then the body keys come in Glance's order with a lowercase uuid4 id", async () => {
      const res = await create({ name: 'x' });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(IMAGE_KEYS);
      expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(res.body.self).toBe(`/v2/images/${res.body.id}`);
      expectMatchesSchema('image', res.body);
    });

    it("when no visibility is given, then the image is shared (Glance's default)", async () => {
      const res = await create({ name: 'x' });
      expect(res.status).toBe(201);
      expect(res.body.visibility).toBe('shared');
      expectMatchesSchema('image', res.body);
    });

    it('when the body is an empty object, then 201 with name null, shared, owned by the caller', async () => {
      const res = await create({ id: FIXED_ID });
      expect(res.status).toBe(201);
      expect(res.text).toBe(pyJson(queuedImage({ id: FIXED_ID, owner: OWNER, name: null, createdAt: START_TS })));
      expectMatchesSchema('image', res.body);
    });

    it('when the name is null, then 201 with name null', async () => {
      const res = await create({ name: null });
      expect(res.status).toBe(201);
      expect(res.body.name).toBeNull();
      expectMatchesSchema('image', res.body);
    });

    it.each(['private', 'community', 'shared'])('when a non-admin creates a %s image, then 201', async (visibility) => {
      const res = await create({ name: 'x', visibility });
      expect(res.status).toBe(201);
      expect(res.body.visibility).toBe(visibility);
      expect(res.body.owner).toBe(OWNER);
      expectMatchesSchema('image', res.body);
    });

    it("when an admin creates a public image, then 201 owned by the admin's project", async () => {
      const res = await create({ name: 'x', visibility: 'public' }, personas.admin);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ visibility: 'public', owner: ADMIN_PROJECT });
      expectMatchesSchema('image', res.body);
    });

    it('when custom properties are given, then they come first, in request order, before name', async () => {
      const res = await create({ zeta: '1', name: 'x', alpha: '2', mid: '3', visibility: 'shared' });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['zeta', 'alpha', 'mid', ...IMAGE_KEYS]);
      expect(res.text.startsWith('{"zeta": "1", "alpha": "2", "mid": "3", "name": "x", "disk_format": null, ')).toBe(true);
      expectMatchesSchema('image', res.body);
    });

    it('when custom properties are given, then GET and the list show them first in the same order', async () => {
      const id = (await create({ zeta: '1', name: 'x', alpha: '2', mid: '3' })).body.id as string;
      const shown = await glance.get(`/v2/images/${id}`);
      expect(shown.status).toBe(200);
      expect(Object.keys(shown.body)).toEqual(['zeta', 'alpha', 'mid', ...IMAGE_KEYS]);
      const listed = await glance.get('/v2/images');
      expect(listed.status).toBe(200);
      expect(Object.keys(listed.body.images[0])).toEqual(['zeta', 'alpha', 'mid', ...IMAGE_KEYS]);
    });

    it('when a custom property is "foo": "bar", then it is the first key of the body', async () => {
      const res = await create({ name: 'x', foo: 'bar' });
      expect(res.status).toBe(201);
      expect(res.text.startsWith('{"foo": "bar", "name": "x", ')).toBe(true);
    });

    it('when the name and properties are not ASCII, then they are written as raw UTF-8, not \\u escapes', async () => {
      const res = await create({ name: 'café', zé: 'ü' });
      expect(res.status).toBe(201);
      expect(res.text.startsWith('{"zé": "ü", "name": "café", "disk_format": null, ')).toBe(true);
    });

    it('when the name is 255 characters, then 201', async () => {
      const res = await create({ name: 'n'.repeat(255) });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('n'.repeat(255));
    });

    it('when a custom property key is 255 characters or its value 256, then 201', async () => {
      const res = await create({ ['k'.repeat(255)]: 'v', foo: 'v'.repeat(256) });
      expect(res.status).toBe(201);
      expect(res.body['k'.repeat(255)]).toBe('v');
      expect(res.body.foo).toBe('v'.repeat(256));
    });

    it('when an id is given, then the image gets that id', async () => {
      const res = await create({ name: 'x', id: FIXED_ID });
      expect(res.status).toBe(201);
      expect(res.body.id).toBe(FIXED_ID);
      expect(res.headers.location).toMatch(new RegExp(`/v2/images/${FIXED_ID}$`));
    });

    it('when os_hidden is true, then 201 with os_hidden true', async () => {
      const res = await create({ name: 'x', os_hidden: true });
      expect(res.status).toBe(201);
      expect(res.body.os_hidden).toBe(true);
      expectMatchesSchema('image', res.body);
    });

    it('when the request Content-Type is text/plain, then the JSON body is still read (201)', async () => {
      const res = await request(glance.app).post('/v2/images').set(personas.owner).set('Content-Type', 'text/plain').send('{"name": "x"}');
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('x');
    });

    it('when the body is sent chunked, then 201', async () => {
      // Writing the body in pieces makes Node send it with Transfer-Encoding: chunked.
      const req = request(glance.app).post('/v2/images').set(personas.owner);
      req.write('{"name": ');
      req.write('"ch"}');
      const res = await req;
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('ch');
    });

    it.each<[string, Headers]>([
      ['a stranger', personas.stranger],
      ['a reader-only caller', identity(STRANGER, 'reader')],
      ['a caller with no roles', identity(STRANGER, '')],
    ])('when %s creates an image, then 201 (legacy policy lets any project create)', async (_label, headers) => {
      const res = await create({ name: 'x' }, headers);
      expect(res.status).toBe(201);
      expect(res.body.owner).toBe(STRANGER);
    });

    it('when the caller has no project, then 201 with owner null', async () => {
      const res = await create({ name: 'x' }, { 'X-Identity-Status': 'Confirmed', 'X-Roles': 'member,reader' });
      expect(res.status).toBe(201);
      expect(res.body.owner).toBeNull();
      expectMatchesSchema('image', res.body);
    });
  });

  describe('owner and visibility rules', () => {
    it('when an admin sets owner null, then 201 with owner null', async () => {
      const res = await create({ name: 'x', visibility: 'shared', owner: null }, personas.admin);
      expect(res.status).toBe(201);
      expect(res.body.owner).toBeNull();
      expectMatchesSchema('image', res.body);
    });

    it('when an admin sets another owner, then 201 owned by that project', async () => {
      const res = await create({ name: 'x', visibility: 'shared', owner: 'other' }, personas.admin);
      expect(res.status).toBe(201);
      expect(res.body.owner).toBe('other');
    });

    it('when the admin role is spelled ADMIN, then the caller is an admin', async () => {
      const res = await create({ name: 'x', owner: 'other' }, identity(STRANGER, 'ADMIN'));
      expect(res.status).toBe(201);
      expect(res.body.owner).toBe('other');
    });

    it('when a non-admin sets its own project as owner, then 201', async () => {
      const res = await create({ name: 'x', visibility: 'shared', owner: OWNER });
      expect(res.status).toBe(201);
      expect(res.body.owner).toBe(OWNER);
    });

    it('when a non-admin sets another owner, then 403 naming that owner', async () => {
      const res = await create({ name: 'x', visibility: 'shared', owner: 'other' });
      expectGlanceError(res, 403, "You are not permitted to create images owned by 'other'.");
      expect(res.text).toBe("403 Forbidden\n\nYou are not permitted to create images owned by 'other'.\n\n   ");
    });

    it("when a non-admin sets owner null, then 403 naming Python's None", async () => {
      const res = await create({ name: 'x', owner: null });
      expect(res.text).toBe("403 Forbidden\n\nYou are not permitted to create images owned by 'None'.\n\n   ");
      expectGlanceError(res, 403, "You are not permitted to create images owned by 'None'.");
    });

    it('when a non-admin creates a public image, then 403 publicize_image', async () => {
      const res = await create({ name: 'x', visibility: 'public' });
      expect(res.text).toBe('403 Forbidden\n\nYou are not authorized to complete publicize_image action.\n\n   ');
      expectGlanceError(res, 403, 'You are not authorized to complete publicize_image action.');
    });

    it('when a non-admin creates a public image owned by another project, then the publicize 403 comes first', async () => {
      const res = await create({ visibility: 'public', owner: 'other' });
      expectGlanceError(res, 403, 'You are not authorized to complete publicize_image action.');
    });

    it('when nothing was created because of a 403, then the image list stays empty', async () => {
      await create({ name: 'x', visibility: 'public' });
      await create({ name: 'x', owner: 'other' });
      const list = await glance.get('/v2/images', personas.admin);
      expect(list.body.images).toEqual([]);
    });
  });

  describe("schema errors (400, texts of Python's jsonschema)", () => {
    it('when visibility is not one of the four, then 400 with the enum failure', async () => {
      const res = await create({ name: 'x', visibility: 'bogus' });
      expect(res.text).toBe(
        "400 Bad Request\n\nProvided object does not match schema 'image': 'bogus' is not one of ['community', 'public', 'private', 'shared']  " +
          "Failed validating 'enum' in schema['properties']['visibility']:     {'description': 'Scope of image accessibility',      " +
          "'enum': ['community', 'public', 'private', 'shared'],      'type': 'string'}  On instance['visibility']:     'bogus'\n\n   ",
      );
      expectGlanceError(res, 400, visibilityEnumError("'bogus'"));
    });

    it("when visibility is bogus and JSON is accepted, then the message keeps jsonschema's newlines", async () => {
      const res = await create({ name: 'x', visibility: 'bogus' }, { ...personas.owner, Accept: 'application/json' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body.message).toBe(
        "Provided object does not match schema 'image': 'bogus' is not one of ['community', 'public', 'private', 'shared']\n\n" +
          "Failed validating 'enum' in schema['properties']['visibility']:\n    {'description': 'Scope of image accessibility',\n" +
          "     'enum': ['community', 'public', 'private', 'shared'],\n     'type': 'string'}\n\n" +
          "On instance['visibility']:\n    'bogus'<br /><br />\n\n\n",
      );
      expectGlanceError(res, 400, visibilityEnumError("'bogus'"), 'json');
    });

    it('when visibility is null, then 400 None is not of type string', async () => {
      const res = await create({ name: 'x', visibility: null });
      expectGlanceError(
        res,
        400,
        schemaMismatch(
          "None is not of type 'string'",
          'type',
          "['properties']['visibility']",
          VISIBILITY_SCHEMA_REPR,
          "['visibility']",
          'None',
        ),
      );
    });

    it('when the name is 256 characters, then 400 is too long', async () => {
      const name = 'n'.repeat(256);
      const res = await create({ name });
      expectGlanceError(
        res,
        400,
        schemaMismatch(`'${name}' is too long`, 'maxLength', "['properties']['name']", NAME_SCHEMA_REPR, "['name']", `'${name}'`),
      );
      expect(res.text).toContain(
        `'${name}' is too long  Failed validating 'maxLength' in schema['properties']['name']:     {'description': 'Descriptive name for the image',      'maxLength': 255,      'type': ['null', 'string']}  On instance['name']:     '${name}'\n\n   `,
      );
    });

    it('when the name is a number, then 400 is not of type null, string', async () => {
      const res = await create({ name: 5 });
      expectGlanceError(
        res,
        400,
        schemaMismatch("5 is not of type 'null', 'string'", 'type', "['properties']['name']", NAME_SCHEMA_REPR, "['name']", '5'),
      );
    });

    it.each<[string, unknown, string]>([
      ['a number', 123, '123'],
      ['null', null, 'None'],
      ['true', true, 'True'],
      ['an object', {}, '{}'],
    ])('when a custom property is %s, then 400 in Python repr', async (_label, value, repr) => {
      const res = await create({ name: 'x', foo: value });
      expectGlanceError(res, 400, extraPropertyTypeError('foo', repr));
    });

    it("when a custom property is a number, then the plain text is exactly Glance's", async () => {
      const res = await create({ name: 'x', foo: 123 });
      expect(res.text).toBe(
        "400 Bad Request\n\nProvided object does not match schema 'image': 123 is not of type 'string'  Failed validating 'type' in " +
          "schema['additionalProperties']:     {'type': 'string'}  On instance['foo']:     123\n\n   ",
      );
    });

    it('when the id is not a uuid, then 400 does not match the pattern', async () => {
      const res = await create({ name: 'x', id: 'abc' });
      expectGlanceError(
        res,
        400,
        schemaMismatch(`'abc' does not match '${ID_PATTERN}'`, 'pattern', "['properties']['id']", ID_SCHEMA_REPR, "['id']", "'abc'"),
      );
    });

    it('when a custom property key is 256 characters, then 400 Custom property should not be greater than 255', async () => {
      const res = await create({ name: 'x', ['k'.repeat(256)]: 'v' });
      expect(res.text).toBe('400 Bad Request\n\nCustom property should not be greater than 255 characters.\n\n   ');
      expectGlanceError(res, 400, 'Custom property should not be greater than 255 characters.');
    });

    it('when a 256-character key comes with a bad visibility, then the schema 400 comes first', async () => {
      const res = await create({ ['k'.repeat(256)]: 'v', visibility: 'bogus' });
      expectGlanceError(res, 400, visibilityEnumError("'bogus'"));
    });

    it('when a 256-character key comes with a read-only or reserved attribute or another owner, then the key 400 comes first', async () => {
      for (const extra of [{ status: 'active' }, { location: 'x' }, { owner: 'other' }]) {
        const res = await create({ ['k'.repeat(256)]: 'v', ...extra });
        expectGlanceError(res, 400, 'Custom property should not be greater than 255 characters.');
      }
    });
  });

  describe('duplicate ids (409)', () => {
    it('when the same id is created again by the same project, then 409 already exists!', async () => {
      expect((await create({ name: 'x', id: FIXED_ID })).status).toBe(201);
      const res = await create({ name: 'x', id: FIXED_ID });
      expect(res.text).toBe(`409 Conflict\n\nImage ID ${FIXED_ID} already exists!\n\n   `);
      expectGlanceError(res, 409, `Image ID ${FIXED_ID} already exists!`);
    });

    it('when another project reuses the id, then 409 too', async () => {
      await create({ name: 'x', id: FIXED_ID });
      expectGlanceError(await create({ name: 'x', id: FIXED_ID }, personas.stranger), 409, `Image ID ${FIXED_ID} already exists!`);
    });

    it('when the image with that id was deleted, then the id still cannot be reused (409)', async () => {
      await create({ name: 'x', id: FIXED_ID });
      expect((await glance.delete(`/v2/images/${FIXED_ID}`)).status).toBe(204);
      expectGlanceError(await create({ name: 'x', id: FIXED_ID }), 409, `Image ID ${FIXED_ID} already exists!`);
    });

    it('when the reused id comes with another owner or public visibility, then the 403 comes before the 409', async () => {
      await create({ name: 'x', id: FIXED_ID });
      expectGlanceError(await create({ id: FIXED_ID, owner: 'other' }), 403, "You are not permitted to create images owned by 'other'.");
      expectGlanceError(
        await create({ id: FIXED_ID, visibility: 'public' }),
        403,
        'You are not authorized to complete publicize_image action.',
      );
    });
  });

  describe('read-only and reserved attributes (403)', () => {
    it.each(['status', 'created_at', 'updated_at', 'size'])('when the body sets %s, then 403 Attribute is read-only', async (attribute) => {
      const value = attribute === 'size' ? 5 : attribute === 'status' ? 'active' : '2020-01-01T00:00:00Z';
      const res = await create({ name: 'x', [attribute]: value });
      expect(res.text).toBe(`403 Forbidden\n\nAttribute '${attribute}' is read-only.\n\n   `);
      expectGlanceError(res, 403, `Attribute '${attribute}' is read-only.`);
    });

    it.each(['self', 'schema', 'file', 'direct_url'])('when the body sets %s, then 403 Attribute is read-only', async (attribute) => {
      const res = await create({ name: 'x', [attribute]: 'y' });
      expectGlanceError(res, 403, `Attribute '${attribute}' is read-only.`);
    });

    it('when self comes with a bad name, then the read-only 403 comes before the schema 400', async () => {
      expectGlanceError(await create({ self: 'y', name: 5 }), 403, "Attribute 'self' is read-only.");
    });

    it('when status comes with a bad name, then the schema 400 comes before the read-only 403', async () => {
      const res = await create({ status: 'active', name: 5 });
      expect(res.status).toBe(400);
      expect(res.text).toContain("5 is not of type 'null', 'string'");
    });

    it("when the body sets location, then 403 with webob's explanation and the reserved detail", async () => {
      const res = await create({ name: 'x', location: 'http://x' });
      expect(res.text).toBe("403 Forbidden\n\nAccess was denied to this resource.\n\n Attribute 'location' is reserved.  ");
      expect(res.text).toBe(plainDetailError(403, WEBOB.accessDenied, "Attribute 'location' is reserved."));
      expectGlanceError(res, 403, WEBOB.accessDenied, 'plain', "Attribute 'location' is reserved.");
    });

    it('when the body sets location and JSON is accepted, then the detail follows the <br /> line', async () => {
      const res = await create({ name: 'x', location: 'http://x' }, { ...personas.owner, Accept: 'application/json' });
      expect(res.text).toBe(
        '{"message": "Access was denied to this resource.<br /><br />\\nAttribute \'location\' is reserved.\\n\\n", "code": "403 Forbidden", "title": "Forbidden"}',
      );
    });

    it.each(['deleted', 'deleted_at'])('when the body sets %s as a string, then 403 reserved with detail', async (attribute) => {
      const res = await create({ name: 'x', [attribute]: 'x' });
      expectGlanceError(res, 403, WEBOB.accessDenied, 'plain', `Attribute '${attribute}' is reserved.`);
    });

    it('when the body sets locations, then 403 reserved without a detail', async () => {
      const res = await create({ name: 'x', locations: [] });
      expect(res.text).toBe("403 Forbidden\n\nAttribute 'locations' is reserved.\n\n   ");
    });

    it('when status and locations are both set, then the read-only 403 comes first', async () => {
      expectGlanceError(await create({ status: 'active', locations: [] }), 403, "Attribute 'status' is read-only.");
    });
  });

  describe('body shapes', () => {
    it('when the body is an empty JSON array, then 500 (Glance breaks on a list)', async () => {
      const res = await create('[]');
      expect(res.text).toBe(
        '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ',
      );
      expectGlanceError(res, 500, WEBOB.serverError);
      expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    });

    it('when the body is a list naming a read-only key, then 403 read-only', async () => {
      expectGlanceError(await create('["self"]'), 403, "Attribute 'self' is read-only.");
    });

    it.each(['"str"', '123', 'null', 'true'])('when the body is %s, then 400 Unexpected body type', async (body) => {
      const res = await create(body);
      expect(res.text).toBe('400 Bad Request\n\nUnexpected body type. Expected list/dict.\n\n   ');
      expectGlanceError(res, 400, 'Unexpected body type. Expected list/dict.');
    });

    it('when the JSON is malformed, then 400 Malformed JSON', async () => {
      expectGlanceError(await create('{bad'), 400, 'Malformed JSON in request body.');
    });

    it('when there is no body, then 400 Body expected', async () => {
      const res = await create(undefined);
      expect(res.text).toBe('400 Bad Request\n\nBody expected in request.\n\n   ');
      expectGlanceError(res, 400, 'Body expected in request.');
    });

    it('when there is no body but a JSON Content-Type, then 400 Body expected', async () => {
      const res = await request(glance.app).post('/v2/images').set(personas.owner).set('Content-Type', 'application/json');
      expectGlanceError(res, 400, 'Body expected in request.');
    });

    it('when no identity is sent, then 401 before anything else', async () => {
      const res = await request(new GlanceClient().app).post('/v2/images').send('{bad');
      expectGlanceError(res, 401, WEBOB.unauthorized);
      expect(res.headers['x-openstack-request-id']).toBeUndefined();
    });
  });
});
