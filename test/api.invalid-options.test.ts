/** createGlanceMock refuses a bad option with a TypeError naming it. */
import { createGlanceMock } from '../src';

describe('when an option is invalid, then creating the mock throws naming it', () => {
  it('when options are invalid, then creating the mock throws naming the option', () => {
    expect(() => createGlanceMock({ dbProfile: 'postgres' as never })).toThrow(/dbProfile/);
    expect(() => createGlanceMock({ policy: 'strict' as never })).toThrow(/policy/);
    expect(() => createGlanceMock({ memberQuota: 1.5 })).toThrow(/memberQuota/);
  });
});
