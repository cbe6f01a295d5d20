/**
 * The image list is Glance's SQL query, so owners, member ids and filters
 * compare as the database compares text (probed on Glance Zed); a show,
 * patch or delete checks ownership in Python and compares exactly.
 */
import { ClockedGlance } from './helpers/images';
import { identity, personas } from './helpers/personas';
import { expectGlanceError } from './helpers/webob';

const names = (res: { body: { images: Array<{ name: string }> } }) => res.body.images.map((image) => image.name).sort();

async function ownedImages(glance: ClockedGlance) {
  const owner = identity('fzown1');
  const privateId = await glance.createLater({ name: 'o-private', visibility: 'private', Foo: 'Bar' }, owner);
  await glance.createLater({ name: 'o-shared', visibility: 'shared' }, owner);
  await glance.createLater({ name: 'o-community', visibility: 'community' }, owner);
  return privateId;
}

describe('a project id that differs from an owner only by case', () => {
  it("when it lists images on MariaDB, then it sees that owner's private, shared and community images", async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    await ownedImages(glance);
    expect(names(await glance.get('/v2/images', identity('FZOWN1')))).toEqual(['o-community', 'o-private', 'o-shared']);
    expect(names(await glance.get('/v2/images', identity('fzówn1 ')))).toEqual(['o-community', 'o-private', 'o-shared']);
  });

  it('when it lists images on SQLite, then it sees none of them', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
    await ownedImages(glance);
    expect(names(await glance.get('/v2/images', identity('FZOWN1')))).toEqual([]);
  });

  for (const dbProfile of ['mysql', 'sqlite'] as const) {
    it(`when it shows, patches or deletes the private image on ${dbProfile}, then 404 as for a stranger`, async () => {
      const glance = new ClockedGlance(undefined, { dbProfile });
      const id = await ownedImages(glance);
      const caller = identity('FZOWN1');
      expectGlanceError(await glance.get(`/v2/images/${id}`, caller), 404, `No image found with ID ${id}`);
      expectGlanceError(await glance.patch(`/v2/images/${id}`, [], caller), 404, `No image found with ID ${id}`);
      expectGlanceError(await glance.delete(`/v2/images/${id}`, caller), 404, `Failed to find image ${id} to delete`);
    });
  }
});

describe('list filters', () => {
  it('when name, owner and property filters differ from the image by case or accent on MariaDB, then they match', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    await ownedImages(glance);
    const owner = identity('fzown1');
    expect(names(await glance.get('/v2/images?name=O-PRIVATE', owner))).toEqual(['o-private']);
    expect(names(await glance.get('/v2/images?owner=FZOWN1&name=o-shared', owner))).toEqual(['o-shared']);
    expect(names(await glance.get('/v2/images?foo=b%C3%A1r', owner))).toEqual(['o-private']);
  });

  it('when they differ by case on SQLite, then nothing matches', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
    await ownedImages(glance);
    const owner = identity('fzown1');
    expect(names(await glance.get('/v2/images?name=O-PRIVATE', owner))).toEqual([]);
    expect(names(await glance.get('/v2/images?foo=Bar', owner))).toEqual([]);
    expect(names(await glance.get('/v2/images?Foo=Bar', owner))).toEqual(['o-private']);
  });

  it('when a member id differs from the caller only by case on MariaDB, then the shared image is listed', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    const id = await glance.createImage({ name: 'shared-with', visibility: 'shared' });
    await glance.addMember(id, 'fzmem1');
    await glance.setStatus(id, 'fzmem1', 'accepted', identity('fzmem1'));
    expect(names(await glance.get('/v2/images', identity('FZMEM1')))).toEqual(['shared-with']);
  });
});

describe('a caller without a project', () => {
  const noProject = { 'X-Identity-Status': 'Confirmed', 'X-Roles': 'member,reader', 'X-User-Id': 'u' };

  for (const dbProfile of ['mysql', 'sqlite'] as const) {
    it(`when it lists images on ${dbProfile}, then it sees every shared image with a live member, whatever its status`, async () => {
      const glance = new ClockedGlance(undefined, { dbProfile });
      const made: Record<string, string> = {};
      for (const name of ['pending', 'accepted', 'rejected', 'no-member', 'member-removed', 'private']) {
        made[name] = await glance.createLater({ name, visibility: 'shared' });
        if (name === 'no-member') continue;
        await glance.addMember(made[name], 'm1');
        if (['accepted', 'rejected'].includes(name)) await glance.setStatus(made[name], 'm1', name, identity('m1'));
      }
      await glance.delete(`/v2/images/${made['member-removed']}/members/m1`);
      await glance.patch(`/v2/images/${made.private}`, [{ op: 'replace', path: '/visibility', value: 'private' }]);
      for (const query of ['', '?member_status=pending', '?member_status=rejected', '?visibility=shared']) {
        expect(names(await glance.get(`/v2/images${query}`, noProject))).toEqual(['accepted', 'pending', 'rejected']);
      }
      expect(names(await glance.get('/v2/images?visibility=private', noProject))).toEqual([]);
      expectGlanceError(await glance.get(`/v2/images/${made.accepted}`, noProject), 404, `No image found with ID ${made.accepted}`);
      expectGlanceError(
        await glance.get(`/v2/images?marker=${made.accepted}`, noProject),
        403,
        `Forbidding request, image ${made.accepted} not visible`,
      );
    });
  }

  it('when the owner lists its images, then the member-only rule does not hide its own unshared ones', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    await glance.createImage({ name: 'mine', visibility: 'shared' });
    expect(names(await glance.get('/v2/images', personas.owner))).toEqual(['mine']);
  });
});

describe('sorting by name', () => {
  it('when names differ in case, then MariaDB sorts them case-insensitively and SQLite by code point', async () => {
    const sorted = async (dbProfile: 'mysql' | 'sqlite') => {
      const glance = new ClockedGlance(undefined, { dbProfile });
      for (const name of ['b', 'A', 'C']) await glance.createLater({ name });
      return (await glance.get('/v2/images?sort=name:asc')).body.images.map((image: { name: string }) => image.name);
    };
    expect(await sorted('mysql')).toEqual(['A', 'b', 'C']);
    expect(await sorted('sqlite')).toEqual(['A', 'C', 'b']);
  });
});
