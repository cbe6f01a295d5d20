/**
 * The clients without Keystone: `openstack --os-auth-type none --os-endpoint`
 * (keystoneauth sends the token `notused`, which the demo seed maps to the
 * admin project) and glance's `--os-image-url` with `--os-auth-token` (a seed token).
 */
import { fields, tableRows } from './helpers/clients';
import { ALT_PROJECT, DEMO_PROJECT, IMAGE, IMAGE_NAME, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();

const osc = (endpoint: string, args: string[]) => env.cloud.bare('openstack', ['--os-auth-type', 'none', '--os-endpoint', endpoint, ...args]);
const glance = (url: string, token: string, args: string[]) => env.cloud.bare('glance', ['--os-image-url', url, '--os-auth-token', token, ...args]);

describe('openstack --os-auth-type none --os-endpoint', () => {
  it.each(['/image', ''])('when the endpoint is the mock%s, then image member list prints the seeded member', async (path) => {
    const run = await osc(`${env.cloud.mock.url}${path}`, ['image', 'member', 'list', IMAGE_NAME]);
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([
      ['Image ID', 'Member ID', 'Status'],
      [IMAGE, DEMO_PROJECT, 'pending'],
    ]);
  });

  it('when a project is added by its uuid-like id, then it becomes a member (the client skips the identity lookup for ids)', async () => {
    const run = await osc(`${env.cloud.mock.url}/image`, ['image', 'add', 'project', IMAGE, ALT_PROJECT]);
    expect(run.code).toBe(0);
    expect(fields(run.stdout)).toMatchObject({ member_id: ALT_PROJECT, status: 'pending' });
  });

  it("when a project is removed, then the client fails with 'projects': it asks the image endpoint for /projects and Glance answers with its version list", async () => {
    const run = await osc(`${env.cloud.mock.url}/image`, ['image', 'remove', 'project', IMAGE, DEMO_PROJECT]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("'projects'");
    expect(await env.cloud.members()).toHaveLength(1);
  });
});

describe('glance --os-image-url --os-auth-token', () => {
  it.each(['/image', ''])('when the image URL is the mock%s and the token a seed token, then member-list works', async (path) => {
    const run = await glance(`${env.cloud.mock.url}${path}`, 'admin-token', ['member-list', '--image-id', IMAGE]);
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([
      ['Image ID', 'Member ID', 'Status'],
      [IMAGE, DEMO_PROJECT, 'pending'],
    ]);
  });

  it('when the member accepts with demo-token, then the owner sees the new status', async () => {
    const run = await glance(`${env.cloud.mock.url}/image`, 'demo-token', ['member-update', IMAGE, DEMO_PROJECT, 'accepted']);
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'accepted' })]);
  });

  it('when the owner creates and deletes a member with admin-token, then Glance has it, then not', async () => {
    const created = await glance(env.cloud.mock.url, 'admin-token', ['member-create', IMAGE, ALT_PROJECT]);
    expect(created.code).toBe(0);
    expect((await env.cloud.members()).map((m) => m.member_id)).toContain(ALT_PROJECT);
    const deleted = await glance(env.cloud.mock.url, 'admin-token', ['member-delete', IMAGE, ALT_PROJECT]);
    expect(deleted.code).toBe(0);
    expect((await env.cloud.members()).map((m) => m.member_id)).not.toContain(ALT_PROJECT);
  });

  it('when the token is unknown, then exit 1: glanceclient reports the 401 as invalid credentials', async () => {
    const run = await glance(env.cloud.mock.url, 'bogus', ['member-list', '--image-id', IMAGE]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid OpenStack Identity credentials.');
  });
});
