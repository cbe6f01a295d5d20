/**
 * The Python stack depth of `pprint.pformat(value, width=72)`, as measured on
 * Python 3.11.2 (the interpreter Glance Zed runs): the smallest recursion
 * limit that lets pformat finish, less the caller's depth and 2.
 */
import { pformatDepth } from '../src/http/pformat-depth';

const parse = (text: string) => JSON.parse(text) as unknown;
const lists = (depth: number) => parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const objects = (depth: number, leaf = '1') => parse(`${'{"a": '.repeat(depth)}${leaf}${'}'.repeat(depth)}`);
const mixed = (depth: number) => {
  const open = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? '[' : '{"a": '));
  const close = open.map((o) => (o === '[' ? ']' : '}')).reverse();
  return parse(`${open.join('')}${depth % 2 === 0 ? '1' : ''}${close.join('')}`);
};

describe('how deep pformat recurses', () => {
  it('when the value is a short list or object, then two frames a level, plus the sort key of a dict', () => {
    expect([1, 2, 3, 10].map((d) => pformatDepth(lists(d)))).toEqual([4, 6, 8, 22]);
    expect([1, 2, 3, 10].map((d) => pformatDepth(objects(d)))).toEqual([8, 10, 12, 26]);
    expect(pformatDepth(parse('[1, 2]'))).toBe(8);
  });

  it('when the value is too wide to print on one line, then each level is formatted again, three frames a level', () => {
    expect([50, 100, 297, 298, 299, 300].map((d) => pformatDepth(lists(d)))).toEqual([151, 301, 892, 895, 898, 901]);
    expect([50, 100, 297, 298].map((d) => pformatDepth(objects(d)))).toEqual([156, 306, 897, 900]);
    expect([10, 298].map((d) => pformatDepth(objects(d, '"s"')))).toEqual([36, 900]);
    expect([297, 298, 299, 300].map((d) => pformatDepth(mixed(d)))).toEqual([893, 900, 899, 906]);
  });
});
