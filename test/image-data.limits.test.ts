/**
 * image_size_cap, user_storage_quota and the mock's own memory bound, as a
 * real Glance Zed answered with image_size_cap = 10 and user_storage_quota = 20.
 */
import request from 'supertest';
import { DataGlance, OCTET, plain } from './helpers/image-data';
import { personas } from './helpers/personas';

const TOO_LARGE = '413 Request Entity Too Large';

const chunked = (glance: DataGlance, id: string, parts: string[]) => {
  const req = request(glance.app).put(`/v2/images/${id}/file`).set(personas.owner).set('Content-Type', OCTET);
  for (const part of parts) req.write(part);
  return req;
};

describe('upload limits', () => {
  let glance: DataGlance;
  beforeEach(() => {
    glance = new DataGlance({ imageSizeCap: 10, userStorageQuota: '20' });
  });

  it.each([
    ['with a Content-Length', (g: DataGlance, id: string) => g.upload(id, 'x'.repeat(11))],
    ['chunked', (g: DataGlance, id: string) => chunked(g, id, ['xxxxxx', 'xxxxx'])],
  ])('when the data passes image_size_cap (%s), then 413 and the image is queued again', async (_how, send) => {
    const id = await glance.createImage();
    const res = await send(glance, id);
    expect(res.status).toBe(413);
    expect(res.text).toBe(plain(TOO_LARGE, 'The incoming image is too large: The provided image is too large.'));
    expect((await glance.show(id)).body).toMatchObject({ status: 'queued', size: null });
    expect((await glance.upload(id, 'x'.repeat(10))).status).toBe(204);
  });

  it("when a declared size passes the owner's storage quota, then 413 with size and room left, and the image is queued", async () => {
    await glance.activeImage('y'.repeat(10));
    await glance.activeImage('y'.repeat(10));
    const id = await glance.createImage();
    const res = await glance.upload(id, 'z');
    expect(res.text).toBe(
      plain(TOO_LARGE, 'Image exceeds the storage quota: The size of the data 1 will exceed the limit. 0 bytes remaining.'),
    );
    expect((await glance.show(id)).body.status).toBe('queued');
  });

  it('when a chunked upload meets a full quota, then 413 for a size of None', async () => {
    await glance.activeImage('y'.repeat(10));
    await glance.activeImage('y'.repeat(10));
    const id = await glance.createImage();
    const res = await chunked(glance, id, ['z']);
    expect(res.text).toBe(
      plain(TOO_LARGE, 'Image exceeds the storage quota: The size of the data None will exceed the limit. 0 bytes remaining.'),
    );
  });

  it('when a chunked upload turns out larger than the room left, then 413 after reading it and the image stays saving, as on Glance', async () => {
    await glance.activeImage('y'.repeat(10));
    await glance.activeImage('y'.repeat(5));
    const id = await glance.createImage();
    const res = await chunked(glance, id, ['vvv', 'vvv']);
    expect(res.text).toBe(
      plain(TOO_LARGE, 'Image exceeds the storage quota: The size of the data 6 will exceed the limit. 5 bytes remaining.'),
    );
    expect((await glance.show(id)).body).toMatchObject({ status: 'saving', size: null });
    const again = await glance.upload(id, 'v');
    expect(again.text).toBe(plain('409 Conflict', 'Image status transition from saving to saving is not allowed'));
  });

  it('when an image is deleted, then its size no longer counts against the quota', async () => {
    const first = await glance.activeImage('y'.repeat(10));
    await glance.activeImage('y'.repeat(10));
    await request(glance.app).delete(`/v2/images/${first}`).set(personas.owner);
    const id = await glance.createImage();
    expect((await glance.upload(id, 'w'.repeat(5))).status).toBe(204);
  });

  it('when user_storage_quota has a unit, then it counts in powers of 1024', async () => {
    glance = new DataGlance({ userStorageQuota: '1KB' });
    await glance.activeImage('a'.repeat(1000));
    const id = await glance.createImage();
    expect((await glance.upload(id, 'b'.repeat(25))).text).toBe(
      plain(TOO_LARGE, 'Image exceeds the storage quota: The size of the data 25 will exceed the limit. 24 bytes remaining.'),
    );
  });

  it("when an upload would pass the mock's memory bound, then a clear 413, nothing kept, and smaller uploads still work", async () => {
    glance = new DataGlance({ dataMemoryLimit: 100 });
    await glance.activeImage('a'.repeat(60));
    const id = await glance.createImage();
    const res = await glance.upload(id, 'b'.repeat(41));
    expect(res.status).toBe(413);
    expect(res.text).toBe(
      plain(
        TOO_LARGE,
        'The incoming image is too large: glance-mock keeps at most 100 bytes of image data in memory ' +
          '(option dataMemoryLimit / --data-memory-limit).',
      ),
    );
    expect((await glance.show(id)).body.status).toBe('queued');
    expect((await glance.upload(id, 'b'.repeat(40))).status).toBe(204);
  });

  it('when an image with data is deleted, then its bytes leave the memory bound', async () => {
    glance = new DataGlance({ dataMemoryLimit: 100 });
    const first = await glance.activeImage('a'.repeat(80));
    await request(glance.app).delete(`/v2/images/${first}`).set(personas.owner);
    const id = await glance.createImage();
    expect((await glance.upload(id, 'b'.repeat(80))).status).toBe(204);
  });

  it.each([
    [{ userStorageQuota: '5XB' }, 'userStorageQuota must be a number of bytes, optionally with B, KB, MB, GB or TB (got 5XB)'],
    [{ imageSizeCap: 0 }, 'imageSizeCap must be a positive integer (got 0)'],
    [{ dataMemoryLimit: -1 }, 'dataMemoryLimit must be a non-negative integer (got -1)'],
    [{ imageTagQuota: 1.5 }, 'imageTagQuota must be an integer (got 1.5)'],
  ])('when an option is invalid (%j), then the mock refuses to start, naming it', (options, message) => {
    expect(() => new DataGlance(options)).toThrow(message);
  });
});
