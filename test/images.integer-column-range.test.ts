/**
 * `min_disk` and `min_ram` live in signed 32-bit columns: Glance's database layer
 * (glance.db.sqlalchemy.api._validate_db_int) refuses a larger value with a 400 before
 * writing, on create and on patch, after the 4-byte check and before the duplicate id.
 * Texts as a real Glance Zed (SQLite) answered them.
 */
import { GlanceClient } from './helpers/glance';
import { patchImage, replaceOp } from './helpers/images';
import { expectGlanceError } from './helpers/webob';

const MIN_RAM_OUT_OF_RANGE = "'min_ram' value out of range, must not exceed 2147483647.";
const MIN_DISK_OUT_OF_RANGE = "'min_disk' value out of range, must not exceed 2147483647.";

describe('when min_ram or min_disk exceeds 2147483647, then 400 out of range', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  it.each<[string, string, string]>([
    ['min_ram 2147483648', '{"min_ram": 2147483648}', MIN_RAM_OUT_OF_RANGE],
    ['min_disk 2147483648', '{"min_disk": 2147483648}', MIN_DISK_OUT_OF_RANGE],
    ['both, min_ram first (min_disk is checked first)', '{"min_ram": 2147483648, "min_disk": 2147483648}', MIN_DISK_OUT_OF_RANGE],
    ['a whole float 2147483648.0', '{"min_ram": 2147483648.0}', MIN_RAM_OUT_OF_RANGE],
    ['a number beyond 64 bits', '{"min_disk": 99999999999999999999999}', MIN_DISK_OUT_OF_RANGE],
  ])('when an image is created with %s, then 400 and nothing is created', async (_label, body, message) => {
    expectGlanceError(await glance.post('/v2/images', body), 400, message);
    const list = await glance.get('/v2/images');
    expect(list.body.images).toEqual([]);
  });

  it('when 2147483647 is given, then it is kept', async () => {
    const res = await glance.post('/v2/images', '{"min_ram": 2147483647}');
    expect(res.status).toBe(201);
    expect(res.body.min_ram).toBe(2147483647);
  });

  it('when the name has a 4-byte character too, then the 4-byte refusal comes first', async () => {
    const res = await glance.post('/v2/images', '{"min_ram": 2147483648, "name": "\\ud83d\\ude00"}');
    expectGlanceError(res, 400, "Name can't contain 4 byte unicode characters.");
  });

  it('when the id is taken too, then the range refusal comes first', async () => {
    const id = await glance.createImage();
    expectGlanceError(await glance.post('/v2/images', { id, min_ram: 2147483648 }), 400, MIN_RAM_OUT_OF_RANGE);
  });

  it('when a patch sets min_ram beyond the range, then 400 and the image keeps its value', async () => {
    const id = await glance.createImage({ min_ram: 2147483647 });
    expectGlanceError(await patchImage(glance, id, [replaceOp('/min_ram', 2147483648)]), 400, MIN_RAM_OUT_OF_RANGE);
    expect((await glance.get(`/v2/images/${id}`)).body.min_ram).toBe(2147483647);
  });

  it('when a patch sets both beyond the range, then min_disk is named', async () => {
    const id = await glance.createImage();
    const ops = [replaceOp('/min_ram', 2147483648), replaceOp('/min_disk', 2147483648)];
    expectGlanceError(await patchImage(glance, id, ops), 400, MIN_DISK_OUT_OF_RANGE);
  });

  it('when a later change of the patch fails first, then its refusal wins (changes are applied before the row is checked)', async () => {
    const id = await glance.createImage();
    const res = await patchImage(glance, id, [replaceOp('/min_ram', 2147483648), { op: 'remove', path: '/nope' }]);
    expect(res.status).toBe(409);
    expect(res.text).toBe('409 Conflict\n\nThere was a conflict when trying to complete your request.\n\n Property nope does not exist.  ');
  });
});
