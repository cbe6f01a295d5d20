/** Two mocks in one process keep separate state. */
import { startGlanceMock } from '../src';
import { identity, OWNER } from './helpers/personas';

describe('when two instances run in one process, then neither sees the other', () => {
  it('when two instances run in one process, then they share nothing', async () => {
    const a = await startGlanceMock({ port: 0 });
    const b = await startGlanceMock({ port: 0 });
    const created = await fetch(`${a.url}/v2/images`, { method: 'POST', headers: identity(OWNER), body: '{"name": "only-in-a"}' });
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${a.url}/v2/images/${id}`, { headers: identity(OWNER) })).status).toBe(200);
    expect((await fetch(`${b.url}/v2/images/${id}`, { headers: identity(OWNER) })).status).toBe(404);
    await Promise.all([a.close(), b.close()]);
  });
});
