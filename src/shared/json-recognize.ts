import type { JsonLimits } from './json-parse';

/** What `json.loads` would do with a body: return a value, raise a ValueError, or a RecursionError. */
export type JsonVerdict = 'ok' | 'syntax' | 'depth';

/** Python's `sys.set_int_max_str_digits` default: a longer int literal is a ValueError (Python 3.11). */
const INT_MAX_STR_DIGITS = 4300;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ARRAY = 1;
const OBJECT = 2;
/** The characters after a backslash that make an escape (`u` is checked with its 4 hex digits). */
const SIMPLE_ESCAPE = new Uint8Array(128);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;
const LITERALS = ['null', 'true', 'false', 'NaN', 'Infinity', '-Infinity'].map((word) => Buffer.from(word, 'latin1'));

class Refused extends Error {
  constructor(readonly verdict: 'syntax' | 'depth') {
    super(verdict);
  }
}

/**
 * The verdict of parsePythonJson on a body, read from its UTF-8 bytes without
 * decoding them or building any value: structure, escapes and numbers are
 * ASCII, and every byte of a multi-byte character is 0x80 or above, so the
 * bytes give the same verdict as the text, at the same point (which decides
 * between a ValueError and a RecursionError). One pass, no allocation beyond
 * the open containers' kinds: a malformed body of any size costs a scan of
 * its bytes, never a copy of them. `bytes` must be valid UTF-8.
 */
export function recognizePythonJson(bytes: Uint8Array, limits: JsonLimits): JsonVerdict {
  try {
    new Recognizer(bytes, limits).document();
    return 'ok';
  } catch (error) {
    if (error instanceof Refused) return error.verdict;
    throw error;
  }
}

class Recognizer {
  private pos = 0;
  private depth = 0;
  private readonly kinds: Uint8Array;
  private readonly maxDepth: number;
  private readonly objectHook: boolean;

  constructor(
    private readonly b: Uint8Array,
    limits: JsonLimits,
  ) {
    this.maxDepth = limits.maxDepth;
    this.objectHook = limits.objectHook;
    this.kinds = new Uint8Array(limits.maxDepth + 1);
  }

  document(): void {
    const b = this.b;
    this.skipWhitespace();
    // true when a container was just opened (its first element or its end comes next).
    let opened = this.value();
    for (;;) {
      if (opened) {
        opened = this.afterOpen();
        continue;
      }
      if (this.depth === 0) break;
      // After a value inside a container: a comma and the next element, or the container's end.
      const kind = this.kinds[this.depth - 1];
      this.skipWhitespace();
      const c = b[this.pos++];
      if (c === (kind === ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT)) {
        this.close();
        continue;
      }
      if (c !== COMMA) throw new Refused('syntax');
      this.skipWhitespace();
      opened = kind === ARRAY ? this.value() : this.member();
    }
    this.skipWhitespace();
    if (this.pos !== b.length) throw new Refused('syntax');
  }

  private afterOpen(): boolean {
    const kind = this.kinds[this.depth - 1];
    this.skipWhitespace();
    const c = this.b[this.pos];
    if (kind === ARRAY) {
      if (c === CLOSE_ARRAY) {
        this.pos++;
        this.close();
        return false;
      }
      return this.value();
    }
    if (c === CLOSE_OBJECT) {
      this.pos++;
      this.close();
      return false;
    }
    return this.member();
  }

  private member(): boolean {
    if (this.b[this.pos] !== QUOTE) throw new Refused('syntax');
    this.pos++;
    this.string();
    this.skipWhitespace();
    if (this.b[this.pos++] !== COLON) throw new Refused('syntax');
    this.skipWhitespace();
    return this.value();
  }

  private close(): void {
    // Glance's object_hook is one more Python call, made when an object is complete.
    if (this.objectHook && this.depth >= this.maxDepth && this.kinds[this.depth - 1] === OBJECT) throw new Refused('depth');
    this.depth--;
  }

  /** A scalar (false), or a container just opened (true). */
  private value(): boolean {
    const c = this.b[this.pos];
    if (c === QUOTE) {
      this.pos++;
      this.string();
      return false;
    }
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      // Python enters one recursion level per container; the limit is reached before it is opened.
      if (this.depth >= this.maxDepth) throw new Refused('depth');
      this.pos++;
      this.kinds[this.depth++] = c === OPEN_ARRAY ? ARRAY : OBJECT;
      return true;
    }
    if ((c >= 0x30 && c <= 0x39) || (c === MINUS && this.b[this.pos + 1] !== 0x49)) {
      this.number();
      return false;
    }
    for (const word of LITERALS) {
      if (this.startsWith(word)) {
        this.pos += word.length;
        return false;
      }
    }
    throw new Refused('syntax');
  }

  private startsWith(word: Uint8Array): boolean {
    const b = this.b;
    if (this.pos + word.length > b.length) return false;
    for (let i = 0; i < word.length; i++) if (b[this.pos + i] !== word[i]) return false;
    return true;
  }

  /** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, each optional part taken only when whole. */
  private number(): void {
    const b = this.b;
    let i = this.pos;
    if (b[i] === MINUS) i++;
    const first = i;
    if (b[i] === 0x30) i++;
    else if (isDigit(b[i])) while (isDigit(b[i])) i++;
    else throw new Refused('syntax');
    let whole = true;
    if (b[i] === 0x2e && isDigit(b[i + 1])) {
      whole = false;
      i += 2;
      while (isDigit(b[i])) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      let j = i + 1;
      if (b[j] === 0x2b || b[j] === MINUS) j++;
      if (isDigit(b[j])) {
        whole = false;
        while (isDigit(b[j])) j++;
        i = j;
      }
    }
    if (whole && i - first > INT_MAX_STR_DIGITS) throw new Refused('syntax');
    this.pos = i;
  }

  /** The rest of a string after its opening quote: no control character, only valid escapes, a closing quote. */
  private string(): void {
    const b = this.b;
    const end = b.length;
    let i = this.pos;
    for (;;) {
      if (i >= end) throw new Refused('syntax');
      const c = b[i];
      if (c === QUOTE) break;
      if (c < 0x20) throw new Refused('syntax');
      if (c === BACKSLASH) {
        const e = b[i + 1];
        if (e === 0x75) {
          if (!(isHex(b[i + 2]) && isHex(b[i + 3]) && isHex(b[i + 4]) && isHex(b[i + 5]))) throw new Refused('syntax');
          i += 6;
          continue;
        }
        if (e === undefined || e >= 128 || SIMPLE_ESCAPE[e] === 0) throw new Refused('syntax');
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
  }

  private skipWhitespace(): void {
    const b = this.b;
    let i = this.pos;
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
    for (let c = b[i]; c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = b[++i]);
    this.pos = i;
  }
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number | undefined) =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
