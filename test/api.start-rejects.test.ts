/**
 * startGlanceMock() reports every start-up failure through its promise, so
 * `await expect(startGlanceMock(bad)).rejects` catches it.
 */
import { startGlanceMock, type StartOptions } from '../src';

describe('startGlanceMock with something wrong', () => {
  it.each<[string, StartOptions, RegExp]>([
    ['a seed the schema refuses', { seed: { images: [{ visibility: 'bogus' }] } as never }, /visibility/],
    ['a db profile that does not exist', { dbProfile: 'oracle' as never }, /^dbProfile must be one of mysql, sqlite \(got oracle\)$/],
    ['a member quota that is not an integer', { memberQuota: 1.5 }, /^memberQuota must be an integer \(got 1.5\)$/],
    ['a clock without now()', { clock: {} as never }, /^clock must have a now\(\) method/],
    ['an id source without requestId()', { ids: { imageId: () => 'x' } as never }, /^ids must be a seed/],
    ['a port out of range', { port: 70000 }, /port/i],
  ])('when it gets %s, then the promise rejects (it does not throw)', async (_label, options, message) => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = startGlanceMock(options);
    }).not.toThrow();
    await expect(promise).rejects.toThrow(message);
  });

  it('when the port is taken, then it rejects with EADDRINUSE', async () => {
    const first = await startGlanceMock();
    try {
      await expect(startGlanceMock({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});
