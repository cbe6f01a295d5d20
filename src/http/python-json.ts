/**
 * JSON text as Python's `json.dumps` writes it, which is what Glance sends:
 * `", "` and `": "` separators, and with `ensureAscii` (the default) every
 * character outside printable ASCII escaped as `\uXXXX`.
 */
export function pythonJson(value: unknown, ensureAscii = true): string {
  const text = JSON.stringify(value, null, 0);
  return respace(ensureAscii ? escapeNonAscii(text) : text);
}

/** Insert Python's separators outside strings. */
function respace(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out += c;
    if (inString) {
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' || c === ':') out += ' ';
  }
  return out;
}

function escapeNonAscii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
