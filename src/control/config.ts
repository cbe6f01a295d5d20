import { StorageQuota } from '../domain/storage-quota';
import type { ResolvedOptions } from '../options';
import { objectAt } from './check';
import { badField } from './problem';

/** The options a test may change while the mock runs: limits read on every request. */
export interface RuntimeConfig {
  memberQuota: number;
  imageTagQuota: number;
  imageSizeCap: number;
  userStorageQuota: string;
  journalSize: number;
}

export const RUNTIME_OPTIONS = ['memberQuota', 'imageTagQuota', 'imageSizeCap', 'userStorageQuota', 'journalSize'] as const;

export function startingConfig(options: ResolvedOptions, journalSize: number): RuntimeConfig {
  return {
    memberQuota: options.memberQuota,
    imageTagQuota: options.imageTagQuota,
    imageSizeCap: options.imageSizeCap,
    userStorageQuota: options.userStorageQuota,
    journalSize,
  };
}

/** The changes asked for, checked in full before any is made. */
export function checkConfigChange(input: unknown): Partial<RuntimeConfig> {
  const fields = objectAt(input, '', RUNTIME_OPTIONS);
  const change: Partial<RuntimeConfig> = {};
  const integer = (key: 'memberQuota' | 'imageTagQuota' | 'imageSizeCap' | 'journalSize', min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = fields[key];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      throw badField(`/${key}`, min === Number.MIN_SAFE_INTEGER ? 'must be an integer' : `must be an integer from ${min} to ${max}`);
    }
    change[key] = value;
  };
  integer('memberQuota', Number.MIN_SAFE_INTEGER);
  integer('imageTagQuota', Number.MIN_SAFE_INTEGER);
  integer('imageSizeCap', 1);
  integer('journalSize', 1, 1_000_000);
  const quota = fields.userStorageQuota;
  if (quota !== undefined) {
    if (typeof quota !== 'string' && !(typeof quota === 'number' && Number.isSafeInteger(quota))) {
      throw badField('/userStorageQuota', 'must be a size such as "10MB" or a number of bytes');
    }
    try {
      new StorageQuota(String(quota));
    } catch (err) {
      throw badField('/userStorageQuota', (err as Error).message);
    }
    change.userStorageQuota = String(quota);
  }
  return change;
}
