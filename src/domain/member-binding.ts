import { GlanceErrors } from './glance-errors';
import { decompose, fixed, PythonFloat } from './python-values';

/**
 * What a database driver makes of a `member` value that is not text, as the
 * real Glance shows it: the text the `String(255)` column ends up holding, or
 * Glance's 500 where the driver or the database refuses the value.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * sqlite3: an int is bound as an INTEGER (beyond 64 bits an OverflowError), a
 * float as a REAL (NaN as NULL, which the column refuses), `True` as 1; the
 * column's TEXT affinity then turns the number into text, SQLite's way.
 */
export function sqliteBinding(value: unknown): string {
  if (value === true) return '1';
  if (typeof value === 'bigint') {
    if (value < INT64_MIN || value > INT64_MAX) throw GlanceErrors.serverError();
    return value.toString();
  }
  if (value instanceof PythonFloat) return sqliteRealText(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : sqliteRealText(value);
  throw GlanceErrors.serverError();
}

/** SQLite's REAL to TEXT: `%!.15g` (15 significant digits, always a `.0`), `Inf`, `-Inf`. */
function sqliteRealText(value: number): string {
  if (Number.isNaN(value)) throw GlanceErrors.serverError();
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  const [mantissa, exp] = value.toExponential(14).split('e');
  const exponent = Number(exp);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/[-.]/g, '').replace(/0+$/, '') || '0';
  if (exponent < -4 || exponent >= 15) {
    const shown = `${digits[0]}.${digits.slice(1) || '0'}`;
    return `${sign}${shown}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = fixed(digits, exponent + 1);
  return `${sign}${text.includes('.') ? text : `${text}.0`}`;
}

/**
 * PyMySQL: a list is written as a parenthesised tuple, so a one-element list
 * is its element (nested lists too) and a longer one an SQL error; `True` and
 * `False` are 1 and 0; an int is written as digits, a float as its repr, and
 * MariaDB stores the number's own text in the column; inf and nan cannot be
 * written at all.
 */
export function mysqlBinding(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length !== 1) throw GlanceErrors.serverError();
    return mysqlBinding(value[0]);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return mysqlIntegerText(value);
  if (value instanceof PythonFloat) return mariadbDoubleText(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : mariadbDoubleText(value);
  throw GlanceErrors.serverError();
}

/** MariaDB reads an integer literal of up to 65 digits as a DECIMAL (exact), a longer one as a DOUBLE. */
function mysqlIntegerText(value: bigint): string {
  const text = value.toString();
  return text.replace('-', '').length <= 65 ? text : mariadbDoubleText(Number(value));
}

/**
 * MariaDB's DOUBLE to string (my_gcvt): shortest round-trip digits, fixed
 * notation while the decimal point is within 15 places of the first digit on
 * the left or 14 zeros on the right, else `1.5e16`-style.
 */
function mariadbDoubleText(value: number): string {
  if (!Number.isFinite(value)) throw GlanceErrors.serverError();
  if (value === 0) return '0';
  const { sign, digits, exponent } = decompose(value);
  const decpt = exponent + 1;
  if (decpt >= -14 && decpt <= 15) return `${sign}${fixed(digits, decpt)}`;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}e${exponent}`;
}

/**
 * MySQL compares a number with a text column as doubles (the text read as its
 * longest numeric prefix, 0 if none): the double a `member` value is compared
 * as, when PyMySQL binds it as a number; `undefined` for text.
 */
export function mysqlNumericOperand(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length === 1 ? mysqlNumericOperand(value[0]) : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PythonFloat) return value.value;
  return typeof value === 'number' ? value : undefined;
}

/** MySQL's string to double: the longest numeric prefix after leading spaces, else 0. */
export function mysqlTextAsDouble(text: string): number {
  const prefix = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text);
  return prefix ? Number(prefix[0]) : 0;
}
