import { pythonFloat, pythonInt } from '../domain/python-values';

/** What Python's `json.loads` raises: a ValueError (bad JSON) or a RecursionError (nesting too deep). */
export class JsonSyntaxError extends Error {}
export class JsonDepthError extends Error {}

/** Python's `sys.set_int_max_str_digits` default: a longer int literal is a ValueError (Python 3.11). */
const INT_MAX_STR_DIGITS = 4300;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export interface JsonLimits {
  /** How many containers may be open at once before Python's recursion limit is hit. */
  maxDepth: number;
  /** An `object_hook` (Glance's) costs one more Python call for each object, as it closes. */
  objectHook: boolean;
}

type Container = { kind: 'array'; value: unknown[] } | { kind: 'object'; value: Record<string, unknown>; key: string };

/**
 * Python's `json.loads` on text, in one linear pass: NaN, Infinity and
 * -Infinity are read, lone surrogates (`"\ud800"`) are kept, the last of
 * duplicate keys wins, objects have no prototype (so `__proto__` or
 * `constructor` are ordinary keys), and opening more than `maxDepth` nested
 * containers is Python's RecursionError. Numbers: see python-values.ts.
 */
export function parsePythonJson(text: string, limits: JsonLimits): unknown {
  return new Parser(text, limits).document();
}

class Parser {
  private pos = 0;
  private readonly stack: Container[] = [];

  private readonly maxDepth: number;
  private readonly objectHook: boolean;

  constructor(
    private readonly text: string,
    limits: JsonLimits,
  ) {
    this.maxDepth = limits.maxDepth;
    this.objectHook = limits.objectHook;
  }

  document(): unknown {
    this.skipWhitespace();
    let value = this.value();
    for (;;) {
      if (value === OPENED) {
        value = this.afterOpen();
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (!top) break;
      if (top.kind === 'array') top.value.push(value);
      else top.value[top.key] = value;
      value = this.next(top);
    }
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw new JsonSyntaxError('Extra data');
    return value;
  }

  /** Just after `[` or `{`: the first element, or the closed empty container. */
  private afterOpen(): unknown {
    const top = this.stack[this.stack.length - 1];
    this.skipWhitespace();
    if (top.kind === 'array') {
      if (this.text[this.pos] === ']') return this.close();
      return this.value();
    }
    if (this.text[this.pos] === '}') return this.close();
    return this.member(top);
  }

  /** After a value inside `top`: the next element, or the closed container. */
  private next(top: Container): unknown {
    this.skipWhitespace();
    const c = this.text[this.pos++];
    if (c === (top.kind === 'array' ? ']' : '}')) return this.close(true);
    if (c !== ',') throw new JsonSyntaxError('Expecting delimiter');
    this.skipWhitespace();
    return top.kind === 'array' ? this.value() : this.member(top);
  }

  /** `"key": value` inside an object. */
  private member(top: Container & { kind: 'object' }): unknown {
    if (this.text[this.pos] !== '"') throw new JsonSyntaxError('Expecting property name');
    this.pos++;
    top.key = this.string();
    this.skipWhitespace();
    if (this.text[this.pos++] !== ':') throw new JsonSyntaxError("Expecting ':' delimiter");
    this.skipWhitespace();
    return this.value();
  }

  private close(consumed = false): unknown {
    if (!consumed) this.pos++;
    // Glance's object_hook is one more Python call, made when an object is complete.
    if (this.objectHook && this.stack.length >= this.maxDepth && this.stack[this.stack.length - 1].kind === 'object') {
      throw new JsonDepthError('maximum recursion depth exceeded');
    }
    return this.stack.pop()!.value;
  }

  /** A scalar, or OPENED after pushing a new container. */
  private value(): unknown {
    const c = this.text[this.pos];
    if (c === '"') {
      this.pos++;
      return this.string();
    }
    if (c === '[' || c === '{') {
      // Python enters one recursion level per container; the limit is reached before it is opened.
      if (this.stack.length >= this.maxDepth) throw new JsonDepthError('maximum recursion depth exceeded');
      this.pos++;
      this.stack.push(c === '[' ? { kind: 'array', value: [] } : { kind: 'object', value: Object.create(null), key: '' });
      return OPENED;
    }
    for (const [word, literal] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return literal;
      }
    }
    return this.number();
  }

  private number(): number | bigint | object {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonSyntaxError('Expecting value');
    this.pos += match[0].length;
    if (match[1] === undefined && match[2] === undefined) {
      if (match[0].replace('-', '').length > INT_MAX_STR_DIGITS)
        throw new JsonSyntaxError('Exceeds the limit for integer string conversion');
      return pythonInt(match[0]);
    }
    return pythonFloat(Number(match[0]));
  }

  /**
   * The rest of a string after its opening quote. A first scan finds the
   * closing quote (so an unterminated string costs one pass and no memory);
   * a string with escapes is then decoded into a buffer of UTF-16 code units.
   */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    let escapes = false;
    let end = start;
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (code === 0x22) break;
      if (code < 0x20) throw new JsonSyntaxError('Invalid control character');
      if (code === 0x5c) {
        escapes = true;
        end++;
      }
    }
    if (end >= text.length) throw new JsonSyntaxError('Unterminated string');
    this.pos = end + 1;
    return escapes ? this.unescape(start, end) : text.slice(start, end);
  }

  private unescape(start: number, end: number): string {
    const text = this.text;
    const units = new Uint16Array(end - start);
    let length = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x5c) {
        units[length++] = code;
        continue;
      }
      const c = text[++i];
      if (c === 'u') {
        units[length++] = this.hex4(i + 1);
        i += 4;
      } else {
        const decoded = ESCAPES[c];
        if (decoded === undefined) throw new JsonSyntaxError('Invalid \\escape');
        units[length++] = decoded.charCodeAt(0);
      }
    }
    // Escaped surrogate pairs join by themselves in UTF-16; lone ones stay as they are, as in Python.
    return Buffer.from(units.buffer, 0, length * 2).toString('utf16le');
  }

  private hex4(at: number): number {
    const digits = this.text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new JsonSyntaxError('Invalid \\uXXXX escape');
    return parseInt(digits, 16);
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }
}

const OPENED = Symbol('opened');
const LITERALS: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];
