/**
 * What the database under Glance refuses to store (probed on Glance Zed):
 * MariaDB's `image_properties.value` is TEXT (65,535 bytes of UTF-8) and its
 * (image_id, name) key compares names case-insensitively; SQLite keeps both.
 * 4-byte characters are refused before the database on both.
 */
import { ClockedGlance } from './helpers/images';

const SERVER_ERROR =
  '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ';
const plain = (line: string, message: string) => `${line}\n\n${message}\n\n   `;
const answer = (res: { status: number; text: string }) => [res.status, res.text];

describe('a property value over 64 KiB', () => {
  it('when an image is created with 65,535 bytes on MariaDB, then 201; with 65,536, then 500', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    expect((await glance.post('/v2/images', { foo: 'a'.repeat(65_535) })).status).toBe(201);
    expect(answer(await glance.post('/v2/images', { foo: 'a'.repeat(65_536) }))).toEqual([500, SERVER_ERROR]);
  });

  it('when the limit is counted on MariaDB, then in UTF-8 bytes, not characters', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    expect((await glance.post('/v2/images', { foo: '€'.repeat(21_845) })).status).toBe(201);
    expect((await glance.post('/v2/images', { foo: '€'.repeat(21_846) })).status).toBe(500);
  });

  it('when a patch sets 65,536 bytes on MariaDB, then 500 and the image keeps its value', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    const id = await glance.createImage({ foo: 'before' });
    expect(answer(await glance.patch(`/v2/images/${id}`, [{ op: 'replace', path: '/foo', value: 'a'.repeat(65_536) }]))).toEqual([
      500,
      SERVER_ERROR,
    ]);
    expect((await glance.get(`/v2/images/${id}`)).body.foo).toBe('before');
  });

  it('when the same is done on SQLite, then the value is kept whole', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
    const res = await glance.post('/v2/images', { foo: 'a'.repeat(70_000) });
    expect([res.status, res.body.foo.length]).toEqual([201, 70_000]);
    const patched = await glance.patch(`/v2/images/${res.body.id}`, [{ op: 'add', path: '/bar', value: 'b'.repeat(70_000) }]);
    expect([patched.status, patched.body.bar.length]).toEqual([200, 70_000]);
  });
});

describe('two property names that differ only by case', () => {
  it('when they are created together on MariaDB, then 500; on SQLite, then both are kept', async () => {
    const mysql = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    expect(answer(await mysql.post('/v2/images', { Foo: '1', foo: '2' }))).toEqual([500, SERVER_ERROR]);
    const sqlite = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
    const res = await sqlite.post('/v2/images', { Foo: '1', foo: '2' });
    expect([res.status, res.body.Foo, res.body.foo]).toEqual([201, '1', '2']);
  });
});

describe('4-byte characters', () => {
  for (const dbProfile of ['mysql', 'sqlite'] as const) {
    it(`when a name, property name or value has one on ${dbProfile}, then 400 in Glance's words`, async () => {
      const glance = new ClockedGlance(undefined, { dbProfile });
      expect(answer(await glance.post('/v2/images', { name: '😀' }))).toEqual([
        400,
        plain('400 Bad Request', "Name can't contain 4 byte unicode characters."),
      ]);
      expect(answer(await glance.post('/v2/images', { '😀': 'x' }))).toEqual([
        400,
        plain('400 Bad Request', "Property names can't contain 4 byte unicode."),
      ]);
      expect(answer(await glance.post('/v2/images', { os_distro: '😀' }))).toEqual([
        400,
        plain('400 Bad Request', "Os_Distro can't contain 4 byte unicode characters."),
      ]);
      const id = await glance.createImage({ foo: 'kept' });
      expect(answer(await glance.patch(`/v2/images/${id}`, [{ op: 'add', path: '/foo', value: '😀' }]))).toEqual([
        400,
        plain('400 Bad Request', "Foo can't contain 4 byte unicode characters."),
      ]);
      expect((await glance.get(`/v2/images/${id}`)).body.foo).toBe('kept');
    });
  }
});

describe('a property added under the name of a removed one in another case', () => {
  it('when done on MariaDB, then 500: the removed row still holds the name', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'mysql' });
    const id = await glance.createImage({ foo: 'x' });
    expect(answer(await glance.patch(`/v2/images/${id}`, [{ op: 'add', path: '/FOO', value: 'y' }]))).toEqual([500, SERVER_ERROR]);
    expect((await glance.patch(`/v2/images/${id}`, [{ op: 'remove', path: '/foo' }])).status).toBe(200);
    expect(answer(await glance.patch(`/v2/images/${id}`, [{ op: 'add', path: '/FOO', value: 'y' }]))).toEqual([500, SERVER_ERROR]);
    const again = await glance.patch(`/v2/images/${id}`, [{ op: 'add', path: '/foo', value: 'z' }]);
    expect([again.status, again.body.foo]).toEqual([200, 'z']);
  });

  it('when done on SQLite, then both names are properties', async () => {
    const glance = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
    const id = await glance.createImage({ foo: 'x' });
    const res = await glance.patch(`/v2/images/${id}`, [{ op: 'add', path: '/FOO', value: 'y' }]);
    expect([res.status, res.body.foo, res.body.FOO]).toEqual([200, 'x', 'y']);
  });
});
