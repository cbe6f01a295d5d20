/**
 * The clock and ids options are checked when the mock is made, with a message
 * naming the option, instead of failing every request later with a 500.
 */
import request from 'supertest';
import { createApp, FixedClock, type GlanceMockOptions } from '../src';
import { personas } from './helpers/personas';

describe('the clock and ids options', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'now', 'clock must have a now() method returning a Date (got "now")'],
    ['a Date', new Date(0), 'clock must have a now() method returning a Date (got a Date)'],
    ['an object without now()', { time: 1 }, 'clock must have a now() method returning a Date (got an object without them)'],
    ['null', null, 'clock must have a now() method returning a Date (got null)'],
    ['a clock whose now() is not a Date', { now: () => '2030-01-01' }, 'clock.now() must return a valid Date (got "2030-01-01")'],
    [
      'a clock whose now() is an invalid Date',
      { now: () => new Date('nope') },
      'clock.now() must return a valid Date (got an invalid Date)',
    ],
  ])('when clock is %s, then createApp throws a TypeError naming clock', (_label, clock, message) => {
    expect(() => createApp({ clock } as GlanceMockOptions)).toThrow(new TypeError(message));
  });

  it.each<[string, unknown, string]>([
    ['an object without the methods', {}, 'an object without them'],
    ['an id source without imageId()', { requestId: () => 'req-1' }, 'an object without them'],
    ['a boolean', true, 'boolean true'],
    ['NaN', Number.NaN, 'number NaN'],
    ['an array', ['a'], 'an array'],
  ])('when ids is %s, then createApp throws a TypeError naming ids', (_label, ids, got) => {
    expect(() => createApp({ ids } as GlanceMockOptions)).toThrow(
      new TypeError(`ids must be a seed (a string or a number) or an IdSource with imageId() and requestId() (got ${got})`),
    );
  });

  it('when the clock is a FixedClock and ids an IdSource of your own, then they are used', async () => {
    const app = createApp({
      clock: new FixedClock('2030-01-01T00:00:00Z'),
      ids: { imageId: () => '11111111-2222-4333-8444-555555555555', requestId: () => 'req-own' },
    });
    const res = await request(app).post('/v2/images').set(personas.owner).send('{}');
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(res.body.created_at).toBe('2030-01-01T00:00:00Z');
    expect(res.headers['x-openstack-request-id']).toBe('req-own');
  });
});
