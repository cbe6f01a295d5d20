import { running } from './running';

/** POST /_mock/seed?generate: the fake-cloud generator behind the control plane. */
describe('when a test asks the control plane to generate a seed', () => {
  let client: Awaited<ReturnType<typeof running>>;
  beforeEach(async () => {
    client = await running();
  });
  afterEach(async () => client.mock.close());

  const generate = (query: string) => client.call('POST', `/_mock/seed?generate&${query}`);

  test('then the generated cloud is loaded and the answer lists what was created', async () => {
    const res = await generate('projects=4&images=6&members=2&seed=7');
    expect(res.status).toBe(201);
    const created = res.json.created as { images: Array<{ id: string }>; projects: string[] };
    expect(created.images).toHaveLength(6);
    expect(created.projects).toHaveLength(4);
    const state = (await client.call('GET', '/_mock/state')).json as { images: unknown[] };
    expect(state.images).toHaveLength(6);
  });

  test('then the same seed gives the same cloud in a fresh mock', async () => {
    const first = (await generate('projects=3&images=4&members=1&seed=42')).json;
    const other = await running();
    try {
      const second = (await other.call('POST', '/_mock/seed?generate&projects=3&images=4&members=1&seed=42')).json;
      expect(second.created).toEqual(first.created);
    } finally {
      await other.mock.close();
    }
  });

  test.each([
    ['projects=0', 'projects', 'projects: must be an integer from 1 to 10000'],
    ['images=x', 'images', 'images: must be an integer from 0 to 100000'],
    ['projects=3&members=3', 'members', 'members: must be at most projects - 1 (2)'],
    ['colour=red', 'colour', 'colour: not a parameter of generate'],
  ])('with %s, then a 400 problem names %s and nothing is created', async (query, field, detail) => {
    const res = await generate(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 400, field, detail });
    const state = (await client.call('GET', '/_mock/state')).json as { images?: unknown[] };
    expect(state.images ?? []).toHaveLength(0);
  });
});
