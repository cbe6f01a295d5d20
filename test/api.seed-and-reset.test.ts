/** seed() adds to the running mock's state; reset() forgets it and reloads the start-up seed. */
import { startGlanceMock } from '../src';
import { identity, MEMBER, OWNER } from './helpers/personas';

const DEMO_IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';

describe('when a running mock is seeded and reset, then its state follows', () => {
  it('when seeded, reset and seeded again, then state follows and reset restores the start-up seed', async () => {
    const mock = await startGlanceMock({
      port: 0,
      seed: { images: [{ id: DEMO_IMAGE, owner: OWNER, members: [{ member: MEMBER, status: 'accepted' }] }] },
    });
    const members = async (id: string) => (await fetch(`${mock.url}/v2/images/${id}/members`, { headers: identity(OWNER) })).status;
    const extra = '11111111-2222-4333-8444-555555555555';
    mock.seed({ images: [{ id: extra, owner: OWNER }] });
    expect(await members(extra)).toBe(200);
    mock.reset();
    expect(await members(extra)).toBe(404);
    expect(await members(DEMO_IMAGE)).toBe(200);
    await mock.close();
  });
});
