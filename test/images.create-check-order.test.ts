/**
 * POST /v2/images: Glance's deserializer refuses reserved keys (403 with
 * webob's detail); its image factory refuses read-only keys and `locations`
 * only after the publicize policy and the owner check. Bodies from a real
 * Glance Zed.
 */
import { GlanceClient } from './helpers/glance';
import { personas } from './helpers/personas';
import { expectGlanceError, WEBOB } from './helpers/webob';

describe('the order of the checks on an image create', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });
  const create = (body: unknown) => glance.post('/v2/images', body, personas.owner);

  it('when a read-only and a reserved attribute come together, then the reserved 403 comes first', async () => {
    expectGlanceError(
      await create({ status: 'active', deleted: 'x' }),
      403,
      WEBOB.accessDenied,
      'plain',
      "Attribute 'deleted' is reserved.",
    );
    expectGlanceError(
      await create({ created_at: 'x', location: 'x' }),
      403,
      WEBOB.accessDenied,
      'plain',
      "Attribute 'location' is reserved.",
    );
  });

  it('when public visibility comes with a read-only attribute or locations, then the publicize 403 comes first', async () => {
    for (const extra of [{ status: 'active' }, { locations: [] }]) {
      expectGlanceError(
        await create({ visibility: 'public', ...extra }),
        403,
        'You are not authorized to complete publicize_image action.',
      );
    }
  });

  it('when another owner comes with a read-only attribute, then the owner 403 comes first', async () => {
    expectGlanceError(await create({ owner: 'other', status: 'active' }), 403, "You are not permitted to create images owned by 'other'.");
  });

  it('when only a read-only attribute is wrong, then 403 read-only and nothing is created', async () => {
    expectGlanceError(await create({ name: 'ro', status: 'active' }), 403, "Attribute 'status' is read-only.");
    const list = await glance.get('/v2/images');
    expect(list.body.images).toEqual([]);
  });
});
