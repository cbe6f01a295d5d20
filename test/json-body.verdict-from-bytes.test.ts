/**
 * A body is judged on its bytes before it is decoded or built into values, so a
 * refused body of any size costs one scan: the verdict (a value, Python's
 * ValueError, or its RecursionError) must be the one the parser reaches, at the
 * same point, for every text.
 */
import fc from 'fast-check';
import { jsonBody } from '../src/http/json-body';
import { JsonDepthError, parsePythonJson, type JsonLimits } from '../src/shared/json-parse';
import { recognizePythonJson } from '../src/shared/json-recognize';
import { fuzzParams } from './fuzz/support/fuzz-config';

function parserVerdict(text: string, limits: JsonLimits): string {
  try {
    parsePythonJson(text, limits);
    return 'ok';
  } catch (error) {
    return error instanceof JsonDepthError ? 'depth' : 'syntax';
  }
}

/** Pieces of JSON, valid and not, so that random sequences often come close to valid documents. */
const piece = fc.constantFrom(
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ' ',
  '\n',
  '"',
  '"a"',
  '"k": ',
  '\\',
  '\\"',
  '\\u00e9',
  '\\uD800',
  '\\x',
  '\\u12',
  '0',
  '-',
  '-0',
  '12',
  '01',
  '1.',
  '1.5',
  '.5',
  '1e',
  '1e+3',
  '2E-2',
  'null',
  'true',
  'false',
  'nul',
  'NaN',
  'Infinity',
  '-Infinity',
  '-I',
  'é',
  '\u0001',
  '\t',
  'x',
  '\u{1F600}',
  '9'.repeat(4301),
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('the verdict on a body, read from its bytes', () => {
  it('when any text is judged, then the verdict is the parser’s: a value, a ValueError or a RecursionError', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), fc.boolean(), (body, maxDepth, objectHook) => {
        const limits = { maxDepth, objectHook };
        expect(recognizePythonJson(Buffer.from(body, 'utf8'), limits)).toBe(parserVerdict(body, limits));
      }),
      fuzzParams(3000),
    );
  });

  it('when a valid JSON document is judged, then it is accepted', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        expect(recognizePythonJson(Buffer.from(JSON.stringify(value), 'utf8'), { maxDepth: 895, objectHook: true })).toBe('ok');
      }),
      fuzzParams(300),
    );
  });

  it.each([
    ['an unterminated string of escaped quotes', `{"member": "${'\\"'.repeat(10 * 2 ** 20)}`, 'Malformed JSON in request body.'],
    ['an unterminated plain string', `{"member": "${'a'.repeat(20 * 2 ** 20)}`, 'Malformed JSON in request body.'],
    ['a 20 MiB number', `{"member": ${'1'.repeat(20 * 2 ** 20)}}`, 'Malformed JSON in request body.'],
    [
      '20 MiB of opened lists',
      '['.repeat(20 * 2 ** 20),
      'The server has either erred or is incapable of performing the requested operation.',
    ],
  ])('when a 20 MiB body is %s, then it is refused in well under a second of CPU', (_shape, body, message) => {
    const bytes = Buffer.from(body, 'latin1');
    // CPU time, not wall time: on a shared machine the wall clock also counts other people's work.
    const started = process.cpuUsage();
    expect(() => jsonBody({ present: true, declaredLength: bytes.length, bytes })).toThrow(message);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(1000);
  });
});
