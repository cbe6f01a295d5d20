import { DB_PROFILES, POLICIES, type DbProfileName, type PolicyName } from './domain/profiles';
import type { Clock } from './runtime/clock';
import { systemClock } from './runtime/clock';
import type { IdSource } from './runtime/ids';
import { randomIds, seededIds } from './runtime/ids';
import type { SeedData } from './seed/seed-types';

/**
 * How Glance is deployed. `keystone`: behind keystonemiddleware (the request's token or
 * trusted headers name the caller, anything else is a 401). `noauth`: Glance without
 * Keystone (paste's `unauthenticated-context`): every caller is an admin without a project.
 */
export const AUTH_MODES = ['keystone', 'noauth'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface GlanceMockOptions {
  /** How member ids compare and which ids the database refuses. Default `mysql`, as a production Glance. */
  dbProfile?: DbProfileName;
  /** `legacy` (the Zed default) or `secure-rbac` (enforce_secure_rbac with the new defaults). */
  policy?: PolicyName;
  /** Glance's `image_member_quota`: default 128, negative unlimited, 0 none allowed. */
  memberQuota?: number;
  /** The source of "now"; inject a FixedClock to freeze time. */
  clock?: Clock;
  /** A seed for deterministic image and request ids, or an id source of your own. */
  ids?: string | number | IdSource;
  /** State to load at start (and again on every `reset()`). */
  seed?: SeedData;
  /** `keystone` (default) or `noauth`, a Glance deployed without Keystone. */
  auth?: AuthMode;
  /** Glance's `image_cache_dir` is set (default, as Debian and devstack do): v2.16 is CURRENT. */
  imageCache?: boolean;
}

export interface ResolvedOptions {
  dbProfile: DbProfileName;
  policy: PolicyName;
  memberQuota: number;
  clock: Clock;
  ids: IdSource;
  seed?: SeedData;
  auth: AuthMode;
  imageCache: boolean;
}

export const DEFAULT_MEMBER_QUOTA = 128;

/** Defaults applied and every option checked once, with a message that names the option. */
export function resolveOptions(options: GlanceMockOptions = {}): ResolvedOptions {
  const dbProfile = options.dbProfile ?? 'mysql';
  if (!DB_PROFILES.includes(dbProfile)) {
    throw new TypeError(`dbProfile must be one of ${DB_PROFILES.join(', ')} (got ${String(dbProfile)})`);
  }
  const policy = options.policy ?? 'legacy';
  if (!POLICIES.includes(policy)) throw new TypeError(`policy must be one of ${POLICIES.join(', ')} (got ${String(policy)})`);
  const memberQuota = options.memberQuota ?? DEFAULT_MEMBER_QUOTA;
  if (!Number.isInteger(memberQuota)) throw new TypeError(`memberQuota must be an integer (got ${String(memberQuota)})`);
  const auth = options.auth ?? 'keystone';
  if (!AUTH_MODES.includes(auth)) throw new TypeError(`auth must be one of ${AUTH_MODES.join(', ')} (got ${String(auth)})`);
  // Under secure RBAC a Glance without Keystone refuses its role-less callers almost
  // everything (`add_image`, `get_images`: 403); that deployment is not modelled.
  if (auth === 'noauth' && policy !== 'legacy') {
    throw new TypeError(`auth noauth is served with the legacy policy only (got policy ${policy})`);
  }
  const imageCache = options.imageCache ?? true;
  if (typeof imageCache !== 'boolean') throw new TypeError(`imageCache must be true or false (got ${String(imageCache)})`);
  return {
    dbProfile,
    policy,
    memberQuota,
    clock: options.clock ?? systemClock,
    ids: idSource(options.ids),
    seed: options.seed,
    auth,
    imageCache,
  };
}

function idSource(ids: GlanceMockOptions['ids']): IdSource {
  if (ids === undefined) return randomIds();
  if (typeof ids === 'string' || typeof ids === 'number') return seededIds(ids);
  return ids;
}
