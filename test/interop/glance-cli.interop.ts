/** python-glanceclient (`glance member-…`) against the mock, logged in through the built-in Keystone. */
import { fields, tableRows } from './helpers/clients';
import { ALT_PROJECT, DEMO_PROJECT, IMAGE, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();

const HEADER = ['Image ID', 'Member ID', 'Status'];

describe('glance member-list', () => {
  it('when admin lists the members, then the table of the seeded pending member', async () => {
    const run = await env.cloud.glance(['member-list', '--image-id', IMAGE]);
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([HEADER, [IMAGE, DEMO_PROJECT, 'pending']]);
  });

  it('when the member lists the members, then its own entry', async () => {
    const run = await env.cloud.glance(['member-list', '--image-id', IMAGE], 'demo');
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([HEADER, [IMAGE, DEMO_PROJECT, 'pending']]);
  });
});

describe('glance member-create, member-get, member-update, member-delete', () => {
  it('when admin creates a member, then the new pending row is printed and Glance has it', async () => {
    const run = await env.cloud.glance(['member-create', IMAGE, ALT_PROJECT]);
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([HEADER, [IMAGE, ALT_PROJECT, 'pending']]);
    expect((await env.cloud.members()).map((m) => m.member_id)).toEqual([DEMO_PROJECT, ALT_PROJECT]);
  });

  it('when admin gets a member, then its properties', async () => {
    const run = await env.cloud.glance(['member-get', IMAGE, DEMO_PROJECT]);
    expect(run.code).toBe(0);
    expect(fields(run.stdout)).toEqual({
      created_at: '2023-01-10T08:05:00Z',
      image_id: IMAGE,
      member_id: DEMO_PROJECT,
      schema: '/v2/schemas/member',
      status: 'pending',
      updated_at: '2023-01-10T08:05:00Z',
    });
  });

  it.each(['accepted', 'rejected', 'pending'])('when the member updates its status to %s, then the row shows it', async (status) => {
    const run = await env.cloud.glance(['member-update', IMAGE, DEMO_PROJECT, status], 'demo');
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([HEADER, [IMAGE, DEMO_PROJECT, status]]);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status })]);
  });

  it('when admin deletes a member, then nothing is printed and the member is gone', async () => {
    const run = await env.cloud.glance(['member-delete', IMAGE, DEMO_PROJECT]);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([]);
  });

  it('when glance is given an image name instead of an id, then Glance answers 404 (glanceclient resolves no names)', async () => {
    const run = await env.cloud.glance(['member-list', '--image-id', 'cirros-0.6.1-x86_64-disk']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('HTTP 404 Not Found: Image cirros-0.6.1-x86_64-disk not found.');
  });
});
