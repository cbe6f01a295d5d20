import { badField } from './problem';

/** Small checks for control API inputs: each failure is a 400 naming the field as a JSON pointer. */

export type Fields = Record<string, unknown>;

export function objectAt(value: unknown, field: string, allowed: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badField(field || '/', 'must be a JSON object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw badField(`${field}/${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
  }
  return value as Fields;
}

export function optionalString(fields: Fields, key: string, field: string): string | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw badField(`${field}/${key}`, 'must be a non-empty string');
  return value;
}

export function optionalInteger(
  fields: Fields,
  key: string,
  field: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badField(`${field}/${key}`, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function optionalNumber(fields: Fields, key: string, field: string, min: number, max: number): number | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw badField(`${field}/${key}`, `must be a number from ${min} to ${max}`);
  }
  return value;
}

/** A compiled regular expression, or a 400 naming the field. */
export function regexAt(source: string, field: string): RegExp {
  try {
    return new RegExp(source);
  } catch (err) {
    throw badField(field, `is not a valid regular expression (${(err as Error).message})`);
  }
}
