/**
 * PUT /v2/images/{id}/file, as a real Glance Zed (file store) answered it.
 */
import request from 'supertest';
import { DataGlance, OCTET, plain } from './helpers/image-data';
import { MEMBER, personas } from './helpers/personas';

const HELLO_MD5 = '5eb63bbbe01eeed093cb22bb8f5acdc3';
const HELLO_SHA512 =
  '309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f';

describe('PUT /v2/images/{image_id}/file', () => {
  let glance: DataGlance;
  beforeEach(() => {
    glance = new DataGlance();
  });

  it('when the owner uploads data to a queued raw/bare image, then 204 and the image is active with size, checksum and sha512', async () => {
    const id = await glance.createImage();
    const res = await glance.upload(id, 'hello world');
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(res.headers['content-length']).toBe('0');
    const image = (await glance.show(id)).body;
    expect(image).toMatchObject({
      status: 'active',
      size: 11,
      virtual_size: 11,
      checksum: HELLO_MD5,
      os_hash_algo: 'sha512',
      os_hash_value: HELLO_SHA512,
    });
  });

  it('when the data comes chunked, then it is stored all the same', async () => {
    const id = await glance.createImage({ disk_format: 'qcow2' });
    const req = request(glance.app).put(`/v2/images/${id}/file`).set(personas.owner).set('Content-Type', OCTET);
    req.write('chun');
    req.write('ky');
    const res = await req;
    expect(res.status).toBe(204);
    // qcow2 data without a qcow2 header: Glance's inspector finds no virtual size.
    expect((await glance.show(id)).body).toMatchObject({
      status: 'active',
      size: 6,
      virtual_size: null,
      checksum: 'a6e87cbd2bad72958aef7f8cbb823be8',
    });
  });

  it('when the body is empty, then the image is active with size 0 and no virtual size', async () => {
    const id = await glance.createImage();
    expect((await glance.upload(id, '')).status).toBe(204);
    expect((await glance.show(id)).body).toMatchObject({
      status: 'active',
      size: 0,
      virtual_size: null,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
    });
  });

  it('when a qcow2 header declares a virtual size, then virtual_size is that size', async () => {
    const id = await glance.createImage({ disk_format: 'qcow2' });
    const header = Buffer.alloc(1024);
    Buffer.from([0x51, 0x46, 0x49, 0xfb]).copy(header);
    header.writeBigUInt64BE(1073741824n, 24);
    await glance.upload(id, header);
    expect((await glance.show(id)).body).toMatchObject({ size: 1024, virtual_size: 1073741824 });
  });

  it('when the container format is not bare, then no virtual size is computed', async () => {
    const id = await glance.createImage({ container_format: 'ovf' });
    await glance.upload(id, 'abc');
    expect((await glance.show(id)).body).toMatchObject({ size: 3, virtual_size: null });
  });

  it('when both formats are missing, then 400 naming both, and the image stays queued', async () => {
    const id = await glance.createImage({ disk_format: null, container_format: null });
    const res = await glance.upload(id, 'x');
    expect(res.status).toBe(400);
    expect(res.text).toBe(plain('400 Bad Request', 'Properties disk_format, container_format must be set prior to saving data.'));
    expect((await glance.show(id)).body.status).toBe('queued');
  });

  it.each([
    ['container_format', { container_format: null }],
    ['disk_format', { disk_format: null }],
  ])('when only %s is missing, then 400 naming it', async (name, body) => {
    const id = await glance.createImage(body);
    const res = await glance.upload(id, 'x');
    expect(res.text).toBe(plain('400 Bad Request', `Property ${name} must be set prior to saving data.`));
  });

  it('when the image is already active, then 409 on the status transition', async () => {
    const id = await glance.activeImage();
    const res = await glance.upload(id, 'again');
    expect(res.status).toBe(409);
    expect(res.text).toBe(plain('409 Conflict', 'Image status transition from active to saving is not allowed'));
  });

  it.each([
    ['application/json', 'application/json'],
    ['APPLICATION/octet-stream', 'APPLICATION/octet-stream'],
    ['application/json; x=1', 'application/json; x=1'],
  ])('when the Content-Type is %s, then 415 quoting it', async (contentType, quoted) => {
    const id = await glance.createImage();
    const res = await glance.upload(id, 'x', personas.owner, contentType);
    expect(res.status).toBe(415);
    expect(res.text).toBe(`415 Unsupported Media Type\n\nThe request media type ${quoted} is not supported by this server. \n\n `);
    expect((await glance.show(id)).body.status).toBe('queued');
  });

  it('when there is no Content-Type, then 415 for text/plain, the WSGI default', async () => {
    const id = await glance.createImage();
    const res = await glance.upload(id, 'x', personas.owner, null);
    expect(res.status).toBe(415);
    expect(res.text).toBe('415 Unsupported Media Type\n\nThe request media type text/plain is not supported by this server. \n\n ');
  });

  it('when the Content-Type has parameters, then the upload is accepted', async () => {
    const id = await glance.createImage();
    expect((await glance.upload(id, 'x', personas.owner, `${OCTET}; charset=utf-8`)).status).toBe(204);
  });

  it('when a member uploads, then 403 Not allowed to upload image data', async () => {
    const id = await glance.createImage();
    await glance.addMember(id, MEMBER);
    const res = await glance.upload(id, 'x', personas.member);
    expect(res.status).toBe(403);
    expect(res.text).toBe(plain('403 Forbidden', `Not allowed to upload image data for image ${id}`));
  });

  it('when a stranger uploads, then 404 No image found', async () => {
    const id = await glance.createImage();
    const res = await glance.upload(id, 'x', personas.stranger);
    expect(res.status).toBe(404);
    expect(res.text).toBe(plain('404 Not Found', `No image found with ID ${id}`));
  });

  it("when an admin uploads to someone else's image, then 204", async () => {
    const id = await glance.createImage();
    expect((await glance.upload(id, 'admindata', personas.admin)).status).toBe(204);
  });

  it('when the image was deleted, then 404 No image found', async () => {
    const id = await glance.createImage();
    await request(glance.app).delete(`/v2/images/${id}`).set(personas.owner);
    const res = await glance.upload(id, 'x');
    expect(res.text).toBe(plain('404 Not Found', `No image found with ID ${id}`));
  });

  it('when a member uploads under secure RBAC, then 403 upload_image', async () => {
    glance = new DataGlance({ policy: 'secure-rbac' });
    const id = await glance.createImage();
    await glance.addMember(id, MEMBER);
    const res = await glance.upload(id, 'x', personas.member);
    expect(res.text).toBe(plain('403 Forbidden', 'You are not authorized to complete upload_image action.'));
  });

  it('when PATCH is sent to the file, then the body is parsed first: 400 Malformed JSON', async () => {
    const id = await glance.createImage();
    const res = await request(glance.app).patch(`/v2/images/${id}/file`).set(personas.owner).set('Content-Type', OCTET).send('x');
    expect(res.text).toBe(plain('400 Bad Request', 'Malformed JSON in request body.'));
  });
});
