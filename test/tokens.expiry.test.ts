/**
 * Issued Keystone tokens are forgotten once expired (soonest first, all of
 * them by the next call, on the injected clock), yet still answer as
 * expired: like a Fernet token, an issued token carries its expiry.
 */
import { TokenRegistry } from '../src/identity/tokens';
import { FixedClock } from '../src/runtime/clock';
import { DEFAULT, adminScope, keystoneCloud, keystoneError, passwordAuth, postTokens } from './helpers/keystone';

describe('the token registry', () => {
  it('when 20,000 issued tokens have expired, then the next call brings the registry back to its idle size and each still reads as expired', () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const registry = new TokenRegistry();
    registry.register('seeded', { projectId: 'p', userId: 'u', roles: [] });
    const idle = registry.size;
    const issued: string[] = [];
    const expiresAt = new Date(clock.now().getTime() + 3_600_000);
    for (let i = 0; i < 20_000; i++) {
      const bytes = Buffer.alloc(128);
      bytes.writeUInt32BE(i, 40);
      issued.push(
        registry.issue(`gAAAAAB${bytes.toString('base64url')}`, { projectId: 'p', userId: 'u', roles: [], expiresAt }, clock.now()),
      );
    }
    expect(registry.size).toBe(idle + 20_000);
    clock.advance(3_600_000);
    registry.lookup('none', clock.now());
    expect(registry.size).toBe(idle);
    expect(registry.find(issued[0], clock.now())?.expiresAt).toEqual(expiresAt);
    expect(registry.find(`${issued[0].slice(0, -2)}AA`, clock.now())).toBeUndefined();
    expect(registry.find('seeded', clock.now())?.projectId).toBe('p');
  });

  it('when a token has not expired yet, then a sweep keeps it', () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const registry = new TokenRegistry();
    registry.register('later', { projectId: 'p', userId: 'u', roles: [], expiresAt: new Date(clock.now().getTime() + 1000) });
    registry.register('sooner', { projectId: 'p', userId: 'u', roles: [], expiresAt: new Date(clock.now().getTime() + 10) });
    clock.advance(10);
    registry.sweep(clock.now());
    expect([registry.size, registry.lookup('later', clock.now())?.projectId]).toEqual([1, 'p']);
  });
});

describe('an expired token the built-in Keystone has forgotten', () => {
  it('when it is used to get a new token, then 404 Failed to validate token, not an unknown token', async () => {
    const { mock, clock } = keystoneCloud();
    const first = await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    clock.advance(3600_000);
    await postTokens(mock, passwordAuth({ name: 'admin', domain: DEFAULT }, 'secret', adminScope));
    const res = await postTokens(mock, { auth: { identity: { methods: ['token'], token: { id: first.headers['x-subject-token'] } } } });
    expect(res.text).toBe(keystoneError(404, 'Not Found', 'Failed to validate token'));
  });
});
