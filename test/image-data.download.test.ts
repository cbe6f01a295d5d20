/**
 * GET /v2/images/{id}/file, with and without Range, as a real Glance Zed answered it.
 */
import request from 'supertest';
import { DataGlance, plain } from './helpers/image-data';
import { MEMBER, personas } from './helpers/personas';

const MD5 = '5eb63bbbe01eeed093cb22bb8f5acdc3';

describe('GET /v2/images/{image_id}/file', () => {
  let glance: DataGlance;
  let id: string;
  beforeEach(async () => {
    glance = new DataGlance();
    id = await glance.activeImage('hello world', MEMBER);
  });

  it("when the owner downloads, then 200 with the bytes, Content-MD5 and headers in Glance's order", async () => {
    const res = await glance.download(id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(Buffer.from('hello world'));
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-md5']).toBe(MD5);
    expect(res.headers['content-length']).toBe('11');
    expect(res.headers['content-range']).toBeUndefined();
    expect(Object.keys(res.headers).slice(0, 4)).toEqual(['content-type', 'content-md5', 'content-length', 'x-openstack-request-id']);
  });

  it.each([
    ['bytes=0-4', 'bytes 0-4/11', 'hello'],
    ['bytes=6-', 'bytes 6-10/11', 'world'],
    ['bytes=-5', 'bytes 6-10/11', 'world'],
    ['bytes=-50', 'bytes 0-10/11', 'hello world'],
    ['bytes=3-100', 'bytes 3-10/11', 'lo world'],
    ['bytes=0-0', 'bytes 0-0/11', 'h'],
  ])('when Range is %s, then 206 with Content-Range %s', async (range, contentRange, data) => {
    const res = await glance.download(id, personas.owner, { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(contentRange);
    expect(res.headers['content-md5']).toBe(MD5);
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.body).toEqual(Buffer.from(data));
  });

  it('when an old client sends Content-Range instead, then 206 for that span', async () => {
    const res = await glance.download(id, personas.owner, { 'Content-Range': 'bytes 1-3/11' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 1-3/11');
    expect(res.body).toEqual(Buffer.from('ell'));
  });

  it('when the range starts past the end, then 416 naming the last valid position', async () => {
    const res = await glance.download(id, personas.owner, { Range: 'bytes=20-30' });
    expect(res.status).toBe(416);
    expect(res.body.toString()).toBe(
      '416 Request Range Not Satisfiable\n\nThe Range requested is not available.\n\n Invalid start position in Range header. ' +
        'Start position MUST be in the inclusive range [0, 10].  ',
    );
  });

  it.each(['bytes=5-2', 'junk'])('when Range is %s, then 416 Invalid Range header', async (range) => {
    const res = await glance.download(id, personas.owner, { Range: range });
    expect(res.status).toBe(416);
    expect(res.body.toString()).toBe(
      plain('416 Request Range Not Satisfiable', 'The Range requested is not available.', 'Invalid Range header.'),
    );
  });

  it('when several ranges are asked for, then 400', async () => {
    const res = await glance.download(id, personas.owner, { Range: 'bytes=0-1,3-4' });
    expect(res.status).toBe(400);
    expect(res.body.toString()).toBe(
      plain(
        '400 Bad Request',
        'Requests with multiple ranges are not supported in Glance. You may make multiple single-range requests instead.',
      ),
    );
  });

  it('when the image has no data yet, then 204 without Content-Type', async () => {
    const queued = await glance.createImage();
    const res = await glance.download(queued);
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.headers['content-length']).toBe('0');
  });

  it('when an image without data is asked for a Range, then the 500 the real server gives (its size is None)', async () => {
    const queued = await glance.createImage();
    const res = await glance.download(queued, personas.owner, { Range: 'bytes=0-4' });
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.body.length).toBe(0);
  });

  it('when a member (pending) or an admin downloads, then 200; a stranger gets 404', async () => {
    expect((await glance.download(id, personas.member)).status).toBe(200);
    expect((await glance.download(id, personas.admin)).status).toBe(200);
    const stranger = await glance.download(id, personas.stranger);
    expect(stranger.status).toBe(404);
    expect(stranger.body.toString()).toBe(plain('404 Not Found', `No image found with ID ${id}`));
  });

  it('when the image was deleted, then 404', async () => {
    await request(glance.app).delete(`/v2/images/${id}`).set(personas.owner);
    expect((await glance.download(id)).body.toString()).toBe(plain('404 Not Found', `No image found with ID ${id}`));
  });

  it('when HEAD is sent, then 405 allowing GET, PUT', async () => {
    const res = await request(glance.app).head(`/v2/images/${id}/file`).set(personas.owner);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, PUT');
  });

  it('when a project with only the reader role downloads under secure RBAC, then 403 download_image', async () => {
    glance = new DataGlance({ policy: 'secure-rbac' });
    id = await glance.activeImage();
    const reader = { ...personas.owner, 'X-Roles': 'reader' };
    const res = await glance.download(id, reader);
    expect(res.body.toString()).toBe(plain('403 Forbidden', 'You are not authorized to complete download_image action.'));
  });

  it('when a caller without any role names an image under secure RBAC, then the bare 404 of get_image, even as owner', async () => {
    glance = new DataGlance({ policy: 'secure-rbac' });
    id = await glance.activeImage();
    const noRoles = { ...personas.owner, 'X-Roles': '' };
    expect((await glance.download(id, noRoles)).body.toString()).toBe(plain('404 Not Found', 'The resource could not be found.'));
    expect((await glance.upload(id, 'x', noRoles)).text).toBe(plain('404 Not Found', 'The resource could not be found.'));
    expect((await glance.post(`/v2/images/${id}/actions/deactivate`, noRoles)).text).toBe(
      plain('404 Not Found', 'The resource could not be found.'),
    );
  });

  it('when a megabyte-sized image is downloaded in a range spanning its internal blocks, then the bytes are exact', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17, 0);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) % 251;
    const big = await glance.createImage();
    await glance.upload(big, data);
    const res = await glance.download(big, personas.owner, { Range: `bytes=${1024 * 1024 - 5}-${2 * 1024 * 1024 + 5}` });
    expect(res.status).toBe(206);
    expect(res.body.equals(data.subarray(1024 * 1024 - 5, 2 * 1024 * 1024 + 6))).toBe(true);
    expect((await glance.download(big)).body.equals(data)).toBe(true);
  });
});
