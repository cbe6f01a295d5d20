/**
 * How deep Python's stack grows while jsonschema prints a failing value with
 * `pprint.pformat(value, width=72)` (Python 3.11, as Glance Zed runs it).
 * Each `_format` of a value too wide for its line re-reprs its children one
 * level deeper, so the depth grows about three frames for each level of
 * nesting; past Python's recursion limit Glance answers its generic 500.
 * Counted in frames from `pformat` itself; measured against Python 3.11.2.
 */
import { dictEntries, isPythonNumber, pythonRepr } from '../domain/python-values';

const WIDTH = 72;
/** `sorted(items, key=_safe_tuple)` calls back into Python from C: three frames above the caller. */
const SORT_KEY = 3;
/** `format` → `_safe_repr` → `repr()` for a string, number, boolean or null. */
const SCALAR = 3;

export function pformatDepth(value: unknown): number {
  const lengths = new Map<object, number>();
  /** `len(repr(item))`, each container's length summed once from its children's. */
  const reprLength = (item: unknown): number => {
    if (!isContainer(item)) return pythonRepr(item).length;
    let length = lengths.get(item);
    if (length === undefined) {
      const parts = Array.isArray(item)
        ? item.map(reprLength)
        : Object.entries(item).map(([key, child]) => reprLength(key) + 2 + reprLength(child));
      length = 2 + parts.reduce((sum, part) => sum + part, 0) + 2 * Math.max(parts.length - 1, 0);
      lengths.set(item, length);
    }
    return length;
  };
  return format(value, 1, 0, 0, reprLength);
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null && !isPythonNumber(value);

/** Frames below `PrettyPrinter.format` for `value` (`_safe_repr`, then each child two frames deeper), once per container. */
const reprFrames = new WeakMap<object, number>();
function safeRepr(value: unknown, depth: number): number {
  if (!isContainer(value)) return depth + SCALAR;
  let frames = reprFrames.get(value);
  if (frames === undefined) {
    const children = Array.isArray(value) ? value : Object.entries(value).flat();
    const floor = Array.isArray(value) || children.length === 0 ? 1 : 1 + SORT_KEY;
    frames = children.reduce<number>((max, child) => Math.max(max, safeRepr(child, 2)), floor);
    reprFrames.set(value, frames);
  }
  return depth + frames;
}

/** `PrettyPrinter._format` at `depth`: `_repr` (then `format`) below it; too wide, `_pprint_*` → `_format_*items` → `_format`. */
function format(value: unknown, depth: number, indent: number, allowance: number, reprLength: (item: unknown) => number): number {
  let max = safeRepr(value, depth + 2);
  if (reprLength(value) <= WIDTH - indent - allowance || !isContainer(value)) {
    return typeof value === 'string' ? Math.max(max, depth + 2) : max;
  }
  const allowanceOf = (i: number, count: number) => (i === count - 1 ? allowance + 1 : 1);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      max = Math.max(max, format(item, depth + 3, indent + 1, allowanceOf(i, value.length), reprLength));
    });
    return max;
  }
  const entries = dictEntries(value as Record<string, unknown>, true);
  if (entries.length > 0) max = Math.max(max, depth + 1 + SORT_KEY);
  entries.forEach(([key, item], i) => {
    const keyLength = reprLength(key);
    max = Math.max(max, safeRepr(key, depth + 4));
    max = Math.max(max, format(item, depth + 3, indent + 1 + keyLength + 2, allowanceOf(i, entries.length), reprLength));
  });
  return max;
}
