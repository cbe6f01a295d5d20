/**
 * python-openstackclient (`openstack image …`) against the mock, logged in
 * through the built-in Keystone with the README's OS_* variables.
 */
import { fields, tableRows } from './helpers/clients';
import { ADMIN_PROJECT, ALT_PROJECT, DEMO_PROJECT, IMAGE, IMAGE_NAME, useInteropCloud } from './helpers/cloud';

/** The table of the seed document (shared/seeds/000_7c763e54d8e1abd3.txt). */
const DOCUMENTED_TABLE = `+--------------------------------------+----------------------------------+---------+
| Image ID                             | Member ID                        | Status  |
+--------------------------------------+----------------------------------+---------+
| a42bfade-78ec-4c95-b7b4-272ba265072c | cdb477d9329c450e996cae2d02a2c44f | pending |
+--------------------------------------+----------------------------------+---------+
`;

const env = useInteropCloud();

describe('openstack image member list', () => {
  it.each([IMAGE, IMAGE_NAME])('when admin lists the members of %s, then the documented table, byte for byte', async (image) => {
    const run = await env.cloud.openstack(['image', 'member', 'list', image]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(DOCUMENTED_TABLE);
  });

  it('when the member lists the members, then it sees its own entry', async () => {
    const run = await env.cloud.openstack(['image', 'member', 'list', IMAGE], 'demo');
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout).slice(1)).toEqual([[IMAGE, DEMO_PROJECT, 'pending']]);
  });
});

describe('openstack image add project / remove project', () => {
  it.each<[string, string, string]>([
    ['by name', IMAGE_NAME, 'alt_demo'],
    ['by id', IMAGE, ALT_PROJECT],
  ])('when admin adds a project %s, then it is printed as a pending member and Glance lists it', async (_how, image, project) => {
    const run = await env.cloud.openstack(['image', 'add', 'project', image, project]);
    expect(run.code).toBe(0);
    expect(fields(run.stdout)).toMatchObject({ image_id: IMAGE, member_id: ALT_PROJECT, status: 'pending', schema: '/v2/schemas/member' });
    expect(await env.cloud.members()).toEqual([
      expect.objectContaining({ member_id: DEMO_PROJECT, status: 'pending' }),
      expect.objectContaining({ member_id: ALT_PROJECT, status: 'pending' }),
    ]);
  });

  it.each<[string, string, string]>([
    ['by name', IMAGE_NAME, 'demo'],
    ['by id', IMAGE, DEMO_PROJECT],
  ])('when admin removes a project %s, then it prints nothing and the member is gone', async (_how, image, project) => {
    const run = await env.cloud.openstack(['image', 'remove', 'project', image, project]);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([]);
  });
});

describe('openstack image set --accept | --reject | --pending', () => {
  it.each<[string, string, string]>([
    ['--accept', IMAGE, 'accepted'],
    ['--reject', IMAGE, 'rejected'],
    ['--pending', IMAGE_NAME, 'pending'],
  ])('when the member runs image set %s on %s, then its own membership changes', async (flag, image, status) => {
    // Glance lists a shared image to a member only once accepted, so finding it by name needs that first.
    if (image === IMAGE_NAME) await env.cloud.openstack(['image', 'set', '--accept', IMAGE], 'demo');
    const run = await env.cloud.openstack(['image', 'set', flag, image], 'demo');
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status })]);
  });

  it('when admin runs image set --accept --project demo, then the membership is accepted and, as the client also sends --project as owner, the image moves to demo', async () => {
    const run = await env.cloud.openstack(['image', 'set', '--accept', '--project', 'demo', IMAGE_NAME]);
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'accepted' })]);
    expect((await env.cloud.image()).owner).toBe(DEMO_PROJECT);
  });

  it('when the member runs image set --reject --project <its id>, then the membership is rejected but the owner change is refused (exit 1, 403)', async () => {
    const run = await env.cloud.openstack(['image', 'set', '--reject', '--project', DEMO_PROJECT, IMAGE], 'demo');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`HttpException: 403: Client Error for url: ${env.cloud.mock.url}/image/v2/images/${IMAGE}, Forbidden`);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'rejected' })]);
    expect((await env.cloud.image()).owner).toBe(ADMIN_PROJECT);
  });
});

describe('openstack image list --shared --member-status', () => {
  it.each<[string, string[]]>([
    ['pending', [IMAGE_NAME, 'full-image']],
    ['accepted', []],
    ['rejected', []],
    ['all', [IMAGE_NAME, 'full-image']],
  ])('when the member lists shared images with member status %s, then the matching images', async (status, names) => {
    const run = await env.cloud.openstack(['image', 'list', '--shared', '--member-status', status, '-f', 'value', '-c', 'Name'], 'demo');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual([...names].sort());
  });

  it('when the member has accepted, then --member-status accepted lists the image', async () => {
    await env.cloud.openstack(['image', 'set', '--accept', IMAGE], 'demo');
    const run = await env.cloud.openstack(['image', 'list', '--shared', '--member-status', 'accepted'], 'demo');
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([
      ['ID', 'Name', 'Status'],
      [IMAGE, IMAGE_NAME, 'queued'],
    ]);
  });
});

describe('openstack image show', () => {
  it.each([IMAGE, IMAGE_NAME])('when %s is shown, then its id, name, owner and visibility', async (image) => {
    const run = await env.cloud.openstack(['image', 'show', image]);
    expect(run.code).toBe(0);
    expect(fields(run.stdout)).toMatchObject({ id: IMAGE, name: IMAGE_NAME, owner: ADMIN_PROJECT, visibility: 'shared', status: 'queued' });
  });

  it('when the member has accepted the shared image, then it can show it by name', async () => {
    await env.cloud.openstack(['image', 'set', '--accept', IMAGE], 'demo');
    const run = await env.cloud.openstack(['image', 'show', IMAGE_NAME, '-f', 'value', '-c', 'id'], 'demo');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(IMAGE);
  });
});
