/**
 * PATCH and DELETE /v2/images/{image_id}, asserted against what a real Glance Zed
 * answers (legacy policy).
 */
import request from 'supertest';
import { MEMBERS_PATH, MEMBER_PATH } from './helpers/glance';
import { ClockedGlance, IMAGE_KEYS, PATCH_V20, PATCH_V21, UNKNOWN_IMAGE, addOp, patchImage, removeOp, replaceOp } from './helpers/images';
import { MEMBER, OTHER_MEMBER, OWNER, personas, type Headers } from './helpers/personas';
import { expectMatchesSchema } from './helpers/schemas';
import {
  ACCEPT_PATCH,
  GENERATED_REQUEST_ID,
  WEBOB,
  expectGlanceError,
  extraPropertyTypeError,
  plainDetailError,
  schemaMismatch,
  unsupportedMediaTypeBody,
  visibilityEnumError,
  VISIBILITY_SCHEMA_REPR,
} from './helpers/webob';

const OWNER_NOT_UPDATABLE = "Owner can't be updated by non admin.";
const LIST_FORBIDDEN = (id: string) => `Not allowed to list members for image ${id}: Only shared images have members.`;

describe('PATCH /v2/images/{image_id}', () => {
  let glance: ClockedGlance;
  let imageId: string;
  beforeEach(async () => {
    glance = new ClockedGlance();
    imageId = await glance.createImage({ name: 'orig', visibility: 'shared' });
  });

  const patch = (body: unknown, headers: Headers = personas.owner, contentType: string | null = PATCH_V21, id = imageId) =>
    patchImage(glance, id, body, headers, contentType);

  describe('media type (415)', () => {
    it.each(['application/json', 'text/plain', 'application/json-patch+json', 'APPLICATION/openstack-images-v2.1-json-patch'])(
      'when the Content-Type is %s, then 415 naming it, with Accept-Patch',
      async (contentType) => {
        const res = await patch([replaceOp('/name', 'x')], personas.owner, contentType);
        expect(res.status).toBe(415);
        expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
        expect(res.headers['accept-patch']).toBe(ACCEPT_PATCH);
        expect(res.text).toBe(unsupportedMediaTypeBody('plain', contentType));
        expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
      },
    );

    it("when the Content-Type is application/json, then the plain body is exactly Glance's", async () => {
      const res = await patch([replaceOp('/name', 'x')], personas.owner, 'application/json');
      expect(res.text).toBe('415 Unsupported Media Type\n\nThe request media type application/json is not supported by this server. \n\n ');
    });

    it('when no Content-Type is sent, then 415 says text/plain', async () => {
      const res = await patch([replaceOp('/name', 'x')], personas.owner, null);
      expect(res.status).toBe(415);
      expect(res.headers['accept-patch']).toBe(ACCEPT_PATCH);
      expect(res.text).toBe('415 Unsupported Media Type\n\nThe request media type text/plain is not supported by this server. \n\n ');
    });

    it('when the image does not exist and the Content-Type is wrong, then the 415 comes first', async () => {
      const res = await patch([replaceOp('/name', 'x')], personas.owner, 'application/json', UNKNOWN_IMAGE);
      expect(res.status).toBe(415);
      expect(res.text).toBe(unsupportedMediaTypeBody('plain', 'application/json'));
    });

    it('when the v2.1 media type carries a charset parameter, then it is accepted (200)', async () => {
      const res = await patch([], personas.owner, `${PATCH_V21}; charset=utf-8`);
      expect(res.status).toBe(200);
    });

    it('when the v2.0 media type is used with v2.1 operations, then 400 about the old format', async () => {
      const res = await patch([replaceOp('/name', 'v20')], personas.owner, PATCH_V20);
      expectGlanceError(res, 400, 'Operation objects must contain exactly one member named "add", "remove", or "replace".');
    });

    it('when the v2.0 media type is used with its own format, then 200', async () => {
      const res = await patch([{ replace: '/name', value: 'v20' }], personas.owner, PATCH_V20);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('v20');
    });
  });

  describe('operations', () => {
    it('when the owner renames the image, then 200 with the full body in GET order and updated_at moved', async () => {
      const before = await glance.get(`/v2/images/${imageId}`);
      glance.clock.advance(5000);
      const res = await patch([replaceOp('/name', 'renamed')]);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(Object.keys(res.body)).toEqual(IMAGE_KEYS);
      expect(res.body.name).toBe('renamed');
      expect(res.body.created_at).toBe(before.body.created_at);
      expect(res.body.updated_at).toBe(glance.now());
      expectMatchesSchema('image', res.body);
      const after = await glance.get(`/v2/images/${imageId}`);
      expect(after.text).toBe(res.text);
    });

    it('when the patch is an empty list, then 200 with the image unchanged (updated_at too)', async () => {
      const before = await glance.get(`/v2/images/${imageId}`);
      glance.clock.advance(5000);
      const res = await patch([]);
      expect(res.status).toBe(200);
      expect(res.text).toBe(before.text);
    });

    it('when a member sends an empty patch, then 200 (ownership is only checked per change)', async () => {
      await glance.addMember(imageId, MEMBER);
      const res = await patch([], personas.member);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(imageId);
    });

    it('when a custom property is added, then 200 with it as the first key', async () => {
      const res = await patch([addOp('/foo', 'bar')]);
      expect(res.status).toBe(200);
      expect(res.text.startsWith('{"foo": "bar", "name": "orig", ')).toBe(true);
      expectMatchesSchema('image', res.body);
    });

    it('when properties are added over several patches, then they keep insertion order and replace keeps the place', async () => {
      await patch([addOp('/b', '1'), addOp('/a', '2')]);
      await patch([addOp('/c', '1')]);
      const res = await patch([replaceOp('/b', '9')]);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['b', 'a', 'c', ...IMAGE_KEYS]);
      expect(res.body).toMatchObject({ a: '2', b: '9', c: '1' });
    });

    it('when a number is added as a custom property, then 400 with the schema text', async () => {
      const res = await patch([addOp('/foo2', 5)]);
      expectGlanceError(res, 400, extraPropertyTypeError('foo2', '5'));
      expect(res.text).toBe(
        "400 Bad Request\n\nProvided object does not match schema 'image': 5 is not of type 'string'  Failed validating 'type' in " +
          "schema['additionalProperties']:     {'type': 'string'}  On instance['foo2']:     5\n\n   ",
      );
    });

    it('when a custom property is removed, then 200 without it', async () => {
      await patch([addOp('/foo', 'bar')]);
      const res = await patch([removeOp('/foo')]);
      expect(res.status).toBe(200);
      expect(res.body.foo).toBeUndefined();
      expect(Object.keys(res.body)).toEqual(IMAGE_KEYS);
    });

    it('when a missing property is removed, then 409 with the conflict detail', async () => {
      const res = await patch([removeOp('/foo')]);
      expect(res.text).toBe(
        '409 Conflict\n\nThere was a conflict when trying to complete your request.\n\n Property foo does not exist.  ',
      );
      expectGlanceError(res, 409, WEBOB.conflict, 'plain', 'Property foo does not exist.');
    });

    it('when a missing property is replaced, then 409 with the conflict detail', async () => {
      const res = await patch([replaceOp('/nosuch', 'x')]);
      expect(res.text).toBe(plainDetailError(409, WEBOB.conflict, 'Property nosuch does not exist.'));
    });

    it('when the 409 is asked for as JSON, then the detail follows the <br /> line', async () => {
      const res = await patch([removeOp('/nope')], { ...personas.owner, Accept: 'application/json' });
      expect(res.text).toBe(
        '{"message": "There was a conflict when trying to complete your request.<br /><br />\\nProperty nope does not exist.\\n\\n", "code": "409 Conflict", "title": "Conflict"}',
      );
    });

    it('when one change of a patch fails, then none is applied', async () => {
      const before = await glance.get(`/v2/images/${imageId}`);
      glance.clock.advance(5000);
      const res = await patch([addOp('/foo', '1'), removeOp('/nosuch')]);
      expect(res.status).toBe(409);
      expect((await glance.get(`/v2/images/${imageId}`)).text).toBe(before.text);
    });

    it('when the name is replaced by null, then 200 with name null', async () => {
      const res = await patch([replaceOp('/name', null)]);
      expect(res.status).toBe(200);
      expect(res.body.name).toBeNull();
    });

    it('when the name is removed, then 403 with the detail Property name may not be removed', async () => {
      const res = await patch([removeOp('/name')]);
      expect(res.text).toBe('403 Forbidden\n\nAccess was denied to this resource.\n\n Property name may not be removed.  ');
    });

    it('when visibility is set with op add, then it acts as replace (200)', async () => {
      const res = await patch([addOp('/visibility', 'private')]);
      expect(res.status).toBe(200);
      expect(res.body.visibility).toBe('private');
    });
  });

  describe('malformed patches (400)', () => {
    it.each<[string, unknown, string]>([
      [
        'op frobnicate',
        [{ op: 'frobnicate', path: '/name', value: 'x' }],
        'Invalid operation: `frobnicate`. It must be one of the following: add, remove, replace.',
      ],
      [
        'op move',
        [{ op: 'move', from: '/name', path: '/foo' }],
        'Invalid operation: `move`. It must be one of the following: add, remove, replace.',
      ],
      [
        'no op',
        [{ path: '/name', value: 'x' }],
        'Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.',
      ],
      ['no path', [{ op: 'replace', value: 'x' }], "Unable to find 'path' in JSON Schema change"],
      ['replace without value', [{ op: 'replace', path: '/name' }], 'Operation "replace" requires a member named "value".'],
      ['add without value', [{ op: 'add', path: '/name' }], 'Operation "add" requires a member named "value".'],
      ['a path without a slash', [replaceOp('name', 'x')], 'Pointer `name` does not start with "/".'],
      ['a path ending with a slash', [replaceOp('/a/', 'x')], 'Pointer `/a/` end with "/".'],
      ['a bad ~ escape', [replaceOp('/a~2', 'x')], 'Pointer `/a~2` contains "~" not part of a recognized escape sequence.'],
      ['a nested path', [replaceOp('/a/b', 'x')], "Invalid JSON pointer for this resource: '/a/b'"],
      ['a list of strings', ['x'], 'Operations must be JSON objects.'],
      ['an object, not a list', replaceOp('/name', 'x'), 'Request body must be a JSON array of operation objects.'],
      ['malformed JSON', '[{bad', 'Malformed JSON in request body.'],
    ])('when the patch has %s, then 400', async (_label, body, message) => {
      expectGlanceError(await patch(body), 400, message);
    });

    it('when the body problems come on an unknown image, then the 400 comes before the 404', async () => {
      expectGlanceError(await patch('[{bad', personas.owner, PATCH_V21, UNKNOWN_IMAGE), 400, 'Malformed JSON in request body.');
      expectGlanceError(
        await patch(replaceOp('/name', 'x'), personas.owner, PATCH_V21, UNKNOWN_IMAGE),
        400,
        'Request body must be a JSON array of operation objects.',
      );
    });

    it('when a member sends an invalid op, then the 400 comes before the ownership 403', async () => {
      await glance.addMember(imageId, MEMBER);
      expectGlanceError(
        await patch([{ op: 'frob', path: '/x' }], personas.member),
        400,
        'Invalid operation: `frob`. It must be one of the following: add, remove, replace.',
      );
    });

    it('when the path is "/", then 409 for the empty property name', async () => {
      expect((await patch([replaceOp('/', 'x')])).text).toBe(plainDetailError(409, WEBOB.conflict, 'Property  does not exist.'));
    });
  });

  describe('read-only and reserved paths (403)', () => {
    it.each(['id', 'status', 'self', 'created_at'])('when /%s is replaced, then 403 read-only', async (attribute) => {
      const res = await patch([replaceOp(`/${attribute}`, 'x')]);
      expect(res.text).toBe(`403 Forbidden\n\nAttribute '${attribute}' is read-only.\n\n   `);
      expectGlanceError(res, 403, `Attribute '${attribute}' is read-only.`);
    });

    it('when /id is replaced on an unknown image, then the 403 comes before the 404', async () => {
      expectGlanceError(
        await patch([replaceOp('/id', 'x')], personas.owner, PATCH_V21, UNKNOWN_IMAGE),
        403,
        "Attribute 'id' is read-only.",
      );
    });

    it('when a member replaces /id, then the read-only 403 comes before the ownership 403', async () => {
      await glance.addMember(imageId, MEMBER);
      expectGlanceError(await patch([replaceOp('/id', 'x')], personas.member), 403, "Attribute 'id' is read-only.");
    });

    it('when a read-only path comes after a valid change, then 403 and nothing is applied', async () => {
      const res = await patch([replaceOp('/foo', 'x'), replaceOp('/id', 'x')]);
      expectGlanceError(res, 403, "Attribute 'id' is read-only.");
      expect((await glance.get(`/v2/images/${imageId}`)).body.name).toBe('orig');
    });

    it('when /location is replaced, then 403 reserved without a detail (unlike create)', async () => {
      const res = await patch([replaceOp('/location', 'x')]);
      expect(res.text).toBe("403 Forbidden\n\nAttribute 'location' is reserved.\n\n   ");
    });
  });

  describe('visibility', () => {
    it('when the owner makes a shared image private, then 200 and its members survive out of sight', async () => {
      await glance.addMember(imageId, MEMBER);
      await glance.addMember(imageId, OTHER_MEMBER);
      await glance.setStatus(imageId, MEMBER, 'accepted', personas.member);
      const before = (await glance.get(MEMBERS_PATH(imageId))).body.members;

      const res = await patch([replaceOp('/visibility', 'private')]);
      expect(res.status).toBe(200);
      expect(res.body.visibility).toBe('private');
      expectGlanceError(await glance.get(MEMBERS_PATH(imageId)), 403, LIST_FORBIDDEN(imageId));
      expectGlanceError(await glance.get(`/v2/images/${imageId}`, personas.member), 404, `No image found with ID ${imageId}`);

      expect((await patch([replaceOp('/visibility', 'shared')])).status).toBe(200);
      const after = await glance.get(MEMBERS_PATH(imageId));
      expect(after.status).toBe(200);
      expect(after.body.members).toEqual(before);
      expect((await glance.get(`/v2/images/${imageId}`, personas.member)).status).toBe(200);
    });

    it('when the owner makes the image community and back, then members are listed again', async () => {
      await glance.addMember(imageId, MEMBER);
      expect((await patch([replaceOp('/visibility', 'community')])).status).toBe(200);
      expectGlanceError(await glance.get(MEMBERS_PATH(imageId)), 403, LIST_FORBIDDEN(imageId));
      expect((await patch([replaceOp('/visibility', 'shared')])).status).toBe(200);
      const list = await glance.get(MEMBERS_PATH(imageId));
      expect(list.body.members.map((m: { member_id: string; status: string }) => [m.member_id, m.status])).toEqual([[MEMBER, 'pending']]);
    });

    it('when an admin makes the image public and back to shared, then members are listed again', async () => {
      await glance.addMember(imageId, MEMBER);
      expect((await patch([replaceOp('/visibility', 'public')], personas.admin)).status).toBe(200);
      expectGlanceError(await glance.get(MEMBERS_PATH(imageId)), 403, LIST_FORBIDDEN(imageId));
      expect((await patch([replaceOp('/visibility', 'shared')], personas.admin)).status).toBe(200);
      expect((await glance.get(MEMBERS_PATH(imageId))).body.members).toHaveLength(1);
    });

    it('when a non-admin makes the image public, then 403 publicize_image', async () => {
      const res = await patch([replaceOp('/visibility', 'public')]);
      expect(res.text).toBe('403 Forbidden\n\nYou are not authorized to complete publicize_image action.\n\n   ');
    });

    it('when a rename comes with a forbidden publicize, then nothing is applied', async () => {
      const res = await patch([replaceOp('/name', 'n'), replaceOp('/visibility', 'public')]);
      expectGlanceError(res, 403, 'You are not authorized to complete publicize_image action.');
      expect((await glance.get(`/v2/images/${imageId}`)).body.name).toBe('orig');
    });

    it('when a non-admin makes the image community, then 200', async () => {
      const res = await patch([replaceOp('/visibility', 'community')]);
      expect(res.status).toBe(200);
      expect(res.body.visibility).toBe('community');
    });

    it('when visibility is bogus, then 400 with the create schema text', async () => {
      expectGlanceError(await patch([replaceOp('/visibility', 'bogus')]), 400, visibilityEnumError("'bogus'"));
    });

    it('when visibility is null, then 400 None is not of type string', async () => {
      expectGlanceError(
        await patch([replaceOp('/visibility', null)]),
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
  });

  describe('owner', () => {
    it.each(['other', OWNER])('when the non-admin owner sets owner to %s, then 403 with the owner detail', async (owner) => {
      const res = await patch([replaceOp('/owner', owner)]);
      expect(res.text).toBe("403 Forbidden\n\nAccess was denied to this resource.\n\n Owner can't be updated by non admin.  ");
      expectGlanceError(res, 403, WEBOB.accessDenied, 'plain', OWNER_NOT_UPDATABLE);
    });

    it('when an admin gives the image to another project, then 200 and the old owner loses it, the members stay', async () => {
      await glance.addMember(imageId, MEMBER);
      const res = await patch([replaceOp('/owner', 'other-project')], personas.admin);
      expect(res.status).toBe(200);
      expect(res.body.owner).toBe('other-project');
      expectGlanceError(await glance.get(`/v2/images/${imageId}`), 404, `No image found with ID ${imageId}`);
      expectGlanceError(await glance.get(MEMBERS_PATH(imageId)), 404, `Image ${imageId} not found.`);
      const members = await glance.get(MEMBERS_PATH(imageId), personas.admin);
      expect(members.status).toBe(200);
      expect(members.body.members.map((m: { member_id: string }) => m.member_id)).toEqual([MEMBER]);
    });
  });

  describe('who may patch', () => {
    it('when a member renames the image, then 403 You do not own this image', async () => {
      await glance.addMember(imageId, MEMBER);
      const res = await patch([replaceOp('/name', 'm')], personas.member);
      expect(res.text).toBe('403 Forbidden\n\nYou do not own this image\n\n   ');
      expectGlanceError(res, 403, 'You do not own this image');
    });

    it('when a member changes the owner, then the owner 403 comes before the ownership 403', async () => {
      await glance.addMember(imageId, MEMBER);
      expectGlanceError(await patch([replaceOp('/owner', 'x')], personas.member), 403, WEBOB.accessDenied, 'plain', OWNER_NOT_UPDATABLE);
    });

    it('when a member makes the image public, then the publicize 403 comes before the ownership 403', async () => {
      await glance.addMember(imageId, MEMBER);
      expectGlanceError(
        await patch([replaceOp('/visibility', 'public')], personas.member),
        403,
        'You are not authorized to complete publicize_image action.',
      );
    });

    it('when a member edits a custom property that does not exist, then 403 You do not own this image', async () => {
      await glance.addMember(imageId, MEMBER);
      expectGlanceError(await patch([replaceOp('/nosuch', 'x')], personas.member), 403, 'You do not own this image');
    });

    it('when a stranger patches, then 404 No image found with ID', async () => {
      expectGlanceError(await patch([replaceOp('/name', 's')], personas.stranger), 404, `No image found with ID ${imageId}`);
    });

    it('when a stranger renames a community image it can see, then 403 You do not own this image', async () => {
      const id = await glance.createImage({ visibility: 'community' });
      expectGlanceError(await patch([replaceOp('/name', 's')], personas.stranger, PATCH_V21, id), 403, 'You do not own this image');
    });

    it("when an admin renames someone else's image, then 200", async () => {
      const res = await patch([replaceOp('/name', 'by-admin')], personas.admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'by-admin', owner: OWNER });
    });

    it.each([
      ['unknown', UNKNOWN_IMAGE],
      ['non-uuid', 'abc'],
    ])('when the image is %s, then 404 No image found with ID', async (_label, id) => {
      expectGlanceError(await patch([replaceOp('/name', 'x')], personas.owner, PATCH_V21, id), 404, `No image found with ID ${id}`);
    });

    it('when the image was deleted, then 404 No image found with ID', async () => {
      await glance.delete(`/v2/images/${imageId}`);
      expectGlanceError(await patch([replaceOp('/name', 'x')]), 404, `No image found with ID ${imageId}`);
    });
  });
});

describe('DELETE /v2/images/{image_id}', () => {
  let glance: ClockedGlance;
  let imageId: string;
  beforeEach(async () => {
    glance = new ClockedGlance();
    imageId = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(imageId, MEMBER);
  });

  const del = (id = imageId, headers: Headers = personas.owner) => glance.delete(`/v2/images/${id}`, headers);

  it("when the owner deletes the image, then 204 with webob's text/html Content-Type and an empty body", async () => {
    const res = await del();
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.headers['content-length']).toBe('0');
    expect(res.text).toBe('');
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(res.headers.location).toBeUndefined();
  });

  it("when an admin deletes someone else's image, then 204", async () => {
    const res = await del(imageId, personas.admin);
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
  });

  it('when a member deletes the image, then 403 You do not own this image and it stays', async () => {
    const res = await del(imageId, personas.member);
    expect(res.text).toBe('403 Forbidden\n\nYou do not own this image\n\n   ');
    expectGlanceError(res, 403, 'You do not own this image');
    expect((await glance.get(`/v2/images/${imageId}`)).status).toBe(200);
  });

  it('when a stranger deletes the image, then 404 Failed to find image to delete', async () => {
    const res = await del(imageId, personas.stranger);
    expect(res.text).toBe(`404 Not Found\n\nFailed to find image ${imageId} to delete\n\n   `);
    expectGlanceError(res, 404, `Failed to find image ${imageId} to delete`);
  });

  it('when a stranger deletes a community image or an image without owner, then 403 You do not own this image', async () => {
    const community = await glance.createImage({ visibility: 'community' });
    const ownerless = await glance.createImage({ visibility: 'shared', owner: null }, personas.admin);
    expectGlanceError(await del(community, personas.stranger), 403, 'You do not own this image');
    expectGlanceError(await del(ownerless, personas.stranger), 403, 'You do not own this image');
  });

  it('when the image is deleted twice, then the second delete is 404', async () => {
    expect((await del()).status).toBe(204);
    expectGlanceError(await del(), 404, `Failed to find image ${imageId} to delete`);
    expectGlanceError(await del(imageId, personas.admin), 404, `Failed to find image ${imageId} to delete`);
  });

  it.each([
    ['non-uuid', 'abc'],
    ['unknown', UNKNOWN_IMAGE],
  ])('when the id is %s, then 404 naming it', async (_label, id) => {
    expectGlanceError(await del(id), 404, `Failed to find image ${id} to delete`);
  });

  it('when the image is protected, then 403 for the owner and the admin, and 403 ownership for a member', async () => {
    const id = await glance.createImage({ visibility: 'shared', protected: true });
    await glance.addMember(id, MEMBER);
    const res = await del(id);
    expect(res.text).toBe(`403 Forbidden\n\nImage ${id} is protected and cannot be deleted.\n\n   `);
    expectGlanceError(await del(id, personas.admin), 403, `Image ${id} is protected and cannot be deleted.`);
    expectGlanceError(await del(id, personas.member), 403, 'You do not own this image');
  });

  it('when a protected image is unprotected, then it can be deleted', async () => {
    const id = await glance.createImage({ protected: true });
    const unprotect = await patchImage(glance, id, [replaceOp('/protected', false)]);
    expect(unprotect.status).toBe(200);
    expect(unprotect.body.protected).toBe(false);
    expect((await del(id)).status).toBe(204);
  });

  it('when a DELETE carries a body, then 400 even for an unknown image', async () => {
    const withBody = (id: string) =>
      request(glance.app).delete(`/v2/images/${id}`).set(personas.owner).set('Content-Type', 'application/json').send('{bad');
    expectGlanceError(await withBody(imageId), 400, 'A body is not expected with this request.');
    expectGlanceError(await withBody(UNKNOWN_IMAGE), 400, 'A body is not expected with this request.');
    expect((await glance.get(`/v2/images/${imageId}`)).status).toBe(200);
  });

  describe('after the delete', () => {
    beforeEach(async () => {
      expect((await del()).status).toBe(204);
    });

    const personasToTry: Array<[string, Headers]> = [
      ['owner', personas.owner],
      ['admin', personas.admin],
      ['member', personas.member],
    ];

    it.each(personasToTry)('when the %s shows or patches the image, then 404 No image found with ID', async (_label, headers) => {
      expectGlanceError(await glance.get(`/v2/images/${imageId}`, headers), 404, `No image found with ID ${imageId}`);
      expectGlanceError(await patchImage(glance, imageId, [replaceOp('/name', 'x')], headers), 404, `No image found with ID ${imageId}`);
    });

    it.each(personasToTry)('when the %s makes any member call, then 404 Image not found.', async (_label, headers) => {
      const notFound = `Image ${imageId} not found.`;
      expectGlanceError(await glance.get(MEMBERS_PATH(imageId), headers), 404, notFound);
      expectGlanceError(await glance.post(MEMBERS_PATH(imageId), { member: 'z' }, headers), 404, notFound);
      expectGlanceError(await glance.get(MEMBER_PATH(imageId, MEMBER), headers), 404, notFound);
      expectGlanceError(await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'accepted' }, headers), 404, notFound);
      expectGlanceError(await glance.delete(MEMBER_PATH(imageId, MEMBER), headers), 404, notFound);
    });

    it('when the member lists images, then the deleted image is not listed', async () => {
      const res = await glance.get('/v2/images?member_status=all', personas.member);
      expect(res.status).toBe(200);
      expect(res.body.images.map((image: { id: string }) => image.id)).not.toContain(imageId);
    });

    it('when an admin lists images, then the deleted image is not listed either', async () => {
      const res = await glance.get('/v2/images', personas.admin);
      expect(res.status).toBe(200);
      expect(res.body.images.map((image: { id: string }) => image.id)).not.toContain(imageId);
    });
  });
});
