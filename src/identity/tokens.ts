/** What a token stands for: the project, user and roles keystonemiddleware would hand to Glance. */
export interface TokenIdentity {
  projectId: string | null;
  userId: string | null;
  roles: string[];
  /** Absent: never expires. */
  expiresAt?: Date;
}

/** Tokens an instance accepts: from the seed now, issued by a built-in Keystone later. */
export class TokenRegistry {
  private readonly tokens = new Map<string, TokenIdentity>();

  register(token: string, identity: TokenIdentity): void {
    this.tokens.set(token, identity);
  }

  lookup(token: string, now: Date): TokenIdentity | undefined {
    const identity = this.tokens.get(token);
    if (!identity || (identity.expiresAt && identity.expiresAt.getTime() <= now.getTime())) return undefined;
    return identity;
  }

  clear(): void {
    this.tokens.clear();
  }
}
