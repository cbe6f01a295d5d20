import { startGlanceMock, type RunningGlanceMock } from '../src';
import { identity, MEMBER, OWNER } from './helpers/personas';

const owner = identity(OWNER);
const PARALLEL = 50;

describe('concurrent requests on a listening mock', () => {
  let mock: RunningGlanceMock;
  beforeAll(async () => {
    mock = await startGlanceMock({ port: 0 });
  });
  afterAll(() => mock.close());

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${mock.url}${path}`, {
      method,
      headers: { ...owner, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function newImage(): Promise<string> {
    const res = await call('POST', '/v2/images', { name: 'race' });
    return ((await res.json()) as { id: string }).id;
  }

  it('when the same member is added 50 times at once, then exactly one 200 and 49 409, and one member listed', async () => {
    const imageId = await newImage();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => call('POST', `/v2/images/${imageId}/members`, { member: MEMBER })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(PARALLEL - 1);
    const list = (await (await call('GET', `/v2/images/${imageId}/members`)).json()) as { members: unknown[] };
    expect(list.members).toHaveLength(1);
  });

  it('when 50 different members race for a quota of 128 with 100 taken, then exactly 28 get in', async () => {
    const imageId = await newImage();
    for (let i = 0; i < 100; i++) await call('POST', `/v2/images/${imageId}/members`, { member: `seat-${i}` });
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => call('POST', `/v2/images/${imageId}/members`, { member: `racer-${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(28);
    expect(statuses.filter((s) => s === 413)).toHaveLength(22);
    const list = (await (await call('GET', `/v2/images/${imageId}/members`)).json()) as { members: unknown[] };
    expect(list.members).toHaveLength(128);
  });

  it('when deletes and re-adds of one member interleave, then the list ends consistent with the last success', async () => {
    const imageId = await newImage();
    await call('POST', `/v2/images/${imageId}/members`, { member: MEMBER });
    const ops = Array.from({ length: PARALLEL }, (_, i) =>
      i % 2 === 0
        ? call('DELETE', `/v2/images/${imageId}/members/${MEMBER}`)
        : call('POST', `/v2/images/${imageId}/members`, { member: MEMBER }),
    );
    const statuses = (await Promise.all(ops)).map((r) => r.status);
    expect(statuses.every((s) => [200, 204, 404, 409].includes(s))).toBe(true);
    const list = (await (await call('GET', `/v2/images/${imageId}/members`)).json()) as { members: unknown[] };
    const present = (await call('GET', `/v2/images/${imageId}/members/${MEMBER}`)).status === 200;
    expect(list.members).toHaveLength(present ? 1 : 0);
  });
});
