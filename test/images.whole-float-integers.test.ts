import { GlanceClient } from './helpers/glance';
import { patchImage, replaceOp } from './helpers/images';
import { personas } from './helpers/personas';

const json = { ...personas.owner, 'Content-Type': 'application/json' };

/**
 * jsonschema counts a whole float as an integer; Python's json.dumps echoes it as the float it is,
 * in the answer of the call that wrote it; the integer column then keeps the integer.
 */
describe('an integer attribute given as a whole float', () => {
  it.each([
    ['1.0', '1.0'],
    ['1e3', '1000.0'],
  ])('when an image is created with min_ram %s, then 201 echoing %s', async (value, echoed) => {
    const res = await new GlanceClient().post('/v2/images', `{"min_ram": ${value}}`, json);
    expect(res.status).toBe(201);
    expect(res.text).toContain(`"min_ram": ${echoed}, `);
  });

  it('when the image is shown or listed later, then the integer its column kept', async () => {
    const glance = new GlanceClient();
    const created = await glance.post('/v2/images', '{"min_ram": 1.0, "min_disk": 2.0}', json);
    expect(created.text).toContain('"min_ram": 1.0, ');
    expect(created.text).toContain('"min_disk": 2.0, ');
    const shown = await glance.get(`/v2/images/${created.body.id}`);
    expect(shown.text).toContain('"min_ram": 1, ');
    expect(shown.text).toContain('"min_disk": 2, ');
    expect((await glance.get('/v2/images')).text).toContain('"min_ram": 1, ');
  });

  it('when a patch sets min_ram to 3.0, then its answer echoes 3.0 and a later GET shows 3', async () => {
    const glance = new GlanceClient();
    const id = await glance.createImage();
    const patched = await patchImage(glance, id, '[{"op": "replace", "path": "/min_ram", "value": 3.0}]');
    expect(patched.status).toBe(200);
    expect(patched.text).toContain('"min_ram": 3.0, ');
    expect((await glance.get(`/v2/images/${id}`)).text).toContain('"min_ram": 3, ');
    const renamed = await patchImage(glance, id, [replaceOp('/name', 'n')]);
    expect(renamed.text).toContain('"min_ram": 3, ');
  });

  it('when min_ram is 1.5, then 400 naming the float as Python prints it', async () => {
    const res = await new GlanceClient().post('/v2/images', '{"min_ram": 1.5}', { ...json, Accept: 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Provided object does not match schema 'image': 1.5 is not of type 'integer'");
  });

  it('when a property is 1e16, then 400 printing it as Python does', async () => {
    const res = await new GlanceClient().post('/v2/images', '{"x": 1e16}', { ...json, Accept: 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Provided object does not match schema 'image': 1e+16 is not of type 'string'");
  });
});
