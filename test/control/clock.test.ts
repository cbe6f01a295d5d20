import { ControlledClock } from '../../src/control/clock';
import { ControlProblem } from '../../src/control/problem';
import { FixedClock } from '../../src/runtime/clock';

describe('the controlled clock', () => {
  test('freezes, advances while frozen or running, and goes back to the base clock', () => {
    const base = new FixedClock('2030-01-01T00:00:00Z');
    const clock = new ControlledClock(base);
    clock.apply({ frozenAt: '2031-05-05T10:00:00Z' });
    base.advance(60_000);
    expect(clock.now().toISOString()).toBe('2031-05-05T10:00:00.000Z');
    clock.apply({ advanceBy: 1500 });
    expect(clock.state()).toEqual({ now: '2031-05-05T10:00:01.500Z', frozenAt: '2031-05-05T10:00:01.500Z', offsetMs: 0 });
    clock.apply({ system: true });
    expect(clock.now().toISOString()).toBe('2030-01-01T00:01:00.000Z');
    clock.apply({ advanceBy: 3_600_000 });
    expect(clock.now().toISOString()).toBe('2030-01-01T01:01:00.000Z');
  });

  test.each([
    [{}, '/'],
    [{ frozenAt: 'tomorrow' }, '/frozenAt'],
    [{ frozenAt: '2030-01-01' }, '/frozenAt'],
    [{ advanceBy: '10' }, '/advanceBy'],
    [{ system: false }, '/system'],
    [{ advanceBy: 1, system: true }, '/'],
    [{ rewind: 1 }, '/rewind'],
  ])('a bad change %p is a 400 naming %s and moves nothing', (change, field) => {
    const clock = new ControlledClock(new FixedClock('2030-01-01T00:00:00Z'));
    try {
      clock.apply(change);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ControlProblem);
      expect((err as ControlProblem).field).toBe(field);
    }
    expect(clock.state()).toEqual({ now: '2030-01-01T00:00:00.000Z', frozenAt: null, offsetMs: 0 });
  });
});
