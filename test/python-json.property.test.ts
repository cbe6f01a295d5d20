import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { PythonFloat } from '../src/domain/python-values';
import { pythonJson } from '../src/shared/python-json';

/** The writer this one replaced: JSON.stringify, then separators and escapes patched in character by character. */
function previousPythonJson(value: unknown, ensureAscii = true): string {
  const text = JSON.stringify(value, null, 0);
  const escaped = ensureAscii ? text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
  let out = '';
  let inString = false;
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i];
    out += c;
    if (inString) {
      if (c === '\\') out += escaped[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' || c === ':') out += ' ';
  }
  return out;
}

const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  anyUnits,
  fc.constantFrom('\u007f', '\u2028', '\ud800', '\udfff\ud800', '"\\/\b\f\n\r\t'),
);
const float = fc.double().map((x) => (Number.isInteger(x) ? new PythonFloat(x) : x));
const int = fc.oneof(
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((n) => (Number.isSafeInteger(Number(n)) ? Number(n) : n)),
);
const scalar = fc.oneof(text, float, int, fc.boolean(), fc.constant(null));
const { value: pythonValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
}));

/** A JSON description Python can rebuild exactly: strings as UTF-16 units, ints as digits, floats as JS prints them. */
function forPython(value: unknown): unknown {
  if (typeof value === 'string') return { s: [...Array(value.length).keys()].map((i) => value.charCodeAt(i)) };
  if (typeof value === 'bigint') return { i: value.toString() };
  if (value instanceof PythonFloat) return { f: Object.is(value.value, -0) ? '-0.0' : String(value.value) };
  if (typeof value === 'number') return Number.isInteger(value) ? { i: String(value) } : { f: String(value) };
  if (Array.isArray(value)) return { a: value.map(forPython) };
  if (value !== null && typeof value === 'object')
    return { o: Object.keys(value).map((k) => [forPython(k), forPython((value as Record<string, unknown>)[k])]) };
  return { c: value };
}

const PYTHON = String.raw`
import json, re, sys
def build(n):
    if 's' in n: return b''.join(u.to_bytes(2, 'little') for u in n['s']).decode('utf-16-le', 'surrogatepass')
    if 'i' in n: return int(n['i'])
    if 'f' in n: return float(n['f'])
    if 'a' in n: return [build(x) for x in n['a']]
    if 'o' in n: return {build(k): build(v) for k, v in n['o']}
    return n['c']
lone = re.compile('[\ud800-\udfff]')
for line in sys.stdin:
    value = build(json.loads(line))
    unicode = lone.sub(lambda m: '\\u%04x' % ord(m.group()), json.dumps(value, ensure_ascii=False))
    print(json.dumps([json.dumps(value), unicode]))
`;

/** json.dumps of each value, ensure_ascii true and false, from one python3 process. */
function pythonDumps(values: unknown[]): Array<[string, string]> {
  const input = values.map((v) => JSON.stringify(forPython(v))).join('\n');
  const run = spawnSync('python3', ['-c', PYTHON], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('the writer of Python-style JSON, on random values', () => {
  it("when given unicode, control characters, lone surrogates, big numbers and nesting, then it writes what Python's json.dumps writes", () => {
    const values = fc.sample(pythonValue, { numRuns: 400, seed: 20261202 });
    const expected = pythonDumps(values);
    values.forEach((value, i) => {
      expect([pythonJson(value, true), pythonJson(value, false)]).toEqual(expected[i]);
    });
  });

  it('when given values the previous writer handled (no float in exponent notation, no NaN or infinity), then both write the same', () => {
    const plainFloat = fc.double({ min: 1e-4, max: 1e15, noNaN: true }).filter((x) => !Number.isInteger(x));
    const plainScalar = fc.oneof(
      text,
      plainFloat,
      plainFloat.map((x) => -x),
      fc.maxSafeInteger(),
      fc.boolean(),
      fc.constant(null),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        plainScalar,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, fc.boolean(), (v, ascii) => pythonJson(v, ascii) === previousPythonJson(v, ascii)),
      { numRuns: 500 },
    );
  });
});
