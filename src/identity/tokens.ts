import { createHash } from 'node:crypto';

/** What a token stands for: the project, user and roles keystonemiddleware would hand to Glance. */
export interface TokenIdentity {
  projectId: string | null;
  userId: string | null;
  roles: string[];
  /** Absent: never expires. */
  expiresAt?: Date;
  /** What the built-in Keystone shows when it validates a token it issued. */
  issuedAt?: Date;
  methods?: string[];
  auditIds?: string[];
}

const FERNET_PREFIX = 'gAAAAAB';
const SEAL_BYTES = 16;

interface Expiry {
  at: number;
  token: string;
}

/**
 * The tokens an instance accepts: from the seed, and those its built-in
 * Keystone issues. An issued token carries its expiry inside its id, as a
 * Fernet token does, so once it has expired it can be forgotten and still be
 * told from a token never issued ("Failed to validate token" rather than
 * "Could not recognize Fernet token"). Expired tokens are dropped lazily,
 * soonest expiry first, by the next call that is given the time: each token is
 * dropped once, so the cost is the issuing's, paid later.
 */
export class TokenRegistry {
  private readonly tokens = new Map<string, TokenIdentity>();
  private readonly expiries = new MinHeap();

  get size(): number {
    return this.tokens.size;
  }

  register(token: string, identity: TokenIdentity): void {
    this.tokens.set(token, identity);
    if (identity.expiresAt) this.expiries.push({ at: identity.expiresAt.getTime(), token });
  }

  /**
   * A token the built-in Keystone issues: `entropy` (a Fernet-shaped id) gets
   * the expiry and a check sum written into it.
   */
  issue(entropy: string, identity: TokenIdentity, now: Date): string {
    this.sweep(now);
    const token = sealed(entropy, identity.expiresAt);
    this.register(token, identity);
    return token;
  }

  /** Every token kept, expired ones not yet dropped included, in the order registered. */
  entries(): Iterable<[string, TokenIdentity]> {
    return this.tokens.entries();
  }

  lookup(token: string, now: Date): TokenIdentity | undefined {
    this.sweep(now);
    const identity = this.tokens.get(token);
    if (!identity || isExpired(identity, now)) return undefined;
    return identity;
  }

  /**
   * A token whether or not it has expired: Keystone answers an expired token
   * differently from an unknown one. An expired token already forgotten comes
   * back as its expiry alone.
   */
  find(token: string, now: Date): TokenIdentity | undefined {
    this.sweep(now);
    const identity = this.tokens.get(token);
    if (identity) return identity;
    const expiresAt = sealedExpiry(token);
    if (expiresAt === undefined || expiresAt.getTime() > now.getTime()) return undefined;
    return { projectId: null, userId: null, roles: [], expiresAt };
  }

  /** Forget every token expired by `now`, soonest first. */
  sweep(now: Date): void {
    for (;;) {
      const next = this.expiries.peek();
      if (!next || next.at > now.getTime()) return;
      this.expiries.pop();
      const identity = this.tokens.get(next.token);
      if (identity && isExpired(identity, now)) this.tokens.delete(next.token);
    }
  }

  clear(): void {
    this.tokens.clear();
    this.expiries.clear();
  }
}

export function isExpired(identity: TokenIdentity, now: Date): boolean {
  return identity.expiresAt !== undefined && identity.expiresAt.getTime() <= now.getTime();
}

/** Bytes 0-7: the expiry in ms (0: none); the last 16: a check sum of the rest. */
function sealed(entropy: string, expiresAt: Date | undefined): string {
  const bytes = Buffer.from(entropy.slice(FERNET_PREFIX.length), 'base64url');
  if (!entropy.startsWith(FERNET_PREFIX) || bytes.length < 8 + SEAL_BYTES + 8) return entropy;
  bytes.writeBigUInt64BE(BigInt(expiresAt?.getTime() ?? 0), 0);
  checksum(bytes).copy(bytes, bytes.length - SEAL_BYTES);
  return `${FERNET_PREFIX}${bytes.toString('base64url')}`;
}

function sealedExpiry(token: string): Date | undefined {
  if (!token.startsWith(FERNET_PREFIX)) return undefined;
  const bytes = Buffer.from(token.slice(FERNET_PREFIX.length), 'base64url');
  if (bytes.length < 8 + SEAL_BYTES + 8) return undefined;
  if (!checksum(bytes).equals(bytes.subarray(bytes.length - SEAL_BYTES))) return undefined;
  const at = Number(bytes.readBigUInt64BE(0));
  return at === 0 ? undefined : new Date(at);
}

function checksum(bytes: Buffer): Buffer {
  return createHash('sha256')
    .update('glance-mock token')
    .update(bytes.subarray(0, bytes.length - SEAL_BYTES))
    .digest()
    .subarray(0, SEAL_BYTES);
}

/** A binary heap of expiries, soonest on top. */
class MinHeap {
  private readonly items: Expiry[] = [];

  peek(): Expiry | undefined {
    return this.items[0];
  }

  push(item: Expiry): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].at <= items[i].at) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  pop(): void {
    const items = this.items;
    const last = items.pop();
    if (items.length === 0 || !last) return;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && items[left].at < items[smallest].at) smallest = left;
      if (right < items.length && items[right].at < items[smallest].at) smallest = right;
      if (smallest === i) return;
      [items[smallest], items[i]] = [items[i], items[smallest]];
      i = smallest;
    }
  }

  clear(): void {
    this.items.length = 0;
  }
}
