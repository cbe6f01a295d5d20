/** The `ids` option: the same seed gives the same image and request ids, whatever else happened. */
import request from 'supertest';
import { createApp, seededIds } from '../src';
import { personas } from './helpers/personas';

describe('when the ids option is a seed, then image and request ids repeat', () => {
  const createImages = async (app: ReturnType<typeof createApp>) => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(app)
        .post('/v2/images')
        .set(personas.owner)
        .send(JSON.stringify({ name: `n${i}` }));
      ids.push(res.body.id);
    }
    return ids;
  };

  it('when two apps share an id seed, then they create the same image ids; another seed differs', async () => {
    const first = await createImages(createApp({ ids: 'seed-1' }));
    const again = await createImages(createApp({ ids: 'seed-1' }));
    const other = await createImages(createApp({ ids: 'seed-2' }));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('when request counts differ, then seeded image ids stay the same', async () => {
    const app = createApp({ ids: 'seed-1' });
    for (let i = 0; i < 5; i++) await request(app).get('/v2/images').set(personas.owner);
    expect(await createImages(app)).toEqual(await createImages(createApp({ ids: 'seed-1' })));
  });

  it('when seeded ids are used, then request ids are deterministic too', async () => {
    const id = async () =>
      (
        await request(createApp({ ids: 7 }))
          .get('/v2/images')
          .set(personas.owner)
      ).headers['x-openstack-request-id'];
    expect(await id()).toBe(await id());
    expect(seededIds(7).requestId()).toBe(await id());
  });
});
