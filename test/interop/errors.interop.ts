/**
 * The errors a user meets, as each real client prints them: public image,
 * duplicate member, member quota, unknown image or member, wrong password.
 */
import { ADMIN_PROJECT, ALT_PROJECT, DEMO_PROJECT, FULL_IMAGE, IMAGE, IMAGE_NAME, PUBLIC_IMAGE, useInteropCloud } from './helpers/cloud';

const env = useInteropCloud();

const QUOTA = `Image member limit exceeded for image ${FULL_IMAGE}: The limit has been exceeded on the number of allowed image members for this image. Attempted: 3, Maximum: 2`;
const NOT_A_MEMBER = `${ALT_PROJECT} not found in the member list of the image ${IMAGE}.`;
const KEYSTONE_401 = /^The request you have made requires authentication\. \(HTTP 401\) \(Request-ID: req-[0-9a-f-]{36}\)$/;
const membersUrl = (image: string) => `${env.cloud.mock.url}/image/v2/images/${image}/members`;

/**
 * openstacksdk's message for an HTML error body: the body's lines joined by
 * `: ` in set order, which changes from run to run; the parts are stable.
 */
function expectSdkHttpError(stderr: string, exception: string, url: string, status: string, message: string): void {
  expect(stderr.startsWith(`${exception}: ${status.split(' ')[0]}: Client Error for url: ${url}, `)).toBe(true);
  const details = stderr.trim().slice(`${exception}: ${status.split(' ')[0]}: Client Error for url: ${url}, `.length);
  expect(details.split(': ').sort()).toEqual([status, ...message.split(': ')].sort());
}

describe('openstack image … errors', () => {
  it('when a project is added to a public image, then exit 1 with 403 Not allowed to create members', async () => {
    const run = await env.cloud.openstack(['image', 'add', 'project', 'public-image', 'demo']);
    expect(run.code).toBe(1);
    expectSdkHttpError(
      run.stderr,
      'HttpException',
      membersUrl(PUBLIC_IMAGE),
      '403 Forbidden',
      `Not allowed to create members for image ${PUBLIC_IMAGE}.`,
    );
  });

  it('when a member is added twice, then exit 1 with 409 duplicated', async () => {
    const run = await env.cloud.openstack(['image', 'add', 'project', IMAGE_NAME, 'demo']);
    expect(run.code).toBe(1);
    expectSdkHttpError(
      run.stderr,
      'ConflictException',
      membersUrl(IMAGE),
      '409 Conflict',
      `Member ${DEMO_PROJECT} is duplicated for image ${IMAGE}`,
    );
  });

  it('when the image is at the member quota, then exit 1 with 413 Image member limit exceeded', async () => {
    const run = await env.cloud.openstack(['image', 'add', 'project', 'full-image', 'admin']);
    expect(run.code).toBe(1);
    expectSdkHttpError(run.stderr, 'HttpException', membersUrl(FULL_IMAGE), '413 Request Entity Too Large', `${QUOTA}:`);
  });

  it('when the image is unknown, then exit 1: No Image found (add, remove) or the client failing on None (member list)', async () => {
    const add = await env.cloud.openstack(['image', 'add', 'project', 'nosuch-image', 'demo']);
    expect([add.code, add.stderr.trim()]).toEqual([1, 'No Image found for nosuch-image']);
    const remove = await env.cloud.openstack(['image', 'remove', 'project', 'nosuch-image', 'demo']);
    expect([remove.code, remove.stderr.trim()]).toEqual([1, 'No Image found for nosuch-image']);
    // python-openstackclient 6.0 looks the image up with ignore_missing and then reads None.id.
    const list = await env.cloud.openstack(['image', 'member', 'list', 'nosuch-image']);
    expect([list.code, list.stderr.trim()]).toEqual([1, "'NoneType' object has no attribute 'id'"]);
  });

  it("when a project that is not a member is removed, then exit 0: the client sends the DELETE and ignores Glance's 404", async () => {
    const run = await env.cloud.openstack(['image', 'remove', 'project', IMAGE, 'alt_demo']);
    expect([run.code, run.output]).toEqual([0, '']);
    expect(await env.cloud.members()).toEqual([expect.objectContaining({ member_id: DEMO_PROJECT })]);
  });

  it('when the project is unknown to Keystone, then exit 1 before Glance is asked', async () => {
    const run = await env.cloud.openstack(['image', 'remove', 'project', IMAGE, 'nosuch-project']);
    expect([run.code, run.stderr.trim()]).toEqual([1, "No project with a name or ID of 'nosuch-project' exists."]);
  });

  it('when a pending member names the image, then No Image found: Glance lists shared images to members only once accepted', async () => {
    const run = await env.cloud.openstack(['image', 'set', '--accept', IMAGE_NAME], 'demo');
    expect([run.code, run.stderr.trim()]).toEqual([1, `No Image found for ${IMAGE_NAME}`]);
  });

  it('when a member names a project it may not look up, then the name is sent as the member id and Glance answers 404', async () => {
    const run = await env.cloud.openstack(['image', 'set', '--accept', '--project', 'demo', IMAGE], 'demo');
    expect(run.code).toBe(1);
    expectSdkHttpError(
      run.stderr,
      'ResourceNotFound',
      `${membersUrl(IMAGE)}/demo`,
      '404 Not Found',
      `demo not found in the member list of the image ${IMAGE}.`,
    );
  });

  it.each<[string, Record<string, string>]>([
    ['the password is wrong', { OS_PASSWORD: 'wrong' }],
    ['the user is unknown', { OS_USERNAME: 'nobody' }],
    ['the project is not one of the user', { OS_PROJECT_NAME: 'alt_demo' }],
  ])("when %s, then exit 1 with Keystone's 401 message", async (_label, extra) => {
    const run = await env.cloud.openstack(['image', 'member', 'list', IMAGE], 'admin', extra);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(KEYSTONE_401);
  });
});

describe('glance member-… errors', () => {
  it.each<[string, string[], 'admin' | 'demo', string]>([
    [
      'a member is created on a public image',
      ['member-create', PUBLIC_IMAGE, DEMO_PROJECT],
      'admin',
      `HTTP 403 Forbidden: Not allowed to create members for image ${PUBLIC_IMAGE}.`,
    ],
    [
      'a member is created twice',
      ['member-create', IMAGE, DEMO_PROJECT],
      'admin',
      `HTTP 409 Conflict: Member ${DEMO_PROJECT} is duplicated for image ${IMAGE}`,
    ],
    [
      'the image is at the member quota',
      ['member-create', FULL_IMAGE, ADMIN_PROJECT],
      'admin',
      `HTTP 413 Request Entity Too Large: ${QUOTA}:`,
    ],
    [
      'the image is unknown',
      ['member-list', '--image-id', '11111111-2222-4333-8444-555555555555'],
      'admin',
      'HTTP 404 Not Found: Image 11111111-2222-4333-8444-555555555555 not found.',
    ],
    ['the member is unknown (get)', ['member-get', IMAGE, ALT_PROJECT], 'admin', `HTTP 404 Not Found: ${NOT_A_MEMBER}`],
    ['the member is unknown (delete)', ['member-delete', IMAGE, ALT_PROJECT], 'admin', `HTTP 404 Not Found: ${NOT_A_MEMBER}`],
    [
      'a member adds members',
      ['member-create', IMAGE, ALT_PROJECT],
      'demo',
      `HTTP 403 Forbidden: Not allowed to create members for image ${IMAGE}.`,
    ],
  ])("when %s, then exit 1 with the HTTP status and Glance's message", async (_label, args, user, message) => {
    const run = await env.cloud.glance(args, user);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(message);
  });

  it("when the password is wrong, then exit 1 with Keystone's 401 message", async () => {
    const run = await env.cloud.glance(['member-list', '--image-id', IMAGE], 'admin', { OS_PASSWORD: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(KEYSTONE_401);
  });
});

describe('openstacksdk errors', () => {
  it.each<[string, string[], string]>([
    ['a member is added to a public image', ['add', PUBLIC_IMAGE, DEMO_PROJECT], `HttpException: 403: `],
    ['a member is added twice', ['add', IMAGE, DEMO_PROJECT], `ConflictException: 409: `],
    ['the image is at the member quota', ['add', FULL_IMAGE, ADMIN_PROJECT], `HttpException: 413: `],
    ['the image is unknown', ['get', '11111111-2222-4333-8444-555555555555', DEMO_PROJECT], 'ResourceNotFound: 404: '],
    ['the member is unknown', ['get', IMAGE, ALT_PROJECT], 'ResourceNotFound: 404: '],
    ['a removed member is unknown', ['remove', IMAGE, ALT_PROJECT], 'ResourceNotFound: 404: '],
  ])('when %s, then the SDK raises with the HTTP status', async (_label, args, prefix) => {
    const run = await env.cloud.sdk(args);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(prefix)).toBe(true);
  });

  it("when the image is at the member quota, then the exception carries Glance's message", async () => {
    const run = await env.cloud.sdk(['add', FULL_IMAGE, ADMIN_PROJECT]);
    expect(run.stderr).toContain(QUOTA);
  });

  it('when the password is wrong, then keystoneauth raises Unauthorized 401', async () => {
    const run = await env.cloud.sdk(['members', IMAGE], 'admin', { OS_PASSWORD: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Unauthorized: 401: The request you have made requires authentication\./);
  });
});
