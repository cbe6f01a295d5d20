/**
 * The demo cloud's accounts are devstack's (Zed, create_keystone_accounts): admin has the
 * admin role on project demo too, and alt_demo is a second consumer project.
 */
import { tableRows } from './helpers/clients';
import { ALT_PROJECT, DEMO_PROJECT, IMAGE, IMAGE_NAME, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();

describe("devstack's accounts in the demo cloud", () => {
  it('when admin, scoped to project demo, runs image set --accept, then demo has accepted (as on a devstack)', async () => {
    const run = await env.cloud.openstack(['image', 'set', '--accept', IMAGE], 'admin', { OS_PROJECT_NAME: 'demo' });
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'accepted' })]);
  });

  it('when admin shares the image with alt_demo by name and alt_demo_member accepts, then alt_demo lists it and demo is still pending', async () => {
    const add = await env.cloud.openstack(['image', 'add', 'project', IMAGE_NAME, 'alt_demo']);
    expect(add.code).toBe(0);
    const accept = await env.cloud.openstack(['image', 'set', '--accept', IMAGE], 'alt_demo_member');
    expect(accept.code).toBe(0);
    const list = await env.cloud.openstack(
      ['image', 'list', '--shared', '--member-status', 'accepted', '-f', 'value', '-c', 'Name'],
      'alt_demo_member',
    );
    expect(list.code).toBe(0);
    expect(list.stdout.trim()).toBe(IMAGE_NAME);
    expect(await env.cloud.members()).toEqual([
      expect.objectContaining({ member_id: DEMO_PROJECT, status: 'pending' }),
      expect.objectContaining({ member_id: ALT_PROJECT, status: 'accepted' }),
    ]);
  });

  it("when the member lists the image's members from alt_demo, then it sees only its own entry", async () => {
    await env.cloud.openstack(['image', 'add', 'project', IMAGE, ALT_PROJECT]);
    const run = await env.cloud.openstack(['image', 'member', 'list', IMAGE], 'alt_demo_member');
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout).slice(1)).toEqual([[IMAGE, ALT_PROJECT, 'pending']]);
  });
});
