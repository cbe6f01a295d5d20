/**
 * A property value the image schema refuses is printed in the 400 by
 * jsonschema's pprint.pformat, about three Python frames per level of
 * nesting; nested deep enough, that hits Python's recursion limit and Glance
 * Zed answers its generic 500 (measured: a list 300 deep on create, 299 on
 * PATCH; an object 298 deep on both). The request changes nothing.
 */
import { ClockedGlance, PATCH_V20, patchImage } from './helpers/images';

const SERVER_ERROR = 'The server has either erred or is incapable of performing the requested operation.';
const lists = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const objects = (depth: number) => `${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}`;

describe("image property values nested near Python's recursion limit", () => {
  let glance: ClockedGlance;
  beforeEach(() => {
    glance = new ClockedGlance();
  });

  async function imageCount(): Promise<number> {
    return (await glance.get('/v2/images')).body.images.length;
  }

  it('when an image is created with a property of lists 300 deep, then 500 and no image is created', async () => {
    const res = await glance.post('/v2/images', `{"name": "deep", "x": ${lists(300)}}`);
    expect(res.status).toBe(500);
    expect(res.text).toContain(SERVER_ERROR);
    expect(await imageCount()).toBe(0);
  });

  it('when an image is created with a property of lists 299 deep, then 400 quoting the value', async () => {
    const res = await glance.post('/v2/images', `{"name": "deep", "x": ${lists(299)}}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`${lists(299)} is not of type 'string'`);
    expect(await imageCount()).toBe(0);
  });

  it('when an image is created with a property of objects 298 deep, then 500; 297 deep, then 400', async () => {
    expect((await glance.post('/v2/images', `{"x": ${objects(298)}}`)).status).toBe(500);
    const res = await glance.post('/v2/images', `{"x": ${objects(297)}}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`${"{'a': ".repeat(297)}1${'}'.repeat(297)} is not of type 'string'`);
  });

  it('when the name is lists 300 deep, then 500; 299 deep, then 400 (the same printing, whatever the attribute)', async () => {
    expect((await glance.post('/v2/images', `{"name": ${lists(300)}}`)).status).toBe(500);
    const res = await glance.post('/v2/images', `{"name": ${lists(299)}}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`${lists(299)} is not of type 'null', 'string'`);
  });

  it('when tags is lists 301 deep, then 500; 300 deep, then 400 (the failing item is one level less deep)', async () => {
    expect((await glance.post('/v2/images', `{"tags": ${lists(301)}}`)).status).toBe(500);
    const res = await glance.post('/v2/images', `{"tags": ${lists(300)}}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain("On instance['tags'][0]:");
  });

  it('when a property of lists 299 deep is added by PATCH, then 500 and the image is unchanged', async () => {
    const id = await glance.createImage({ name: 'kept' });
    const before = await glance.get(`/v2/images/${id}`);
    glance.clock.advance(1000);
    const res = await patchImage(glance, id, `[{"op": "add", "path": "/x", "value": ${lists(299)}}]`);
    expect(res.status).toBe(500);
    expect(res.text).toContain(SERVER_ERROR);
    expect((await glance.get(`/v2/images/${id}`)).text).toBe(before.text);
  });

  it('when a property of lists 298 deep is added by PATCH, then 400 quoting the value', async () => {
    const id = await glance.createImage();
    const res = await patchImage(glance, id, `[{"op": "add", "path": "/x", "value": ${lists(298)}}]`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`${lists(298)} is not of type 'string'`);
  });

  it('when the name is replaced by objects 298 deep in a v2.0 patch, then 500; 297 deep, then 400', async () => {
    const id = await glance.createImage();
    expect((await patchImage(glance, id, `[{"replace": "/name", "value": ${objects(298)}}]`, undefined, PATCH_V20)).status).toBe(500);
    const res = await patchImage(glance, id, `[{"replace": "/name", "value": ${objects(297)}}]`, undefined, PATCH_V20);
    expect(res.status).toBe(400);
    expect(res.text).toContain("is not of type 'null', 'string'");
  });

  it('when the deep value is also wide (800 levels of 100 strings each), then 500 in well under a few seconds', async () => {
    const strings = Array.from({ length: 100 }, (_, i) => `"s${i}"`).join(', ');
    const value = `${`[${strings}, `.repeat(800)}[]${']'.repeat(800)}`;
    const started = Date.now();
    const res = await glance.post('/v2/images', `{"x": ${value}}`);
    expect(res.status).toBe(500);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
