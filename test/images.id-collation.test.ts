/**
 * Image ids compare as the database behind Glance compares them (probed on
 * Glance Zed): MariaDB's utf8_general_ci finds an image by its id in upper
 * case, SQLite does not; an id longer than the column's 36 characters finds
 * nothing on either (`_check_image_id`).
 */
import { ClockedGlance } from './helpers/images';
import { MEMBER, personas } from './helpers/personas';
import { expectGlanceError } from './helpers/webob';

const PATCH = [{ op: 'replace', path: '/name', value: 'renamed' }];

describe('an image id in upper case', () => {
  describe('on MariaDB (mysql profile)', () => {
    let glance: ClockedGlance;
    let id: string;
    let upper: string;
    beforeEach(async () => {
      glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
      id = await glance.createImage({ visibility: 'shared' });
      upper = id.toUpperCase();
    });

    it('when a member is added through it, then 200 and the body carries the stored lower-case id', async () => {
      const res = await glance.post(`/v2/images/${upper}/members`, { member: MEMBER });
      expect(res.status).toBe(200);
      expect(res.body.image_id).toBe(id);
    });

    it('when members are listed, shown, updated and removed through it, then each finds the image', async () => {
      await glance.addMember(id, MEMBER);
      const list = await glance.get(`/v2/images/${upper}/members`);
      expect(list.status).toBe(200);
      expect(list.body.members.map((m: { image_id: string }) => m.image_id)).toEqual([id]);
      expect((await glance.get(`/v2/images/${upper}/members/${MEMBER}`)).body.image_id).toBe(id);
      const update = await glance.put(`/v2/images/${upper}/members/${MEMBER}`, { status: 'accepted' }, personas.member);
      expect([update.status, update.body.status]).toEqual([200, 'accepted']);
      expect((await glance.delete(`/v2/images/${upper}/members/${MEMBER}`)).status).toBe(204);
    });

    it('when the image is shown, patched and deleted through it, then each finds the stored image', async () => {
      expect((await glance.get(`/v2/images/${upper}`)).body.id).toBe(id);
      const patched = await glance.patch(`/v2/images/${upper}`, PATCH);
      expect([patched.status, patched.body.id, patched.body.name]).toEqual([200, id, 'renamed']);
      expect((await glance.delete(`/v2/images/${upper}`)).status).toBe(204);
      expectGlanceError(await glance.get(`/v2/images/${id}`), 404, `No image found with ID ${id}`);
    });

    it('when it is the marker, then the page starts after the stored image', async () => {
      const newer = await glance.createLater({ name: 'newer' });
      const res = await glance.get(`/v2/images?marker=${newer.toUpperCase()}`);
      expect(res.status).toBe(200);
      expect(res.body.images.map((image: { id: string }) => image.id)).toEqual([id]);
    });

    it('when an accented marker differs from an id only by its accents, then it is that image', async () => {
      const older = await glance.createLater({ id: 'aaaaaaaa-0000-4000-8000-00000000000e' });
      await glance.createLater({ id: 'aaaaaaaa-0000-4000-8000-00000000000a' });
      const res = await glance.get(`/v2/images?marker=${encodeURIComponent('áaaaaaaa-0000-4000-8000-00000000000a')}`);
      expect(res.status).toBe(200);
      expect(res.body.images.map((image: { id: string }) => image.id)).toEqual([older, id]);
    });

    it('when an image is created with the upper-case form of a live or deleted id, then 409 naming it as given', async () => {
      expectGlanceError(await glance.post('/v2/images', { id: upper }), 409, `Image ID ${upper} already exists!`);
      await glance.delete(`/v2/images/${id}`);
      expectGlanceError(await glance.post('/v2/images', { id: upper }), 409, `Image ID ${upper} already exists!`);
    });
  });

  describe('on SQLite', () => {
    let glance: ClockedGlance;
    let id: string;
    let upper: string;
    beforeEach(async () => {
      glance = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
      id = await glance.createImage({ visibility: 'shared' });
      upper = id.toUpperCase();
    });

    it('when a member is added through it, then 404 naming the id as given', async () => {
      expectGlanceError(await glance.post(`/v2/images/${upper}/members`, { member: MEMBER }), 404, `Image ${upper} not found.`);
    });

    it('when the image is patched or deleted through it, then 404', async () => {
      expectGlanceError(await glance.patch(`/v2/images/${upper}`, PATCH), 404, `No image found with ID ${upper}`);
      expectGlanceError(await glance.delete(`/v2/images/${upper}`), 404, `Failed to find image ${upper} to delete`);
    });

    it('when it is the marker, then 400', async () => {
      expectGlanceError(await glance.get(`/v2/images?marker=${upper}`), 400, `No image found with ID ${upper}`);
    });

    it('when an image is created with it, then 201: it is another id', async () => {
      const res = await glance.post('/v2/images', { id: upper });
      expect([res.status, res.body.id]).toEqual([201, upper]);
    });
  });
});

describe('an image id longer than 36 characters', () => {
  for (const dbProfile of ['mysql', 'sqlite'] as const) {
    it(`when an id with a trailing space is looked up on ${dbProfile}, then 404 naming it as given`, async () => {
      const glance = new ClockedGlance(undefined, { dbProfile });
      const id = await glance.createImage({ visibility: 'shared' });
      expectGlanceError(await glance.get(`/v2/images/${id}%20`), 404, `No image found with ID ${id} `);
      expectGlanceError(await glance.get(`/v2/images/${id}%20%20/members`), 404, `Image ${id}   not found.`);
    });

    it(`when it is the marker on ${dbProfile}, then 400 with Glance's unfilled message`, async () => {
      const glance = new ClockedGlance(undefined, { dbProfile });
      const id = await glance.createImage();
      expectGlanceError(await glance.get(`/v2/images?marker=${id}%20`), 400, 'Image with the given id %(image_id)s was not found');
    });
  }
});
