import { PythonFloat } from '../src/domain/python-values';
import { JsonDepthError, JsonSyntaxError, parsePythonJson } from '../src/shared/json-parse';
import { RawServer } from './helpers/raw-server';
import { personas } from './helpers/personas';

const loads = (text: string) => parsePythonJson(text, { maxDepth: 895, objectHook: true });
const SERVER_ERROR =
  '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ';

describe("request bodies read as Python's json.loads reads them", () => {
  it('when the JSON holds NaN, Infinity and -Infinity, then they are read as floats', () => {
    const parsed = loads('[NaN, Infinity, -Infinity]') as number[];
    expect(parsed[0]).toBeNaN();
    expect(parsed.slice(1)).toEqual([Infinity, -Infinity]);
  });

  it('when a string escapes a lone surrogate, then it is kept; an escaped pair is one character', () => {
    expect(loads('["\\ud800", "\\udc00x", "\\ud83d\\ude00", "\\ud800\\u0041"]')).toEqual(['\ud800', '\udc00x', '\u{1F600}', '\ud800A']);
  });

  it('when a key is repeated, then the last value wins at the place of the first', () => {
    const parsed = loads('{"a": 1, "b": 2, "a": 3}') as Record<string, number>;
    expect(Object.entries(parsed)).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('when numbers are read, then ints stay exact and whole-number floats stay floats', () => {
    expect(loads('[1, -0, 9007199254740993, 1.5, 1.0, 1e5, -0.0, 1e400]')).toEqual([
      1,
      -0,
      9007199254740993n,
      1.5,
      new PythonFloat(1),
      new PythonFloat(100000),
      new PythonFloat(-0),
      Infinity,
    ]);
  });

  it('when an int has more than 4300 digits, then it is a ValueError as in Python 3.11', () => {
    expect(loads(`[${'9'.repeat(4300)}]`)).toEqual([BigInt('9'.repeat(4300))]);
    expect(() => loads(`[${'9'.repeat(4301)}]`)).toThrow(JsonSyntaxError);
  });

  it.each([
    '',
    ' ',
    '[1,]',
    '{"a": 1,}',
    '01',
    '+1',
    '.5',
    '1.',
    "{'a': 1}",
    '"a\tb"',
    '"\\x41"',
    '"\\u12"',
    '\ufeff[]',
    '\f[]',
    '[] []',
    'nan',
    '-NaN',
    '"abc',
  ])('when the text is %j, then it is a ValueError', (text) => {
    expect(() => loads(text)).toThrow(JsonSyntaxError);
  });

  it('when containers nest past the limit, then it is a RecursionError; an object costs one more level, as it closes', () => {
    expect(() => loads(`${'['.repeat(895)}${']'.repeat(895)}`)).not.toThrow();
    expect(() => loads(`${'['.repeat(896)}${']'.repeat(896)}`)).toThrow(JsonDepthError);
    expect(() => loads(`${'['.repeat(894)}{}${']'.repeat(894)}`)).toThrow(JsonDepthError);
    expect(() => loads(`${'['.repeat(894)}{${']'.repeat(894)}`)).toThrow(JsonSyntaxError);
    expect(() => loads('['.repeat(200_000))).toThrow(JsonDepthError);
  });
});

describe('how deep a body may nest on each endpoint (Glance Zed, measured)', () => {
  let server: RawServer;
  let imageId: string;
  const json = { ...personas.owner, 'Content-Type': 'application/json' };
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  beforeAll(async () => {
    server = await RawServer.start();
    imageId = JSON.parse((await server.send('POST', '/v2/images', json, '{"visibility": "shared"}')).body).id;
  });
  afterAll(() => server.close());

  it('when a member body nests 896 lists, then 500; 895 is read (and refused as not a dict)', async () => {
    const deep = await server.send('POST', `/v2/images/${imageId}/members`, json, nested(896));
    expect(deep.status).toBe(500);
    expect(deep.body).toBe(SERVER_ERROR);
    const read = await server.send('POST', `/v2/images/${imageId}/members`, json, nested(895));
    expect(read.status).toBe(400);
    expect(read.body).toBe('400 Bad Request\n\nExpected a member in the form: {"member": "image_id"}\n\n   ');
  });

  it('when a body sent to a method Glance refuses nests 898 lists, then 500; 897 is read and it is the 405', async () => {
    expect((await server.send('PUT', `/v2/images/${imageId}`, json, nested(898))).status).toBe(500);
    expect((await server.send('PUT', `/v2/images/${imageId}`, json, nested(897))).status).toBe(405);
  });

  it('when an image body nests 895 objects under a read-only key, then 500; 894 is the read-only 403', async () => {
    const objects = (depth: number) => `{"self": ${'{"a": '.repeat(depth - 1)}1${'}'.repeat(depth - 1)}}`;
    expect((await server.send('POST', '/v2/images', json, objects(895))).status).toBe(500);
    const read = await server.send('POST', '/v2/images', json, objects(894));
    expect(read.status).toBe(403);
    expect(read.body).toBe("403 Forbidden\n\nAttribute 'self' is read-only.\n\n   ");
  });
});
