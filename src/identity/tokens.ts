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

/** The tokens an instance accepts: from the seed, and those its built-in Keystone issues. */
export class TokenRegistry {
  private readonly tokens = new Map<string, TokenIdentity>();

  register(token: string, identity: TokenIdentity): void {
    this.tokens.set(token, identity);
  }

  lookup(token: string, now: Date): TokenIdentity | undefined {
    const identity = this.tokens.get(token);
    if (!identity || isExpired(identity, now)) return undefined;
    return identity;
  }

  /** A token whether or not it has expired: Keystone answers an expired token differently from an unknown one. */
  find(token: string): TokenIdentity | undefined {
    return this.tokens.get(token);
  }

  clear(): void {
    this.tokens.clear();
  }
}

export function isExpired(identity: TokenIdentity, now: Date): boolean {
  return identity.expiresAt !== undefined && identity.expiresAt.getTime() <= now.getTime();
}
