import { match } from '../src/scenario/match';

const ok = (expected: unknown, actual: unknown, mode: 'subset' | 'exact' = 'subset') => match(expected, actual, '$', mode).length === 0;

describe('scenario expectations', () => {
  it('a body is a subset match by default, an exact one with bodyEquals', () => {
    expect(ok({ status: 'pending' }, { status: 'pending', member_id: 'p2' })).toBe(true);
    expect(ok({ status: 'pending' }, { status: 'pending', member_id: 'p2' }, 'exact')).toBe(false);
    expect(match({ status: 'accepted' }, { status: 'pending' }, '$')).toEqual([
      { path: '$.status', expected: '"accepted"', actual: '"pending"' },
    ]);
  });

  it('a list matches item by item and by length', () => {
    expect(ok([{ id: 'a' }], [{ id: 'a', name: 'x' }])).toBe(true);
    expect(match([{ id: 'a' }], [], '$.images')).toEqual([{ path: '$.images.length', expected: '1', actual: '0: []' }]);
  });

  it.each([
    [{ type: 'string' }, 'x', 1],
    [{ type: 'integer' }, 3, 3.5],
    [{ type: 'null' }, null, 'null'],
    [{ regex: '^req-' }, 'req-1', 'request-1'],
    [{ uuid: true }, 'a42bfade-78ec-4c95-b7b4-272ba265072c', 'a42bfade78ec4c95b7b4272ba265072c'],
    [{ timestamp: true }, '2023-01-10T08:00:00Z', '10 Jan 2023'],
    [{ oneOf: ['pending', 'accepted'] }, 'accepted', 'rejected'],
    [{ contains: 'duplicated' }, 'Member p2 is duplicated', 'Member p2'],
    [{ contains: { id: 'b' } }, [{ id: 'a' }, { id: 'b' }], [{ id: 'a' }]],
    [{ length: 2 }, [1, 2], [1]],
    [{ not: { contains: { id: 'b' } } }, [{ id: 'a' }], [{ id: 'b' }]],
    [{ equals: { type: 'x' } }, { type: 'x' }, { type: 'x', more: 1 }],
  ])('the matcher %j accepts %j and refuses %j', (matcher, good, bad) => {
    expect(ok(matcher, good)).toBe(true);
    expect(ok(matcher, bad)).toBe(false);
  });

  it('{absent: true} asks that a key be missing', () => {
    expect(ok({ next: { absent: true } }, { images: [] })).toBe(true);
    expect(match({ next: { absent: true } }, { next: '/v2/images?marker=x' }, '$')).toEqual([
      { path: '$.next', expected: '(absent)', actual: '"/v2/images?marker=x"' },
    ]);
  });
});
