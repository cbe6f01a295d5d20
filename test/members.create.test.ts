import { startGlanceMock } from '../src';
import { send } from '../src/conformance/http-client';
import { GlanceClient, MEMBERS_PATH, MEMBER_PATH, plainError, type Visibility } from './helpers/glance';
import { MEMBER, OWNER, personas } from './helpers/personas';
import { expectMatchesSchema } from './helpers/schemas';

const JSON_ACCEPT = { Accept: 'application/json' };

describe('POST /v2/images/{image_id}/members', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  const create = (imageId: string, body: unknown, headers = personas.owner) =>
    glance.post(MEMBERS_PATH(imageId), body, { ...headers, ...JSON_ACCEPT });

  const expectError = (
    res: { status: number; body: { message: string }; headers: Record<string, string> },
    status: number,
    message: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.message).toBe(`${message}<br /><br />\n\n\n`);
  };

  describe('success', () => {
    it('when the owner adds a project to a shared image, then 200 with a pending member in Glance key order', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      const res = await create(imageId, { member: MEMBER });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
      expect(Object.keys(res.body)).toEqual(['member_id', 'image_id', 'status', 'created_at', 'updated_at', 'schema']);
      expect(res.body).toMatchObject({ member_id: MEMBER, image_id: imageId, status: 'pending', schema: '/v2/schemas/member' });
      expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(res.body.updated_at).toBe(res.body.created_at);
      expectMatchesSchema('member', res.body);
    });

    it('when the body is sent, then it is written with Python json separators', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      const res = await create(imageId, { member: MEMBER });
      expect(res.text).toMatch(/^\{"member_id": "member-project", "image_id": "[^"]+", "status": "pending", /);
    });

    it('when the image was created without visibility, then it is shared and takes members', async () => {
      const imageId = await glance.createImage({});
      expect((await create(imageId, { member: MEMBER })).status).toBe(200);
    });

    it("when an admin adds a member to someone else's shared image, then 200", async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      expect((await create(imageId, { member: MEMBER }, personas.admin)).status).toBe(200);
    });

    it('when the owner adds its own project, then 200', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      expect((await create(imageId, { member: OWNER })).status).toBe(200);
    });

    it('when the body has extra keys or both member and member_id, then only member is read', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      const res = await create(imageId, { member_id: 'ignored', member: MEMBER, extra: true });
      expect(res.status).toBe(200);
      expect(res.body.member_id).toBe(MEMBER);
    });

    it('when the request Content-Type is not JSON, then the body is still read as JSON', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      const res = await glance
        .post(MEMBERS_PATH(imageId), undefined, { ...personas.owner })
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.from(JSON.stringify({ member: MEMBER })));
      expect(res.status).toBe(200);
    });

    it('when a deleted member is added again, then it is pending again', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      await glance.addMember(imageId, MEMBER);
      await glance.setStatus(imageId, MEMBER, 'accepted', personas.member);
      expect((await glance.delete(MEMBER_PATH(imageId, MEMBER))).status).toBe(204);
      const res = await create(imageId, { member: MEMBER });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('pending');
    });
  });

  describe('body errors (checked before the image is looked up)', () => {
    const cases: Array<[string, unknown, string]> = [
      ['no body', undefined, 'Body expected in request.'],
      ['malformed JSON', '{"member": ', 'Malformed JSON in request body.'],
      ['an empty object', {}, 'Member to be added not specified'],
      ['no member key', { member_id: MEMBER }, 'Member to be added not specified'],
      ['an empty member', { member: '' }, "Member can't be empty"],
      ['a null member', { member: null }, "Member can't be empty"],
      ['a zero member', { member: 0 }, "Member can't be empty"],
      ['a JSON array', [MEMBER], 'Expected a member in the form: {"member": "image_id"}'],
      ['an empty JSON array', [], 'Expected a member in the form: {"member": "image_id"}'],
      ['a JSON string', '"member"', 'Unexpected body type. Expected list/dict.'],
      ['a JSON number', '42', 'Unexpected body type. Expected list/dict.'],
      ['JSON null', 'null', 'Unexpected body type. Expected list/dict.'],
      ['JSON true', 'true', 'Unexpected body type. Expected list/dict.'],
    ];

    it.each(cases)('when the body is %s on an existing image, then 400', async (_label, body, message) => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      expectError(await create(imageId, body), 400, message);
      expect((await glance.get(MEMBERS_PATH(imageId))).body.members).toEqual([]);
    });

    it.each(cases)('when the body is %s on a missing image, then still 400, not 404', async (_label, body, message) => {
      expectError(await create('00000000-0000-4000-8000-000000000000', body), 400, message);
    });

    it('when the body is chunked and empty, then 400 malformed JSON (a chunked request has a body)', async () => {
      const mock = await startGlanceMock({ port: 0 });
      try {
        const headers = { ...personas.owner, ...JSON_ACCEPT };
        const created = await send(mock.url, 'POST', '/v2/images', headers, { raw: '{}' });
        const imageId = JSON.parse(created.body).id as string;
        const res = await send(mock.url, 'POST', MEMBERS_PATH(imageId), headers, { chunks: [] });
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body).message).toBe('Malformed JSON in request body.<br /><br />\n\n\n');
        const chunked = await send(mock.url, 'POST', MEMBERS_PATH(imageId), headers, { chunks: ['{"member": ', `"${MEMBER}"}`] });
        expect(chunked.status).toBe(200);
      } finally {
        await mock.close();
      }
    });
  });

  describe('image and sharing rules', () => {
    it('when the image does not exist, then 404 Image not found', async () => {
      expectError(await create('does-not-exist', { member: MEMBER }), 404, 'Image does-not-exist not found.');
    });

    it('when the image was deleted, then 404 even for an admin', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      expect((await glance.delete(`/v2/images/${imageId}`)).status).toBe(204);
      expectError(await create(imageId, { member: MEMBER }), 404, `Image ${imageId} not found.`);
      expectError(await create(imageId, { member: MEMBER }, personas.admin), 404, `Image ${imageId} not found.`);
    });

    it.each<Visibility>(['private', 'public', 'community'])(
      'when the image is %s, then 403 for the owner and for an admin',
      async (visibility) => {
        const imageId = await glance.imageWithVisibility(visibility);
        expectError(await create(imageId, { member: MEMBER }), 403, `Not allowed to create members for image ${imageId}.`);
        expectError(await create(imageId, { member: MEMBER }, personas.admin), 403, `Not allowed to create members for image ${imageId}.`);
      },
    );

    it('when a member (not the owner) adds a project, then 403', async () => {
      const imageId = await glance.sharedImageWithMembers();
      expectError(await create(imageId, { member: 'x' }, personas.member), 403, `Not allowed to create members for image ${imageId}.`);
    });

    it('when the image has no owner and the caller is not an admin, then 403', async () => {
      const imageId = await glance.createImage({ visibility: 'shared', owner: null }, personas.admin);
      expectError(await create(imageId, { member: MEMBER }), 403, `Not allowed to create members for image ${imageId}.`);
      expect((await create(imageId, { member: MEMBER }, personas.admin)).status).toBe(200);
    });

    it.each<Visibility>(['shared', 'private'])('when a stranger adds to a %s image, then 404', async (visibility) => {
      const imageId = await glance.imageWithVisibility(visibility);
      expectError(await create(imageId, { member: 'x' }, personas.stranger), 404, `Image ${imageId} not found.`);
    });

    it.each<Visibility>(['public', 'community'])('when a stranger adds to a %s image, then 403', async (visibility) => {
      const imageId = await glance.imageWithVisibility(visibility);
      expectError(await create(imageId, { member: 'x' }, personas.stranger), 403, `Not allowed to create members for image ${imageId}.`);
    });

    it('when the member already exists, then 409 without a final period and nothing changes', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      const first = await glance.addMember(imageId, MEMBER);
      expectError(await create(imageId, { member: MEMBER }), 409, `Member ${MEMBER} is duplicated for image ${imageId}`);
      const list = await glance.get(MEMBERS_PATH(imageId));
      expect(list.body.members).toEqual([first]);
    });
  });

  describe('quota', () => {
    it('when the 129th member is added with the default quota, then 413 naming attempted and maximum', async () => {
      const imageId = await glance.createImage({ visibility: 'shared' });
      for (let i = 0; i < 128; i++) await glance.addMember(imageId, `project-${i}`);
      const res = await create(imageId, { member: 'project-128' });
      expectError(
        res,
        413,
        `Image member limit exceeded for image ${imageId}: The limit has been exceeded on the number of allowed image members for this image. Attempted: 129, Maximum: 128:`,
      );
      expect(res.body.code).toBe('413 Request Entity Too Large');
      expect(res.body.message).toContain('Attempted: 129, Maximum: 128:<br />');
    });

    it('when an existing member is added to a full image, then 413 comes before 409', async () => {
      glance = new GlanceClient({ memberQuota: 1 });
      const imageId = await glance.createImage({ visibility: 'shared' });
      await glance.addMember(imageId, MEMBER);
      expectError(
        await create(imageId, { member: MEMBER }),
        413,
        `Image member limit exceeded for image ${imageId}: The limit has been exceeded on the number of allowed image members for this image. Attempted: 2, Maximum: 1:`,
      );
    });

    it('when the quota is 0, then no member can be added', async () => {
      glance = new GlanceClient({ memberQuota: 0 });
      const imageId = await glance.createImage({ visibility: 'shared' });
      expectError(
        await create(imageId, { member: MEMBER }),
        413,
        `Image member limit exceeded for image ${imageId}: The limit has been exceeded on the number of allowed image members for this image. Attempted: 1, Maximum: 0:`,
      );
    });

    it('when the quota is negative, then members are unlimited', async () => {
      glance = new GlanceClient({ memberQuota: -1 });
      const imageId = await glance.createImage({ visibility: 'shared' });
      for (let i = 0; i < 200; i++) await glance.addMember(imageId, `project-${i}`);
      expect((await glance.get(MEMBERS_PATH(imageId))).body.members).toHaveLength(200);
    });

    it('when a member is removed from a full image, then its place is free again', async () => {
      glance = new GlanceClient({ memberQuota: 1 });
      const imageId = await glance.createImage({ visibility: 'shared' });
      await glance.addMember(imageId, MEMBER);
      await glance.delete(MEMBER_PATH(imageId, MEMBER));
      expect((await create(imageId, { member: 'another' })).status).toBe(200);
    });
  });

  describe('error formats', () => {
    it("when no Accept is sent, then the error is plain text with webob's layout", async () => {
      const res = await glance.post(MEMBERS_PATH('missing'), { member: MEMBER });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
      expect(res.text).toBe(plainError('404 Not Found', 'Image missing not found.'));
    });
  });
});
