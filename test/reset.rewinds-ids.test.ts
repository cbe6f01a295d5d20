import request from 'supertest';
import { createGlanceMock } from '../src';

const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p-owner', 'X-Roles': 'member' };

async function createImageId(app: ReturnType<typeof createGlanceMock>['app']): Promise<string> {
  const res = await request(app).post('/v2/images').set(OWNER).send({ name: 'x' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('reset() of a mock made with seeded ids', () => {
  it('when the mock is reset, then it issues the same image ids and request ids as a fresh mock with that seed', async () => {
    const fresh = createGlanceMock({ ids: 's' });
    const reused = createGlanceMock({ ids: 's' });
    await createImageId(reused.app);
    await createImageId(reused.app);
    reused.reset();
    expect(await createImageId(reused.app)).toBe(await createImageId(fresh.app));
    const [a, b] = await Promise.all([request(reused.app).get('/v2/images').set(OWNER), request(fresh.app).get('/v2/images').set(OWNER)]);
    expect(a.headers['x-openstack-request-id']).toBe(b.headers['x-openstack-request-id']);
  });

  it('when an id source of your own has no rewind(), then reset() still works and the source goes on', async () => {
    let n = 0;
    const mock = createGlanceMock({
      ids: { imageId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, requestId: () => 'req-x' },
    });
    expect(await createImageId(mock.app)).toBe('00000000-0000-4000-8000-000000000001');
    mock.reset();
    expect(await createImageId(mock.app)).toBe('00000000-0000-4000-8000-000000000002');
  });
});
