import { FixedClock, startGlanceMock } from '../src';
import { send } from '../src/conformance/http-client';
import { GlanceClient, MEMBERS_PATH, MEMBER_PATH } from './helpers/glance';
import { MEMBER, OTHER_MEMBER, OWNER, personas } from './helpers/personas';

const SEEDED = '6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10';
import { expectMatchesSchema } from './helpers/schemas';

const JSON_ACCEPT = { Accept: 'application/json' };
const message = (res: { body: { message: string } }) => res.body.message.replace(/<br \/><br \/>\n\n\n$/, '');

describe('listing members', () => {
  it("when the owner lists, then every member in the order added, with Glance's envelope", async () => {
    const glance = new GlanceClient();
    const imageId = await glance.createImage();
    for (const m of ['c', 'a', 'b']) await glance.addMember(imageId, m);
    const res = await glance.get(MEMBERS_PATH(imageId));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(Object.keys(res.body)).toEqual(['members', 'schema']);
    expect(res.body.schema).toBe('/v2/schemas/members');
    expect(res.body.members.map((m: { member_id: string }) => m.member_id)).toEqual(['c', 'a', 'b']);
    expectMatchesSchema('members', res.body);
  });

  it('when a member lists, then only its own entry', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.get(MEMBERS_PATH(imageId), personas.member);
    expect(res.body.members.map((m: { member_id: string }) => m.member_id)).toEqual([MEMBER]);
  });

  it('when a stranger lists members of a shared image, then 404 image not found', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.get(MEMBERS_PATH(imageId), { ...personas.stranger, ...JSON_ACCEPT });
    expect(res.status).toBe(404);
    expect(message(res)).toBe(`Image ${imageId} not found.`);
  });

  it('when a removed member is added again, then it keeps its place in the list', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.createImage();
    for (const m of ['a', 'b', 'c']) await glance.addMember(imageId, m);
    await glance.delete(MEMBER_PATH(imageId, 'a'));
    await glance.addMember(imageId, 'a');
    const res = await glance.get(MEMBERS_PATH(imageId));
    expect(res.body.members.map((m: { member_id: string }) => m.member_id)).toEqual(['a', 'b', 'c']);
  });

  it('when the members list has query parameters, then they are ignored', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    expect((await glance.get(`${MEMBERS_PATH(imageId)}?limit=1&foo=bar`)).body.members).toHaveLength(2);
  });

  it('when an image goes private and back to shared, then its members and their statuses survive', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    await glance.setStatus(imageId, MEMBER, 'accepted', personas.member);
    expect((await glance.patch(`/v2/images/${imageId}`, [{ op: 'replace', path: '/visibility', value: 'private' }])).status).toBe(200);
    const hidden = await glance.get(MEMBERS_PATH(imageId), { ...personas.owner, ...JSON_ACCEPT });
    expect(hidden.status).toBe(403);
    expect(message(hidden)).toBe(`Not allowed to list members for image ${imageId}: Only shared images have members.`);
    await glance.patch(`/v2/images/${imageId}`, [{ op: 'replace', path: '/visibility', value: 'shared' }]);
    const back = await glance.get(MEMBERS_PATH(imageId));
    expect(back.body.members.map((m: { member_id: string; status: string }) => [m.member_id, m.status])).toEqual([
      [MEMBER, 'accepted'],
      [OTHER_MEMBER, 'pending'],
    ]);
  });
});

describe('updating a status', () => {
  it('when the member moves between every status, then each is allowed and only updated_at moves', async () => {
    const clock = new FixedClock('2026-03-01T10:00:00Z');
    const glance = new GlanceClient({ clock });
    const imageId = await glance.createImage();
    const created = await glance.addMember(imageId, MEMBER);
    for (const [i, status] of ['accepted', 'rejected', 'pending', 'rejected', 'accepted'].entries()) {
      clock.advance(61_000);
      const res = await glance.put(MEMBER_PATH(imageId, MEMBER), { status }, personas.member);
      expect(res.status).toBe(200);
      expectMatchesSchema('member', res.body);
      expect(res.body).toEqual({
        ...created,
        status,
        updated_at: new Date(Date.parse('2026-03-01T10:00:00Z') + (i + 1) * 61_000).toISOString().replace('.000', ''),
      });
    }
  });

  it("when an admin sets a member's status, then 200", async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'rejected' }, personas.admin);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
  });

  it('when the body is {} on a missing image, then 400 comes before 404', async () => {
    const glance = new GlanceClient();
    const res = await glance.put(MEMBER_PATH('missing', MEMBER), {}, { ...personas.member, ...JSON_ACCEPT });
    expect(res.status).toBe(400);
    expect(message(res)).toBe('Status not specified');
  });

  it('when the owner sends an invalid status, then 403 comes before 400', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'invalid' }, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(403);
    expect(message(res)).toBe(`Not allowed to update members for image ${imageId}.`);
  });

  it('when an invalid status names an unknown member, then 404 comes before 400', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.put(MEMBER_PATH(imageId, 'nobody'), { status: 'invalid' }, { ...personas.admin, ...JSON_ACCEPT });
    expect(res.status).toBe(404);
    expect(message(res)).toBe(`nobody not found in the member list of the image ${imageId}.`);
  });

  it('when a status change fails, then the stored member is unchanged', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const before = (await glance.get(MEMBER_PATH(imageId, MEMBER))).body;
    await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'ACCEPTED' }, personas.member);
    await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'accepted' }, personas.owner);
    await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'accepted' }, personas.otherMember);
    expect((await glance.get(MEMBER_PATH(imageId, MEMBER))).body).toEqual(before);
  });
});

describe('removing a member', () => {
  it('when the owner removes a member, then 204 with no body and no Content-Type', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.delete(MEMBER_PATH(imageId, MEMBER));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['x-openstack-request-id']).toMatch(/^req-/);
  });

  it('when the same member is removed twice, then the second is 404 member not found', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    await glance.delete(MEMBER_PATH(imageId, MEMBER));
    const res = await glance.delete(MEMBER_PATH(imageId, MEMBER), { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(404);
    expect(message(res)).toBe(`${MEMBER} not found in the member list of the image ${imageId}.`);
  });

  it('when a member is removed, then the image leaves its view', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    await glance.delete(MEMBER_PATH(imageId, MEMBER));
    const res = await glance.get(`/v2/images/${imageId}`, { ...personas.member, ...JSON_ACCEPT });
    expect(res.status).toBe(404);
    expect(message(res)).toBe(`No image found with ID ${imageId}`);
  });

  it('when a member tries to remove itself, then 403 and it stays', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.delete(MEMBER_PATH(imageId, MEMBER), { ...personas.member, ...JSON_ACCEPT });
    expect(res.status).toBe(403);
    expect(message(res)).toBe(`Not allowed to delete members for image ${imageId}.`);
    expect((await glance.get(MEMBERS_PATH(imageId))).body.members).toHaveLength(2);
  });
});

describe('images seen through membership', () => {
  const names = (res: { body: { images: Array<{ name: string }> } }) => res.body.images.map((i) => i.name).sort();

  it('when a member accepts, then the image joins its default list; pending and rejected need member_status', async () => {
    const glance = new GlanceClient();
    const pending = await glance.createImage({ name: 'pending' });
    const accepted = await glance.createImage({ name: 'accepted' });
    const rejected = await glance.createImage({ name: 'rejected' });
    for (const id of [pending, accepted, rejected]) await glance.addMember(id, MEMBER);
    await glance.setStatus(accepted, MEMBER, 'accepted', personas.member);
    await glance.setStatus(rejected, MEMBER, 'rejected', personas.member);
    const list = (query: string) => glance.get(`/v2/images${query}`, personas.member);
    expect(names(await list(''))).toEqual(['accepted']);
    expect(names(await list('?member_status=pending'))).toEqual(['pending']);
    expect(names(await list('?member_status=rejected'))).toEqual(['rejected']);
    expect(names(await list('?member_status=all'))).toEqual(['accepted', 'pending', 'rejected']);
    expect(names(await list('?visibility=shared&member_status=all'))).toEqual(['accepted', 'pending', 'rejected']);
    for (const id of [pending, accepted, rejected]) {
      expect((await glance.get(`/v2/images/${id}`, personas.member)).status).toBe(200);
    }
  });
});

describe('bodies on calls that take none', () => {
  it('when a refused method comes with a malformed body, then the body 400 comes before the 405', async () => {
    const glance = new GlanceClient();
    const imageId = await glance.sharedImageWithMembers();
    const res = await glance.put(MEMBERS_PATH(imageId), '{', { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(400);
    expect(message(res)).toBe('Malformed JSON in request body.');
    const wellFormed = await glance.put(MEMBERS_PATH(imageId), {}, { ...personas.owner, ...JSON_ACCEPT });
    expect(wellFormed.status).toBe(405);
    expect(wellFormed.headers.allow).toBe('GET, POST');
  });

  it('when a GET carries a chunked body, then it is ignored (only a Content-Length counts)', async () => {
    const mock = await startGlanceMock({ port: 0, seed: { images: [{ id: SEEDED, owner: OWNER, members: [{ member: MEMBER }] }] } });
    try {
      const headers = { ...personas.owner, ...JSON_ACCEPT };
      const chunked = await send(mock.url, 'GET', MEMBERS_PATH(SEEDED), headers, { chunks: ['{}'] });
      expect(chunked.status).toBe(200);
      expect(JSON.parse(chunked.body).members).toHaveLength(1);
      const withLength = await send(mock.url, 'GET', MEMBERS_PATH(SEEDED), headers, { raw: '{}' });
      expect(withLength.status).toBe(400);
      expect(JSON.parse(withLength.body).message).toBe('A body is not expected with this request.<br /><br />\n\n\n');
    } finally {
      await mock.close();
    }
  });
});
