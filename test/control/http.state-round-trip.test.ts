import { seededRandom } from '../../src/control/random';
import { running } from './running';

type Client = Awaited<ReturnType<typeof running>>;
const PROJECTS = ['p1', 'p2', 'p3'];
const as = (project: string, roles = 'member') => ({ 'X-Identity-Status': 'Confirmed', 'X-Project-Id': project, 'X-Roles': roles });
const FROZEN = { frozenAt: '2030-03-04T05:06:07Z' };

/** Random sharing operations, the same on every run (seeded). */
async function randomOperations(client: Client, count: number): Promise<void> {
  const random = seededRandom('state-round-trip');
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const owner = pick(PROJECTS);
    const roll = random();
    if (roll < 0.3 || ids.length === 0) {
      const res = await client.call(
        'POST',
        '/v2/images',
        { name: `image-${i}`, visibility: pick(['shared', 'private', 'community']) },
        as(owner),
      );
      if (res.status === 201) ids.push(String(res.json.id));
    } else if (roll < 0.55) {
      await client.call('POST', `/v2/images/${pick(ids)}/members`, { member: pick(PROJECTS) }, as(owner));
    } else if (roll < 0.7) {
      const member = pick(PROJECTS);
      await client.call('PUT', `/v2/images/${pick(ids)}/members/${member}`, { status: pick(['accepted', 'rejected']) }, as(member));
    } else if (roll < 0.8) {
      await client.call('DELETE', `/v2/images/${pick(ids)}/members/${pick(PROJECTS)}`, undefined, as(owner));
    } else if (roll < 0.9) {
      await client.call('PUT', `/v2/images/${pick(ids)}/tags/t${i}`, undefined, as(owner));
    } else {
      await client.call('DELETE', `/v2/images/${pick(ids)}`, undefined, as(owner));
    }
    if (random() < 0.2) await client.call('PUT', '/_mock/clock', { advanceBy: 1000 });
  }
}

/** Every read a caller can make, and the next writes: status and body text. */
async function answers(client: Client): Promise<string[]> {
  const out: string[] = [];
  const record = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const res = await client.call(method, path, body, headers);
    out.push(`${method} ${path} ${JSON.stringify(headers)} -> ${res.status} ${res.text}`);
    return res;
  };
  const all = await record('GET', '/v2/images?member_status=all&limit=1000', undefined, as('admin', 'admin'));
  const ids = (all.json.images as Array<{ id: string }>).map((i) => i.id);
  for (const project of PROJECTS) {
    await record('GET', '/v2/images?member_status=all', undefined, as(project));
    for (const id of ids) {
      await record('GET', `/v2/images/${id}`, undefined, as(project));
      await record('GET', `/v2/images/${id}/members`, undefined, as(project));
    }
  }
  await record('POST', '/v2/images', { name: 'after' }, as('p1'));
  if (ids[0]) await record('POST', `/v2/images/${ids[0]}/members`, { member: 'p9' }, as('admin', 'admin'));
  return out;
}

describe('state over HTTP', () => {
  test('a state read from one mock and put into a fresh one answers identically', async () => {
    const first = await running({ ids: 'round-trip' });
    const second = await running({ ids: 'round-trip' });
    try {
      await first.call('PUT', '/_mock/clock', FROZEN);
      await randomOperations(first, 60);
      const state = await first.call('GET', '/_mock/state');
      expect(state.status).toBe(200);
      await second.call('PUT', '/_mock/clock', FROZEN);
      const put = await second.call('PUT', '/_mock/state', state.text, { 'Content-Type': 'application/json' });
      expect(put.status).toBe(200);
      await second.call('PUT', '/_mock/clock', { frozenAt: String((await first.call('GET', '/_mock/clock')).json.now) });
      expect(await answers(second)).toEqual(await answers(first));
    } finally {
      await first.mock.close();
      await second.mock.close();
    }
  });

  test('a bad state is a 400 naming the field and changes nothing', async () => {
    const client = await running({ seed: { images: [{ name: 'kept', owner: 'p1' }] } });
    try {
      const res = await client.call('PUT', '/_mock/state', { images: [{ name: 'x', visibility: 'secret' }] });
      expect(res.status).toBe(400);
      expect(res.json.field).toMatch(/^\/images\/0/);
      const list = await client.call('GET', '/v2/images', undefined, as('p1'));
      expect((list.json.images as Array<{ name: string }>).map((i) => i.name)).toEqual(['kept']);
    } finally {
      await client.mock.close();
    }
  });
});
