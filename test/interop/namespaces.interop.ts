/**
 * The unmodified `openstack` CLI inside a namespace: with
 * OS_AUTH_URL=<mock>/_ns/<name>/identity/v3 it logs in to that namespace's
 * Keystone, follows its catalog into the same namespace, and what it changes
 * stays there.
 */
import { tableRows } from './helpers/clients';
import { ALT_PROJECT, DEMO_PROJECT, IMAGE, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();
const inNamespace = (name: string) => ({ OS_AUTH_URL: `${env.cloud.mock.url}/_ns/${name}/identity/v3` });
const memberRows = (stdout: string) => tableRows(stdout).slice(1);

describe('the openstack CLI in a namespace', () => {
  afterEach(() => {
    for (const { name } of env.cloud.mock.namespaces()) env.cloud.mock.dropNamespace(name);
  });

  it('when admin adds a project in namespace worker-3, then worker-3 lists it while the default namespace and worker-4 do not', async () => {
    const added = await env.cloud.openstack(['image', 'add', 'project', IMAGE, ALT_PROJECT], 'admin', inNamespace('worker-3'));
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const listed = await env.cloud.openstack(['image', 'member', 'list', IMAGE], 'admin', inNamespace('worker-3'));
    expect(memberRows(listed.stdout)).toEqual([
      [IMAGE, DEMO_PROJECT, 'pending'],
      [IMAGE, ALT_PROJECT, 'pending'],
    ]);
    const elsewhere = await env.cloud.openstack(['image', 'member', 'list', IMAGE], 'admin', inNamespace('worker-4'));
    expect(memberRows(elsewhere.stdout)).toEqual([[IMAGE, DEMO_PROJECT, 'pending']]);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'pending' })]);
  });

  it('when an image is created from a file in a namespace, then it is listed there only', async () => {
    const created = await env.cloud.openstack(
      [
        'image',
        'create',
        '--disk-format',
        'raw',
        '--container-format',
        'bare',
        '--file',
        '/etc/hostname',
        '-f',
        'value',
        '-c',
        'name',
        'ns-image',
      ],
      'admin',
      inNamespace('worker-3'),
    );
    expect(created.output).toBe('ns-image\n');
    const names = async (extra: Record<string, string>) =>
      (await env.cloud.openstack(['image', 'list', '-f', 'value', '-c', 'Name'], 'admin', extra)).stdout.split('\n').filter(Boolean);
    expect(await names(inNamespace('worker-3'))).toContain('ns-image');
    expect(await names(inNamespace('worker-4'))).not.toContain('ns-image');
    expect(await names({})).not.toContain('ns-image');
  });

  it('when the member accepts in its namespace, then only that namespace sees the membership accepted', async () => {
    const accepted = await env.cloud.openstack(['image', 'set', '--accept', IMAGE], 'demo', inNamespace('worker-3'));
    expect(accepted.output).toBe('');
    expect(accepted.code).toBe(0);
    const shared = await env.cloud.openstack(
      ['image', 'list', '--shared', '--member-status', 'accepted', '-f', 'value', '-c', 'ID'],
      'demo',
      inNamespace('worker-3'),
    );
    expect(shared.stdout).toBe(`${IMAGE}\n`);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT, status: 'pending' })]);
  });
});
