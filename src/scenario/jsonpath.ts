/** The JSONPath subset captures use: `$`, `.name`, `[index]`, `['name']` or `["name"]`. */
export function parsePath(path: string): Array<string | number> | undefined {
  if (!path.startsWith('$')) return undefined;
  const parts: Array<string | number> = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let at = 1;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return undefined;
    parts.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4])));
    at = re.lastIndex;
  }
  return parts;
}

/** The value at a path, or undefined when the path leads nowhere. */
export function valueAt(document: unknown, path: Array<string | number>): unknown {
  let value = document;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (typeof part === 'number' ? !Array.isArray(value) : Array.isArray(value)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
