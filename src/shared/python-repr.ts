/**
 * Python's `repr` and `pprint.pformat(width=72)` for JSON values: Glance's
 * schema errors are jsonschema's messages, which print the offending value and
 * schema fragment this way.
 */
import { dictEntries, pythonRepr, reprStringPieces } from '../domain/python-values';

export { pythonRepr };

const WIDTH = 72;

/** `pprint.pformat(value, width=72)`, Python 3.11, sort_dicts=True. */
export function pythonPformat(value: unknown): string {
  return format(value, 0, 0, 0);
}

/**
 * pythonPformat in pieces: a string of one word is its repr, whatever its
 * length (`repr`, when the caller has made it already; see reprStringPieces).
 */
export function pythonPformatPieces(value: unknown, repr?: string[]): string[] {
  if (typeof value === 'string' && !/\s/.test(value)) return repr ?? reprStringPieces(value);
  return [pythonPformat(value)];
}

function format(value: unknown, indent: number, allowance: number, level: number): string {
  const rep = pythonRepr(value, true);
  if (rep.length <= WIDTH - indent - allowance) return rep;
  // One line, one word (a long name, say): nothing to split, and its repr is already made.
  if (typeof value === 'string') return /\s/.test(value) ? formatString(value, indent, allowance, level + 1) : rep;
  if (Array.isArray(value)) return `[${formatItems(value, indent, allowance + 1, level + 1)}]`;
  if (value !== null && typeof value === 'object') {
    return `{${formatDictItems(dictEntries(value as Record<string, unknown>, true), indent, allowance + 1, level + 1)}}`;
  }
  return rep;
}

function formatDictItems(items: Array<[string, unknown]>, indent: number, allowance: number, level: number): string {
  const inner = indent + 1;
  return items
    .map(([key, entry], i) => {
      const keyRep = pythonRepr(key);
      const last = i === items.length - 1;
      return `${keyRep}: ${format(entry, inner + keyRep.length + 2, last ? allowance : 1, level)}`;
    })
    .join(`,\n${' '.repeat(inner)}`);
}

function formatItems(items: unknown[], indent: number, allowance: number, level: number): string {
  const inner = indent + 1;
  return items.map((entry, i) => format(entry, inner, i === items.length - 1 ? allowance : 1, level)).join(`,\n${' '.repeat(inner)}`);
}

/** pprint's `_pprint_str`: long strings split at whitespace into adjacent literals. */
function formatString(value: string, indent: number, allowance: number, level: number): string {
  if (level === 1) {
    indent += 1;
    allowance += 1;
  }
  const lines = value.match(/[^\n]*\n|[^\n]+$/g) ?? [value];
  const chunks: string[] = [];
  const maxWidth = WIDTH - indent;
  lines.forEach((line, i) => {
    const lastLine = i === lines.length - 1;
    const rep = pythonRepr(line);
    if (rep.length <= maxWidth - (lastLine ? allowance : 0)) {
      chunks.push(rep);
      return;
    }
    const parts = line.match(/\S*\s*/g)!.filter((part) => part !== '');
    if (parts.length === 1) {
      chunks.push(rep); // one word: nothing to split (and no second repr of a long string)
      return;
    }
    let current = '';
    parts.forEach((part, j) => {
      const limit = maxWidth - (lastLine && j === parts.length - 1 ? allowance : 0);
      const candidate = current + part;
      if (pythonRepr(candidate).length > limit) {
        if (current) chunks.push(pythonRepr(current));
        current = part;
      } else {
        current = candidate;
      }
    });
    if (current) chunks.push(pythonRepr(current));
  });
  if (chunks.length === 1) return pythonRepr(value);
  const joined = chunks.join(`\n${' '.repeat(indent)}`);
  return level === 1 ? `(${joined})` : joined;
}
