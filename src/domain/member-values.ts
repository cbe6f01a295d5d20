import { GlanceErrors } from './glance-errors';
import type { DbProfile } from './profiles';

export { pythonStr } from './python-values';

/**
 * The text the `image_members.member` column ends up holding for a body's
 * `member` value: Glance passes the JSON value to the database driver
 * untouched, so what is stored (or refused with a 500) is the profile's.
 */
export function storedMemberId(value: unknown, db: DbProfile): string {
  if (typeof value === 'string') {
    // The driver encodes the text as UTF-8: a lone surrogate cannot be, for the lookup or the insert.
    if (hasLoneSurrogate(value)) throw GlanceErrors.serverError();
    return value;
  }
  return db.bindOther(value);
}

const hasLoneSurrogate = (text: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/**
 * What the member insert refuses: 4-byte characters on every database
 * (glance.common.utils.no_4byte_params, a 400), then what the database itself
 * cannot store (the profile's 500).
 */
export function assertStorableMember(memberId: string, db: DbProfile): void {
  if (/[\ud800-\udbff][\udc00-\udfff]/.test(memberId)) throw GlanceErrors.member4ByteCharacters();
  db.assertStorable(memberId);
}
