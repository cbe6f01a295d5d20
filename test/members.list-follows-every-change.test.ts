import { GlanceClient, MEMBERS_PATH, MEMBER_PATH } from './helpers/glance';
import { MEMBER, OTHER_MEMBER, personas } from './helpers/personas';

/**
 * An image's member list is written once and sent again while its members stay
 * the same: these tests change the members between two lists in every way a
 * caller can and check the second list shows the change, byte for byte.
 */
describe('GET /v2/images/{image_id}/members after a change', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient({ clock: { now: () => new Date('2026-01-02T03:04:05Z') } });
    imageId = await glance.sharedImageWithMembers();
  });

  const list = async (headers = personas.owner) => {
    const res = await glance.get(MEMBERS_PATH(imageId), headers);
    expect(res.status).toBe(200);
    return res.text;
  };
  const row = (member: string, status: string) =>
    `{"member_id": "${member}", "image_id": "${imageId}", "status": "${status}", ` +
    `"created_at": "2026-01-02T03:04:05Z", "updated_at": "2026-01-02T03:04:05Z", "schema": "/v2/schemas/member"}`;
  const body = (...rows: string[]) => `{"members": [${rows.join(', ')}], "schema": "/v2/schemas/members"}`;

  it('when nothing changes, then the owner reads the same body twice', async () => {
    const first = await list();
    expect(first).toBe(body(row(MEMBER, 'pending'), row(OTHER_MEMBER, 'pending')));
    expect(await list()).toBe(first);
  });

  it('when a member accepts between two lists, then the second shows accepted', async () => {
    await list();
    await glance.setStatus(imageId, MEMBER, 'accepted', personas.member);
    expect(await list()).toBe(body(row(MEMBER, 'accepted'), row(OTHER_MEMBER, 'pending')));
  });

  it('when a member is added between two lists, then the second lists it last', async () => {
    await list();
    await glance.addMember(imageId, 'third-project');
    expect(await list()).toBe(body(row(MEMBER, 'pending'), row(OTHER_MEMBER, 'pending'), row('third-project', 'pending')));
  });

  it('when a member is removed between two lists, then the second leaves it out', async () => {
    await list();
    expect((await glance.delete(MEMBER_PATH(imageId, MEMBER))).status).toBe(204);
    expect(await list()).toBe(body(row(OTHER_MEMBER, 'pending')));
  });

  it('when the last members are removed, then the list is empty', async () => {
    await list();
    await glance.delete(MEMBER_PATH(imageId, MEMBER));
    await glance.delete(MEMBER_PATH(imageId, OTHER_MEMBER));
    expect(await list()).toBe('{"members": [], "schema": "/v2/schemas/members"}');
  });

  it('when the owner has listed, then a member still sees only its own row', async () => {
    await list();
    expect(await list(personas.member)).toBe(body(row(MEMBER, 'pending')));
    expect(await list()).toBe(body(row(MEMBER, 'pending'), row(OTHER_MEMBER, 'pending')));
  });

  it('when the image is deleted and the owner lists, then 404, not the last list', async () => {
    await list();
    expect((await glance.delete(`/v2/images/${imageId}`)).status).toBe(204);
    const res = await glance.get(MEMBERS_PATH(imageId));
    expect(res.status).toBe(404);
  });
});
