/**
 * The clients against a Glance deployed without Keystone (`auth: 'noauth'`, paste's
 * unauthenticated-context): `openstack --os-auth-type none --os-endpoint` (keystoneauth
 * sends the token `notused`) and glance's `--os-image-url` with any `--os-auth-token`.
 * Every caller is an admin without a project, as on the real Glance without Keystone.
 */
import { fields, tableRows } from './helpers/clients';
import { ALT_PROJECT, DEMO_PROJECT, IMAGE, IMAGE_NAME, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud({ auth: 'noauth' });

const osc = (endpoint: string, args: string[]) =>
  env.cloud.bare('openstack', ['--os-auth-type', 'none', '--os-endpoint', endpoint, ...args]);
const glance = (url: string, token: string, args: string[]) =>
  env.cloud.bare('glance', ['--os-image-url', url, '--os-auth-token', token, ...args]);

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

  it('when an image is created public, then exit 1 with 403: publicize_image needs the admin role, which nobody has', async () => {
    const run = await osc(`${env.cloud.mock.url}/image`, ['image', 'create', '--public', 'anonymous']);
    expect(run.code).toBe(1);
    // openstacksdk joins the lines of the HTML body in a different order on each run.
    expect(run.stderr).toContain(`HttpException: 403: Client Error for url: ${env.cloud.mock.url}/image/v2/images, `);
    expect(run.stderr).toContain('You are not authorized to complete publicize_image action.');
  });
});

describe('glance --os-image-url --os-auth-token', () => {
  it.each<[string, string]>([
    ['/image', 'anything'],
    ['', 'admin-token'],
  ])('when the image URL is the mock%s and the token %s, then member-list works', async (path, token) => {
    const run = await glance(`${env.cloud.mock.url}${path}`, token, ['member-list', '--image-id', IMAGE]);
    expect(run.code).toBe(0);
    expect(tableRows(run.stdout)).toEqual([
      ['Image ID', 'Member ID', 'Status'],
      [IMAGE, DEMO_PROJECT, 'pending'],
    ]);
  });

  it("when anyone accepts for the member, then the member's status changes: every caller is an admin", async () => {
    const run = await glance(`${env.cloud.mock.url}/image`, 'whoever', ['member-update', IMAGE, DEMO_PROJECT, 'accepted']);
    expect(run.code).toBe(0);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'accepted' })]);
  });

  it('when a member is created and deleted, then Glance has it, then not', async () => {
    const created = await glance(env.cloud.mock.url, 'bogus', ['member-create', IMAGE, ALT_PROJECT]);
    expect(created.code).toBe(0);
    expect((await env.cloud.members()).map((m) => m.member_id)).toContain(ALT_PROJECT);
    const deleted = await glance(env.cloud.mock.url, 'bogus', ['member-delete', IMAGE, ALT_PROJECT]);
    expect(deleted.code).toBe(0);
    expect((await env.cloud.members()).map((m) => m.member_id)).not.toContain(ALT_PROJECT);
  });
});
