import { base, en, Faker } from '@faker-js/faker';

/** Thrown for a `${…}` that names no variable or no faker function. */
export class InterpolationError extends Error {}

/** The variables of one playback and its faker, seeded so a scenario draws the same values on every run. */
export class Variables {
  readonly values: Record<string, unknown> = {};
  private readonly faker: Faker;

  constructor(fakerSeed: number) {
    this.faker = new Faker({ locale: [en, base] });
    this.faker.seed(fakerSeed);
  }

  set(name: string, value: unknown): void {
    this.values[name] = value;
  }

  /** `${name}`, `${name.field}` and `${faker.module.method}` or `${faker.module.method(json args)}`; `$${` is a literal `${`. */
  string(text: string): unknown {
    const parts = splitTemplate(text);
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.evaluate(parts[0].expr);
    return parts
      .map((part) => {
        if (typeof part === 'string') return part;
        const value = this.evaluate(part.expr);
        return typeof value === 'string' ? value : JSON.stringify(value);
      })
      .join('');
  }

  /** Interpolate every string in a JSON value (not the keys). */
  deep(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (Array.isArray(value)) return value.map((v) => this.deep(v));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)]));
    return value;
  }

  private evaluate(expr: string): unknown {
    if (expr.startsWith('faker.')) return this.fake(expr.slice('faker.'.length));
    const [name, ...fields] = expr.split('.');
    if (!Object.prototype.hasOwnProperty.call(this.values, name)) throw new InterpolationError(`\${${expr}}: no variable "${name}"`);
    let value = this.values[name];
    for (const field of fields) {
      if (typeof value !== 'object' || value === null || !(field in value))
        throw new InterpolationError(`\${${expr}}: "${name}" has no field "${field}"`);
      value = (value as Record<string, unknown>)[field];
    }
    return value;
  }

  private fake(call: string): unknown {
    const parsed = /^([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*(?:\((.*)\))?$/s.exec(call);
    if (!parsed)
      throw new InterpolationError(`\${faker.${call}}: write \${faker.module.method} or \${faker.module.method(arguments as JSON)}`);
    let args: unknown[] = [];
    if (parsed[2] !== undefined && parsed[2].trim() !== '') {
      try {
        args = JSON.parse(`[${parsed[2]}]`) as unknown[];
      } catch {
        throw new InterpolationError(`\${faker.${call}}: the arguments are not JSON`);
      }
    }
    let target: unknown = this.faker;
    let owner: unknown = undefined;
    for (const part of parsed[1].split('.')) {
      if (typeof target !== 'object' || target === null || !(part in target) || part.startsWith('_'))
        throw new InterpolationError(`\${faker.${call}}: faker has no "${parsed[1]}"`);
      owner = target;
      target = (target as Record<string, unknown>)[part];
    }
    if (typeof target !== 'function' || parsed[1] === 'seed' || parsed[1].startsWith('seed'))
      throw new InterpolationError(`\${faker.${call}}: faker.${parsed[1]} is not a function that draws a value`);
    return (target as (...a: unknown[]) => unknown).apply(owner, args);
  }
}

/** A stable 31-bit number for a scenario name (FNV-1a), the default faker seed. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of Buffer.from(name, 'utf8')) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}

/**
 * Literal text and `${…}` expressions; an expression ends at the `}` that closes it, so
 * faker's JSON arguments (`${faker.string.alpha({"length": 8})}`) may hold braces and strings.
 */
function splitTemplate(text: string): Array<string | { expr: string }> {
  const parts: Array<string | { expr: string }> = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      literal += '${';
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      literal += text[i++];
      continue;
    }
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let j = i + 2; j < text.length; j++) {
      const c = text[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          end = j;
          break;
        }
        depth--;
      }
    }
    if (end < 0) throw new InterpolationError(`"${text}": a \${ without its closing }`);
    if (literal) parts.push(literal);
    literal = '';
    parts.push({ expr: text.slice(i + 2, end).trim() });
    i = end + 1;
  }
  if (literal || parts.length === 0) parts.push(literal);
  return parts;
}
