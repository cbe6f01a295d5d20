/** openstacksdk's image-member proxy calls (test/interop/sdk_members.py) against the mock. */
import { ALT_PROJECT, DEMO_PROJECT, IMAGE, IMAGE_NAME, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();

const member = (member_id: string, status: string) => ({ image_id: IMAGE, member_id, status });
const BY = [
  ['by id', IMAGE],
  ['by name', `name:${IMAGE_NAME}`],
] as const;

describe('openstacksdk image members', () => {
  it.each(BY)('when admin calls members() %s, then the seeded pending member', async (_how, image) => {
    const run = await env.cloud.sdk(['members', image]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([member(DEMO_PROJECT, 'pending')]);
  });

  it.each(BY)('when admin calls add_member() %s, then the new member is pending and listed', async (_how, image) => {
    const run = await env.cloud.sdk(['add', image, ALT_PROJECT]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(member(ALT_PROJECT, 'pending'));
    expect((await env.cloud.members()).map((m) => m.member_id)).toEqual([DEMO_PROJECT, ALT_PROJECT]);
  });

  it('when admin calls get_member() and find_member(), then the member; find_member() of a stranger is None', async () => {
    expect(JSON.parse((await env.cloud.sdk(['get', IMAGE, DEMO_PROJECT])).stdout)).toEqual(member(DEMO_PROJECT, 'pending'));
    expect(JSON.parse((await env.cloud.sdk(['find', `name:${IMAGE_NAME}`, DEMO_PROJECT])).stdout)).toEqual(member(DEMO_PROJECT, 'pending'));
    const none = await env.cloud.sdk(['find', IMAGE, ALT_PROJECT]);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toBeNull();
  });

  it.each(['accepted', 'rejected'])('when the member calls update_member(status=%s), then its membership changes', async (status) => {
    const run = await env.cloud.sdk(['update', IMAGE, DEMO_PROJECT, status], 'demo');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(member(DEMO_PROJECT, status));
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status })]);
  });

  it.each(BY)('when admin calls remove_member() %s, then the member is gone', async (_how, image) => {
    const run = await env.cloud.sdk(['remove', image, DEMO_PROJECT]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toBe('removed');
    expect(await env.cloud.members()).toEqual([]);
  });
});
