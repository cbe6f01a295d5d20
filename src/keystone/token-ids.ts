import { createHash } from 'node:crypto';
import type { IdSource } from '../runtime/ids';

/**
 * Token and audit ids drawn from the instance's id source, so a seeded
 * instance issues the same tokens on every run. Shaped like Keystone's: a
 * Fernet token starts `gAAAAAB` and is URL-safe base64; an audit id is 16
 * bytes of URL-safe base64 without padding.
 */
export interface KeystoneIds {
  tokenId(): string;
  auditId(): string;
}

export function keystoneIds(ids: IdSource): KeystoneIds {
  const bytes = (size: number) => {
    const seed = ids.requestId();
    let out = Buffer.alloc(0);
    for (let i = 0; out.length < size; i++) out = Buffer.concat([out, createHash('sha256').update(`${seed}:${i}`).digest()]);
    return out.subarray(0, size);
  };
  return {
    tokenId: () => `gAAAAAB${bytes(128).toString('base64url')}`,
    auditId: () => bytes(16).toString('base64url'),
  };
}
