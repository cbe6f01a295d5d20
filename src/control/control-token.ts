import { createHash, timingSafeEqual } from 'node:crypto';
import { ControlProblem } from './problem';

/**
 * The check of `Authorization: Bearer <token>` on every control call (those over
 * namespaces too): throws the 401 problem unless the header names the token.
 * Without a token, every call passes.
 */
export function controlTokenCheck(token: string | undefined): (authorization: string | string[] | undefined) => void {
  if (token === undefined) return () => undefined;
  const expected = digest(token);
  return (authorization) => {
    const match = typeof authorization === 'string' ? /^Bearer (.+)$/i.exec(authorization.trim()) : null;
    if (match !== null && timingSafeEqual(digest(match[1]), expected)) return;
    throw new ControlProblem(401, 'this call needs Authorization: Bearer <the control token>', 'Authorization', {}, [
      ['WWW-Authenticate', 'Bearer realm="glance-mock"'],
    ]);
  };
}

/** Compared as digests: equal lengths for timingSafeEqual, whatever was sent. */
const digest = (text: string) => createHash('sha256').update(text).digest();
