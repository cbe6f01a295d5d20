import { GlanceErrors } from './glance-errors';
import type { DbProfile } from './profiles';

/**
 * The text the `image_members.member` column ends up holding for a body's
 * `member` value: Glance passes the JSON value through untouched, so numbers
 * and `true` are stored as text, and what the driver cannot bind is a 500.
 */
export function storedMemberId(value: unknown, db: DbProfile): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === true) return '1';
  return db.bindOther(value);
}

/** Python's `%s` of a JSON value, as Glance's messages print a non-string member. */
export function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === true) return 'True';
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? `'${v}'` : pythonStr(v))).join(', ')}]`;
  return String(value);
}

/**
 * What the member insert refuses: 4-byte characters on every database
 * (glance.common.utils.no_4byte_params, a 400), then what the database itself
 * cannot store (the profile's 500).
 */
export function assertStorableMember(memberId: string, db: DbProfile): void {
  if ([...memberId].some((c) => c.codePointAt(0)! > 0xffff)) throw GlanceErrors.member4ByteCharacters();
  db.assertStorable(memberId);
}
