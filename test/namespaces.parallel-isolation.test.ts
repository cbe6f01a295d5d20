/**
 * Two namespaces under parallel load (bounded) over real HTTP: each sees its
 * own images and members only, whichever way it is selected.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { bounded } from './helpers/bounded';
import { personas } from './helpers/personas';

const IMAGES_PER_NAMESPACE = 30;
const IN_FLIGHT = 8;

describe('namespaces under parallel load', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  it('when two namespaces create and share images at the same time, then neither sees the other’s images or members', async () => {
    // One namespace by path, the other by header: both ways of selecting stay apart.
    const targets = {
      a: { base: `${glance.url}/_ns/a`, headers: { ...personas.owner } },
      b: { base: glance.url, headers: { ...personas.owner, 'X-Glance-Mock-Namespace': 'b' } },
    };
    const json = { 'Content-Type': 'application/json' };
    const tasks = (['a', 'b'] as const).flatMap((ns) =>
      Array.from({ length: IMAGES_PER_NAMESPACE }, (_, i) => async () => {
        const { base, headers } = targets[ns];
        const created = await fetch(`${base}/v2/images`, {
          method: 'POST',
          headers: { ...headers, ...json },
          body: JSON.stringify({ name: `${ns}-${i}`, visibility: 'shared' }),
        });
        const { id } = (await created.json()) as { id: string };
        const member = await fetch(`${base}/v2/images/${id}/members`, {
          method: 'POST',
          headers: { ...headers, ...json },
          body: JSON.stringify({ member: `member-of-${ns}` }),
        });
        return { ns, id, statuses: [created.status, member.status] };
      }),
    );
    const done = await bounded(tasks, IN_FLIGHT);
    expect(done.every((task) => task.statuses[0] === 201 && task.statuses[1] === 200)).toBe(true);

    for (const ns of ['a', 'b'] as const) {
      const { base, headers } = targets[ns];
      const list = await fetch(`${base}/v2/images?limit=1000`, { headers });
      const names = ((await list.json()) as { images: Array<{ name: string }> }).images.map((image) => image.name);
      expect(names).toHaveLength(IMAGES_PER_NAMESPACE);
      expect(names.every((name) => name.startsWith(`${ns}-`))).toBe(true);
      const other = done.find((task) => task.ns !== ns)!;
      expect((await fetch(`${base}/v2/images/${other.id}/members`, { headers })).status).toBe(404);
    }
    const shown = await fetch(`${glance.url}/v2/images`, { headers: personas.owner });
    expect(((await shown.json()) as { images: unknown[] }).images).toEqual([]);
  });

  it('when a namespace is asked for in process, then its url serves it and its seed and reset are its own', async () => {
    const ns = glance.namespace('in-process');
    expect(ns.url).toBe(`${glance.url}/_ns/in-process`);
    ns.seed({ images: [{ owner: 'owner-project', name: 'seeded' }] });
    const list = async (url: string) =>
      ((await (await fetch(`${url}/v2/images`, { headers: personas.owner })).json()) as { images: unknown[] }).images;
    expect(await list(ns.url)).toHaveLength(1);
    expect(await list(glance.url)).toHaveLength(0);
    ns.reset();
    expect(await list(ns.url)).toHaveLength(0);
    expect(glance.dropNamespace('in-process')).toBe(true);
  });
});
