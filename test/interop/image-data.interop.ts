/**
 * The sharing flow from an image file with the real clients (glanceclient too): `openstack image
 * create --file … --shared`, `image add project`, `image save`, `image set
 * --tag/--deactivate/--activate`, and openstacksdk's create_image and
 * download_image, against the mock through the built-in Keystone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON, runClient } from './helpers/clients';
import { DEMO_PROJECT, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();
let dir: string;
let file: string;
const data = randomBytes(2 * 1024 * 1024 + 123);
const md5 = createHash('md5').update(data).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glance-mock-data-'));
  file = join(dir, 'cirros.img');
  writeFileSync(file, data);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sdkImages = (args: string[]) => runClient(PYTHON, [join(__dirname, 'sdk_images.py'), ...args], env.cloud.env('admin'));

async function createFromFile(name: string): Promise<Record<string, unknown>> {
  const run = await env.cloud.openstack([
    'image',
    'create',
    '--file',
    file,
    '--disk-format',
    'raw',
    '--container-format',
    'bare',
    '--shared',
    name,
    '-f',
    'json',
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('openstack image create --file … --shared, then sharing', () => {
  it("when admin creates an image from a file, then it is active with the file's size and MD5, and a project can be added", async () => {
    const created = await createFromFile('from-file');
    const image = await env.cloud.image(created.id as string);
    expect(image).toMatchObject({ status: 'active', size: data.length, checksum: md5, visibility: 'shared', os_hash_algo: 'sha512' });
    const add = await env.cloud.openstack(['image', 'add', 'project', 'from-file', 'demo']);
    expect(add.code).toBe(0);
    expect(await env.cloud.members(created.id as string)).toEqual([
      expect.objectContaining({ member_id: DEMO_PROJECT, status: 'pending' }),
    ]);
  });

  it('when the image is saved to a file, then the bytes are the uploaded ones', async () => {
    await createFromFile('to-save');
    const out = join(dir, 'saved.img');
    const run = await env.cloud.openstack(['image', 'save', '--file', out, 'to-save']);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(out).equals(data)).toBe(true);
  });

  it('when tags are set and the image is deactivated then activated, then Glance shows each state', async () => {
    const { id } = await createFromFile('to-set');
    expect((await env.cloud.openstack(['image', 'set', '--tag', 'alpha', '--tag', 'beta', 'to-set'])).code).toBe(0);
    expect(((await env.cloud.image(id as string)).tags as string[]).sort()).toEqual(['alpha', 'beta']);
    expect((await env.cloud.openstack(['image', 'add', 'project', 'to-set', 'demo'])).code).toBe(0);
    expect((await env.cloud.openstack(['image', 'set', '--deactivate', 'to-set'])).code).toBe(0);
    expect((await env.cloud.image(id as string)).status).toBe('deactivated');
    // The member may not download a deactivated image: Glance's 403, which openstacksdk reports this way.
    const save = await env.cloud.openstack(['image', 'save', '--file', join(dir, 'refused.img'), id as string], 'demo');
    expect(save.code).toBe(1);
    expect(save.stderr).toBe('Unable to download image: InvalidResponse\n');
    expect((await env.cloud.openstack(['image', 'set', '--activate', 'to-set'])).code).toBe(0);
    expect((await env.cloud.image(id as string)).status).toBe('active');
  });
});

describe('openstacksdk create_image and download_image', () => {
  it('when create_image uploads a file and download_image fetches it, then the same bytes and checksum', async () => {
    const created = await sdkImages(['create', 'sdk-image', file]);
    expect(created.stderr).toBe('');
    const image = JSON.parse(created.stdout) as { id: string; status: string; size: number; checksum: string };
    expect(image).toMatchObject({ status: 'active', size: data.length, checksum: md5 });
    const out = join(dir, 'sdk.img');
    const downloaded = await sdkImages(['download', image.id, out]);
    expect(downloaded.code).toBe(0);
    expect(readFileSync(out).equals(data)).toBe(true);
  });
});

describe('glance image-create --file, image-download, image-tag-update, image-deactivate', () => {
  it('when glanceclient uploads, tags, deactivates and downloads, then Glance shows each step', async () => {
    const create = await env.cloud.glance([
      'image-create',
      '--name',
      'g-image',
      '--disk-format',
      'qcow2',
      '--container-format',
      'bare',
      '--visibility',
      'shared',
      '--file',
      file,
    ]);
    expect(create.code).toBe(0);
    const id = /\| id\s+\| ([0-9a-f-]{36})/.exec(create.stdout)?.[1] as string;
    // qcow2 data without a qcow2 header: Glance's inspector finds no virtual size.
    expect(await env.cloud.image(id)).toMatchObject({ status: 'active', size: data.length, checksum: md5, virtual_size: null });
    const out = join(dir, 'glance.img');
    expect((await env.cloud.glance(['image-download', '--file', out, id])).code).toBe(0);
    expect(readFileSync(out).equals(data)).toBe(true);
    expect((await env.cloud.glance(['image-tag-update', id, 'gamma'])).code).toBe(0);
    expect((await env.cloud.glance(['image-deactivate', id])).code).toBe(0);
    expect(await env.cloud.image(id)).toMatchObject({ status: 'deactivated', tags: ['gamma'] });
    expect((await env.cloud.glance(['image-reactivate', id])).code).toBe(0);
    expect((await env.cloud.glance(['image-tag-delete', id, 'gamma'])).code).toBe(0);
    expect(await env.cloud.image(id)).toMatchObject({ status: 'active', tags: [] });
  });
});
