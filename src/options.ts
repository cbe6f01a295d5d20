import { DB_PROFILES, POLICIES, type DbProfileName, type PolicyName } from './domain/profiles';
import { StorageQuota } from './domain/storage-quota';
import type { Clock } from './runtime/clock';
import { systemClock } from './runtime/clock';
import type { IdSource } from './runtime/ids';
import { randomIds, seededIds } from './runtime/ids';
import type { SeedData } from './seed/seed-types';
import { DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE, type JournalEntry } from './control/journal';
import { DEFAULT_CONTROL_PREFIX } from './control/service';
import { DEFAULT_MAX_REQUEST_BODY } from './wire/read-body';

export const MAX_REQUEST_BODY_LIMIT = 512 * 1024 * 1024;

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
  /** Glance's `image_size_cap` in bytes: default 1099511627776 (1 TiB), as Zed's. */
  imageSizeCap?: number;
  /** Glance's `user_storage_quota`: bytes per owner, `'0'` (default) unlimited; units B, KB, MB, GB, TB allowed. */
  userStorageQuota?: string | number;
  /** Glance's `image_tag_quota`: default 128, negative unlimited. */
  imageTagQuota?: number;
  /** The most image data (bytes) the mock keeps in memory, uploads in flight included; beyond it a 413. Default 512 MiB. */
  dataMemoryLimit?: number;
  /** The most namespaces (`/_ns/{name}/...`) that may exist at once; one more is a 409. Default 64. */
  maxNamespaces?: number;
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
  /** The most bytes of a request body (image uploads aside) read before a 413 (default 64 MiB; Glance has no bound). */
  maxRequestBody?: number;
  /** Requests the journal keeps (default 1000); past it the oldest is dropped. */
  journalSize?: number;
  /** Serve the control API (default true). */
  control?: boolean;
  /** Where the control API is served (default `/_mock`). */
  controlPrefix?: string;
  /** When set, every control call needs `Authorization: Bearer <token>`. */
  controlToken?: string;
  /** Called once per request answered (the control API's own excepted), after it is journaled. */
  onRequest?: (entry: JournalEntry) => void;
}

export interface ResolvedOptions {
  dbProfile: DbProfileName;
  policy: PolicyName;
  memberQuota: number;
  imageSizeCap: number;
  userStorageQuota: string;
  imageTagQuota: number;
  dataMemoryLimit: number;
  maxNamespaces: number;
  clock: Clock;
  ids: IdSource;
  seed?: SeedData;
  auth: AuthMode;
  imageCache: boolean;
  journalSize: number;
  maxRequestBody: number;
  control: boolean;
  controlPrefix: string;
  controlToken?: string;
  onRequest?: (entry: JournalEntry) => void;
}

export const DEFAULT_MEMBER_QUOTA = 128;
export const DEFAULT_IMAGE_SIZE_CAP = 1099511627776;
export const DEFAULT_IMAGE_TAG_QUOTA = 128;
export const DEFAULT_DATA_MEMORY_LIMIT = 512 * 1024 * 1024;
export const DEFAULT_MAX_NAMESPACES = 64;

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
  const maxNamespaces = options.maxNamespaces ?? DEFAULT_MAX_NAMESPACES;
  if (!Number.isSafeInteger(maxNamespaces) || maxNamespaces < 0) {
    throw new TypeError(`maxNamespaces must be a non-negative integer (got ${String(maxNamespaces)})`);
  }
  const imageCache = options.imageCache ?? true;
  if (typeof imageCache !== 'boolean') throw new TypeError(`imageCache must be true or false (got ${String(imageCache)})`);
  return {
    dbProfile,
    policy,
    memberQuota,
    maxNamespaces,
    ...dataOptions(options),
    clock: checkedClock(options.clock),
    ids: idSource(options.ids),
    seed: options.seed,
    auth,
    imageCache,
    ...controlOptions(options),
  };
}

function controlOptions(options: GlanceMockOptions) {
  const journalSize = options.journalSize ?? DEFAULT_JOURNAL_SIZE;
  if (!Number.isSafeInteger(journalSize) || journalSize < 1 || journalSize > MAX_JOURNAL_SIZE) {
    throw new TypeError(`journalSize must be an integer from 1 to ${MAX_JOURNAL_SIZE} (got ${String(journalSize)})`);
  }
  const maxRequestBody = options.maxRequestBody ?? DEFAULT_MAX_REQUEST_BODY;
  // Past about 512 MiB a body no longer fits in one string.
  if (!Number.isSafeInteger(maxRequestBody) || maxRequestBody < 1 || maxRequestBody > MAX_REQUEST_BODY_LIMIT) {
    throw new TypeError(`maxRequestBody must be an integer from 1 to ${MAX_REQUEST_BODY_LIMIT} (got ${String(maxRequestBody)})`);
  }
  const control = options.control ?? true;
  if (typeof control !== 'boolean') throw new TypeError(`control must be true or false (got ${String(control)})`);
  const controlPrefix = options.controlPrefix ?? DEFAULT_CONTROL_PREFIX;
  // A prefix is one or more plain segments, and never a path Glance or Keystone serves.
  if (
    typeof controlPrefix !== 'string' ||
    !/^(\/[A-Za-z0-9._~-]+)+$/.test(controlPrefix) ||
    /^\/(v\d|image|identity|versions|healthcheck|_ns)\b/.test(controlPrefix)
  ) {
    throw new TypeError(
      `controlPrefix must be a path such as /_mock, outside Glance's and Keystone's paths (got ${String(controlPrefix)})`,
    );
  }
  const { controlToken, onRequest } = options;
  if (controlToken !== undefined && (typeof controlToken !== 'string' || !/^[\x21-\x7e]+$/.test(controlToken))) {
    throw new TypeError('controlToken must be a non-empty string of printable ASCII without spaces');
  }
  if (onRequest !== undefined && typeof onRequest !== 'function') throw new TypeError('onRequest must be a function');
  return { journalSize, maxRequestBody, control, controlPrefix, controlToken, onRequest };
}

/** A clock that is not one would make every request a 500 later: refused now. */
function checkedClock(clock: unknown): Clock {
  if (clock === undefined) return systemClock;
  const now = typeof clock === 'object' && clock !== null ? (clock as { now?: unknown }).now : undefined;
  if (typeof now !== 'function') throw new TypeError(`clock must have a now() method returning a Date (got ${describe(clock)})`);
  const sample: unknown = now.call(clock);
  if (!(sample instanceof Date) || Number.isNaN(sample.getTime())) {
    throw new TypeError(`clock.now() must return a valid Date (got ${describe(sample)})`);
  }
  return clock as Clock;
}

function idSource(ids: unknown): IdSource {
  if (ids === undefined) return randomIds();
  if (typeof ids === 'string' || (typeof ids === 'number' && Number.isFinite(ids))) return seededIds(ids);
  const source = typeof ids === 'object' && ids !== null ? (ids as Partial<Record<keyof IdSource, unknown>>) : undefined;
  if (typeof source?.imageId !== 'function' || typeof source?.requestId !== 'function') {
    throw new TypeError(`ids must be a seed (a string or a number) or an IdSource with imageId() and requestId() (got ${describe(ids)})`);
  }
  return ids as IdSource;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object without them';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

function dataOptions(options: GlanceMockOptions) {
  const imageSizeCap = options.imageSizeCap ?? DEFAULT_IMAGE_SIZE_CAP;
  if (!Number.isSafeInteger(imageSizeCap) || imageSizeCap < 1)
    throw new TypeError(`imageSizeCap must be a positive integer (got ${String(imageSizeCap)})`);
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
