import { DB_PROFILES, POLICIES, type DbProfileName, type PolicyName } from './domain/profiles';
import { StorageQuota } from './domain/storage-quota';
import type { Clock } from './runtime/clock';
import { systemClock } from './runtime/clock';
import type { IdSource } from './runtime/ids';
import { randomIds, seededIds } from './runtime/ids';
import type { SeedData } from './seed/seed-types';

export interface GlanceMockOptions {
  /** How member ids compare and which ids the database refuses. Default `mysql`, as a production Glance. */
  dbProfile?: DbProfileName;
  /** `legacy` (the Zed default) or `secure-rbac` (enforce_secure_rbac with the new defaults). */
  policy?: PolicyName;
  /** Glance's `image_member_quota`: default 128, negative unlimited, 0 none allowed. */
  memberQuota?: number;
  /** Glance's `image_size_cap` in bytes: default 1099511627776 (1 TiB), as Zed's. */
  imageSizeCap?: number;
  /** Glance's `user_storage_quota`: bytes per owner, `'0'` (default) unlimited; units B, KB, MB, GB, TB allowed. */
  userStorageQuota?: string | number;
  /** Glance's `image_tag_quota`: default 128, negative unlimited. */
  imageTagQuota?: number;
  /** The most image data (bytes) the mock keeps in memory, uploads in flight included; beyond it a 413. Default 512 MiB. */
  dataMemoryLimit?: number;
  /** The source of "now"; inject a FixedClock to freeze time. */
  clock?: Clock;
  /** A seed for deterministic image and request ids, or an id source of your own. */
  ids?: string | number | IdSource;
  /** State to load at start (and again on every `reset()`). */
  seed?: SeedData;
}

export interface ResolvedOptions {
  dbProfile: DbProfileName;
  policy: PolicyName;
  memberQuota: number;
  imageSizeCap: number;
  userStorageQuota: string;
  imageTagQuota: number;
  dataMemoryLimit: number;
  clock: Clock;
  ids: IdSource;
  seed?: SeedData;
}

export const DEFAULT_MEMBER_QUOTA = 128;
export const DEFAULT_IMAGE_SIZE_CAP = 1099511627776;
export const DEFAULT_IMAGE_TAG_QUOTA = 128;
export const DEFAULT_DATA_MEMORY_LIMIT = 512 * 1024 * 1024;

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
  return {
    dbProfile,
    policy,
    memberQuota,
    ...dataOptions(options),
    clock: options.clock ?? systemClock,
    ids: idSource(options.ids),
    seed: options.seed,
  };
}

function idSource(ids: GlanceMockOptions['ids']): IdSource {
  if (ids === undefined) return randomIds();
  if (typeof ids === 'string' || typeof ids === 'number') return seededIds(ids);
  return ids;
}

function dataOptions(options: GlanceMockOptions) {
  const imageSizeCap = options.imageSizeCap ?? DEFAULT_IMAGE_SIZE_CAP;
  if (!Number.isSafeInteger(imageSizeCap) || imageSizeCap < 1) throw new TypeError(`imageSizeCap must be a positive integer (got ${String(imageSizeCap)})`);
  const imageTagQuota = options.imageTagQuota ?? DEFAULT_IMAGE_TAG_QUOTA;
  if (!Number.isInteger(imageTagQuota)) throw new TypeError(`imageTagQuota must be an integer (got ${String(imageTagQuota)})`);
  const dataMemoryLimit = options.dataMemoryLimit ?? DEFAULT_DATA_MEMORY_LIMIT;
  if (!Number.isSafeInteger(dataMemoryLimit) || dataMemoryLimit < 0) {
    throw new TypeError(`dataMemoryLimit must be a non-negative integer (got ${String(dataMemoryLimit)})`);
  }
  const userStorageQuota = String(options.userStorageQuota ?? '0');
  new StorageQuota(userStorageQuota);
  return { imageSizeCap, userStorageQuota, imageTagQuota, dataMemoryLimit };
}
