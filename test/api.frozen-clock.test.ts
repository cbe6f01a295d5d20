/** The `clock` option: a FixedClock freezes every timestamp Glance writes. */
import request from 'supertest';
import { createApp, FixedClock } from '../src';
import { MEMBER, personas } from './helpers/personas';

describe('when the clock is frozen, then timestamps are the frozen time', () => {
  it('when the clock is frozen, then timestamps are the frozen time in whole seconds', async () => {
    const clock = new FixedClock('2030-05-06T07:08:09.999Z');
    const app = createApp({ clock });
    const res = await request(app).post('/v2/images').set(personas.owner).send('{}');
    expect(res.body.created_at).toBe('2030-05-06T07:08:09Z');
    clock.advance(1000);
    const member = await request(app).post(`/v2/images/${res.body.id}/members`).set(personas.owner).send(`{"member": "${MEMBER}"}`);
    expect(member.body.created_at).toBe('2030-05-06T07:08:10Z');
  });
});
