import { GlanceErrors } from './glance-errors';
import { mysqlBinding, mysqlNumericOperand, mysqlTextAsDouble, sqliteBinding } from './member-binding';

export const DB_PROFILES = ['mysql', 'sqlite'] as const;
export type DbProfileName = (typeof DB_PROFILES)[number];
export const POLICIES = ['legacy', 'secure-rbac'] as const;
export type PolicyName = (typeof POLICIES)[number];

/**
 * What the database behind Glance changes in member handling: how two member
 * ids compare (the `image_members.member` column, `String(255)`) and which ids
 * the column refuses.
 */
export interface DbProfile {
  readonly name: DbProfileName;
  /**
   * The key under which this database compares a text column (image ids,
   * owners, names, property names and values, member ids): equal keys match.
   */
  collate(text: string): string;
  /** Throws Glance's 500 where the database refuses an image's property rows (live and soft-deleted). */
  assertStorableProperties(properties: Readonly<Record<string, string | null>>, removed?: readonly string[]): void;
  /** Two member ids with the same key are the same member for this database. */
  memberKey(memberId: string): string;
  /** Throws Glance's 500 where the database would refuse to store the id. */
  assertStorable(memberId: string): void;
  /** A `member` value that is not text: its stored text, or Glance's 500 (member-binding.ts). */
  bindOther(value: unknown): string;
  /** Where the database compares a bound number with the column as a number: that number (else undefined). */
  numericOperand(value: unknown): number | undefined;
  /** The column's text as the database reads it in such a comparison. */
  textAsNumber(text: string): number;
}

const MYSQL_VARCHAR_LENGTH = 255;
const MYSQL_TEXT_BYTES = 65_535;

/**
 * MySQL/MariaDB with Glance's `utf8` tables: `utf8mb3_general_ci` compares
 * case- and accent-insensitively and ignores trailing spaces (PAD SPACE); strict
 * mode refuses values longer than the column.
 */
export const mysqlProfile: DbProfile = {
  name: 'mysql',
  collate: (text) => generalCiKey(text),
  // `image_properties.value` is a TEXT column (65,535 bytes); two names the
  // collation makes equal break the (image_id, name) unique key.
  assertStorableProperties(properties, removed = []) {
    for (const value of Object.values(properties)) {
      if (value !== null && Buffer.byteLength(value, 'utf8') > MYSQL_TEXT_BYTES) throw GlanceErrors.serverError();
    }
    const rows = [...Object.keys(properties), ...removed.filter((name) => !Object.hasOwn(properties, name))];
    if (new Set(rows.map(generalCiKey)).size !== rows.length) throw GlanceErrors.serverError();
  },
  memberKey: (memberId) => generalCiKey(memberId),
  assertStorable(memberId) {
    if ([...memberId].length > MYSQL_VARCHAR_LENGTH) throw GlanceErrors.serverError();
  },
  bindOther: (value) => mysqlBinding(value),
  numericOperand: (value) => mysqlNumericOperand(value),
  textAsNumber: (text) => mysqlTextAsDouble(text),
};

/** SQLite: no length limit, binary comparison. */
export const sqliteProfile: DbProfile = {
  name: 'sqlite',
  collate: (text) => text,
  assertStorableProperties: () => undefined,
  memberKey: (memberId) => memberId,
  assertStorable: () => undefined,
  bindOther: (value) => sqliteBinding(value),
  // SQLite turns a number compared with a TEXT column into text: the stored text's own comparison.
  numericOperand: () => undefined,
  textAsNumber: () => NaN,
};

export const dbProfiles: Record<DbProfileName, DbProfile> = { mysql: mysqlProfile, sqlite: sqliteProfile };

/** The weight string of utf8mb3_general_ci, closely enough for project ids. */
function generalCiKey(value: string): string {
  return value
    .replace(/ +$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 's')
    .toUpperCase();
}
