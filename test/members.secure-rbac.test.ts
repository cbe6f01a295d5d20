import { GlanceClient, MEMBERS_PATH, MEMBER_PATH } from './helpers/glance';
import { identity, MEMBER, OTHER_MEMBER, OWNER, personas } from './helpers/personas';

/** Cases beyond the persona matrix, as the real Glance with the new defaults answered them. */
const message = (res: { body: { message: string } }) => res.body.message.replace(/<br \/><br \/>\n\n\n$/, '');
const asJson = (headers: Record<string, string>) => ({ ...headers, Accept: 'application/json' });

describe('secure RBAC: roles decide, and a refusal reads 404 where the caller cannot see the row', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient({ policy: 'secure-rbac' });
    imageId = await glance.sharedImageWithMembers();
  });

  const readerOwner = asJson(identity(OWNER, 'reader'));
  const memberOnlyOwner = asJson(identity(OWNER, 'member'));
  const noRolesOwner = asJson(identity(OWNER, ''));

  it('when a reader-only owner deletes a member it can see, then 403 delete_member', async () => {
    const res = await glance.delete(MEMBER_PATH(imageId, MEMBER), readerOwner);
    expect(res.status).toBe(403);
    expect(message(res)).toBe('You are not authorized to complete delete_member action.');
  });

  it('when a reader-only owner adds a member, then 403 add_member; it still lists and shows', async () => {
    const res = await glance.post(MEMBERS_PATH(imageId), { member: 'x' }, readerOwner);
    expect(res.status).toBe(403);
    expect(message(res)).toBe('You are not authorized to complete add_member action.');
    expect((await glance.get(MEMBERS_PATH(imageId), readerOwner)).status).toBe(200);
    expect((await glance.get(MEMBER_PATH(imageId, MEMBER), readerOwner)).status).toBe(200);
  });

  it.each([
    ['member-only', memberOnlyOwner],
    ['role-less', noRolesOwner],
  ])('when a %s owner calls the members API, then 404 resource not found', async (_label, headers) => {
    for (const res of [
      await glance.get(MEMBERS_PATH(imageId), headers),
      await glance.post(MEMBERS_PATH(imageId), { member: 'x' }, headers),
      await glance.delete(MEMBER_PATH(imageId, MEMBER), headers),
      await glance.get(`/v2/images/${imageId}`, headers),
    ]) {
      expect(res.status).toBe(404);
      expect(message(res)).toBe('The resource could not be found.');
    }
  });

  it('when a reader-only member changes its status, then 403 modify_member', async () => {
    const res = await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'accepted' }, asJson(identity(MEMBER, 'reader')));
    expect(res.status).toBe(403);
    expect(message(res)).toBe('You are not authorized to complete modify_member action.');
  });

  it('when another member deletes or updates an entry it cannot see, then 404 member not found', async () => {
    for (const res of [
      await glance.delete(MEMBER_PATH(imageId, MEMBER), asJson(personas.otherMember)),
      await glance.put(MEMBER_PATH(imageId, MEMBER), { status: 'accepted' }, asJson(personas.otherMember)),
    ]) {
      expect(res.status).toBe(404);
      expect(message(res)).toBe(`${MEMBER} not found in the member list of the image ${imageId}.`);
    }
  });

  it('when an admin-only caller adds and lists, then 200', async () => {
    const admin = identity('admin-project', 'admin');
    expect((await glance.post(MEMBERS_PATH(imageId), { member: 'ao' }, admin)).status).toBe(200);
    expect((await glance.get(MEMBERS_PATH(imageId), admin)).body.members).toHaveLength(3);
  });

  it('when a reader-only stranger adds to a public image, then the sharing check answers first', async () => {
    const publicId = await glance.imageWithVisibility('public');
    const res = await glance.post(MEMBERS_PATH(publicId), { member: 'x' }, asJson(identity('stranger', 'reader')));
    expect(res.status).toBe(403);
    expect(message(res)).toBe(`Not allowed to create members for image ${publicId}.`);
  });

  it('when a role-less caller lists or creates images, then 403 get_images and add_image', async () => {
    const list = await glance.get('/v2/images', noRolesOwner);
    expect(list.status).toBe(403);
    expect(message(list)).toBe('You are not authorized to complete get_images action.');
    const create = await glance.post('/v2/images', { name: 'x' }, asJson(identity(OWNER, 'reader')));
    expect(create.status).toBe(403);
    expect(message(create)).toBe('You are not authorized to complete add_image action.');
  });

  it('when the legacy policy gets the same role-less calls, then roles do not matter', async () => {
    const legacy = new GlanceClient();
    const id = await legacy.sharedImageWithMembers();
    expect((await legacy.get(MEMBERS_PATH(id), noRolesOwner)).status).toBe(200);
    expect((await legacy.delete(MEMBER_PATH(id, OTHER_MEMBER), noRolesOwner)).status).toBe(204);
  });
});

describe('secure RBAC: the images API words its refusals as the policy does', () => {
  it('when a member patches or deletes the image, then 403 modify_image and delete_image', async () => {
    const glance = new GlanceClient({ policy: 'secure-rbac' });
    const imageId = await glance.sharedImageWithMembers();
    const patched = await glance.patch(`/v2/images/${imageId}`, [{ op: 'replace', path: '/name', value: 'x' }], asJson(personas.member));
    expect(patched.status).toBe(403);
    expect(message(patched)).toBe('You are not authorized to complete modify_image action.');
    const deleted = await glance.delete(`/v2/images/${imageId}`, asJson(personas.member));
    expect(deleted.status).toBe(403);
    expect(message(deleted)).toBe('You are not authorized to complete delete_image action.');
  });

  it("when a non-admin creates an image for another owner, then webob's access denied with the reason as detail", async () => {
    const glance = new GlanceClient({ policy: 'secure-rbac' });
    const res = await glance.post('/v2/images', { name: 'x', owner: 'other' }, asJson(personas.owner));
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      "Access was denied to this resource.<br /><br />\nYou are not permitted to create images owned by 'other'\n\n",
    );
  });
});
