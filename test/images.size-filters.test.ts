/**
 * GET /v2/images?size_min=&size_max=, as a real Glance Zed filters: images
 * without data never match, a value Python's int() refuses is a 400.
 */
import request from 'supertest';
import { DataGlance, plain } from './helpers/image-data';
import { personas } from './helpers/personas';

describe('GET /v2/images size filters', () => {
  let glance: DataGlance;
  let withData: string;
  beforeEach(async () => {
    glance = new DataGlance();
    withData = await glance.activeImage('hello world');
    await glance.createImage({ name: 'queued' });
  });

  const ids = async (query: string) =>
    ((await request(glance.app).get(`/v2/images?${query}`).set(personas.owner)).body.images as Array<{ id: string }>).map((i) => i.id);

  it.each([
    ['size_min=5', true],
    ['size_min=0', true],
    ['size_min=11&size_max=11', true],
    ['size_max=5', false],
    ['virtual_size_min=12', false],
  ])('when filtered by %s, then the image with data is listed: %s, the one without never', async (query, listed) => {
    expect(await ids(query)).toEqual(listed ? [withData] : []);
  });

  it.each(['abc', '1.5'])('when size_min is %s, then 400 non-numeric', async (value) => {
    const res = await request(glance.app).get(`/v2/images?size_min=${value}`).set(personas.owner);
    expect(res.status).toBe(400);
    expect(res.text).toBe(plain('400 Bad Request', 'Unable to filter on a range with a non-numeric value.'));
  });
});
