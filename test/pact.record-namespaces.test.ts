/**
 * A pact recorded across namespaces: every namespace's Glance calls are
 * interactions of the one pact, and each call's provider states come from its
 * own namespace's exchanges only (with `ids` seeded, the same id names a
 * different image in each namespace).
 */
import request from 'supertest';
import { createGlanceMock, pactRecorder } from '../src';
import { personas } from './helpers/personas';

test('when an image is deleted in one namespace and the same id is shown in another, then the show still meets "an image exists"', async () => {
  const mock = createGlanceMock({ ids: 'same-ids-everywhere' });
  const recorder = pactRecorder();
  mock.use(recorder.interceptor);
  const created = await request(mock.app).post('/_ns/a/v2/images').set(personas.owner).send('{"name": "one"}');
  const again = await request(mock.app).post('/_ns/b/v2/images').set(personas.owner).send('{"name": "one"}');
  expect(again.body.id).toBe(created.body.id);
  expect((await request(mock.app).delete(`/_ns/a/v2/images/${created.body.id}`).set(personas.owner)).status).toBe(204);
  expect((await request(mock.app).get(`/_ns/b/v2/images/${created.body.id}`).set(personas.owner)).status).toBe(200);

  const pact = recorder.pact({ consumer: 'c', provider: 'Glance' });
  expect(pact.interactions.map((i) => [i.description, i.providerStates.map((state) => state.name)])).toEqual([
    ['1. POST /v2/images → 201 (namespace a)', []],
    ['2. POST /v2/images → 201 (namespace b)', []],
    ['3. DELETE /v2/images/{image} → 204 (namespace a)', ['an image exists']],
    ['4. GET /v2/images/{image} → 200 (namespace b)', ['an image exists']],
  ]);
  expect(pact.interactions[3].request.path).toBe(`/v2/images/${created.body.id}`);
});
