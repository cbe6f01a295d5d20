import { GlanceClient } from './helpers/glance';
import { personas } from './helpers/personas';

const json = { ...personas.owner, 'Content-Type': 'application/json' };

/** jsonschema counts a whole float as an integer; Python's json.dumps echoes it as the float it is. */
describe('an integer attribute given as a whole float', () => {
  it.each([
    ['1.0', '1.0'],
    ['1e3', '1000.0'],
  ])('when an image is created with min_ram %s, then 201 echoing %s', async (value, echoed) => {
    const res = await new GlanceClient().post('/v2/images', `{"min_ram": ${value}}`, json);
    expect(res.status).toBe(201);
    expect(res.text).toContain(`"min_ram": ${echoed}, `);
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
