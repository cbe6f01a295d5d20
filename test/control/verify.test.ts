import { Journal } from '../../src/control/journal';
import { ControlProblem } from '../../src/control/problem';
import { verify } from '../../src/control/verify';
import { exchange } from './exchange';

const MEMBERS = '/v2/images/{image_id}/members';

function journalOf(...exchanges: ReturnType<typeof exchange>[]) {
  const journal = new Journal(100);
  for (const e of exchanges) journal.record(e);
  return journal.all();
}

describe('verify', () => {
  const entries = journalOf(
    exchange('POST', '/v2/images/a/members', 200, { project: 'p1', route: MEMBERS }),
    exchange('POST', '/v2/images/a/members', 409, { project: 'p1', route: MEMBERS }),
    exchange('GET', '/v2/images/a/members', 200, { project: 'p2', route: MEMBERS }),
  );

  test('holds by default when at least one request matches', () => {
    expect(verify({ method: 'POST', path: MEMBERS }, entries)).toEqual({ ok: true, count: 2 });
  });

  test('count, atLeast and atMost', () => {
    expect(verify({ method: 'POST', path: MEMBERS, count: 2 }, entries).ok).toBe(true);
    expect(verify({ method: 'POST', path: MEMBERS, count: 1 }, entries)).toMatchObject({ ok: false, count: 2 });
    expect(verify({ method: 'POST', path: MEMBERS, status: 409, atMost: 1 }, entries).ok).toBe(true);
    expect(verify({ method: 'DELETE', path: MEMBERS, atMost: 0 }, entries)).toEqual({ ok: true, count: 0 });
    expect(verify({ method: 'POST', path: MEMBERS, atLeast: 3 }, entries).ok).toBe(false);
  });

  test('a failure lists the closest requests and what they missed', () => {
    const result = verify({ method: 'PUT', path: MEMBERS, project: 'p2' }, entries);
    expect(result.ok).toBe(false);
    expect(result.nearMisses?.[0]).toMatchObject({ id: 3, method: 'GET', mismatched: ['method'] });
    expect(result.detail).toBe('expected at least 1 request(s) matching PUT /v2/images/{image_id}/members by project p2, saw 0');
  });

  test('an ordered list holds only in that order', () => {
    const post = { method: 'POST', path: MEMBERS, status: 200 };
    const get = { method: 'GET', path: MEMBERS };
    expect(verify([post, get], entries)).toEqual({ ok: true, count: 2 });
    expect(verify({ inOrder: [get, post] }, entries)).toMatchObject({ ok: false, count: 1, failedAt: 1 });
  });

  test.each([
    [{ path: MEMBERS }, '/method'],
    [{ method: 'GET' }, '/path'],
    [{ method: 'GET', path: MEMBERS, count: 1, atLeast: 1 }, '/count'],
    [{ method: 'GET', path: MEMBERS, count: -1 }, '/count'],
    [{ method: 'GET', path: MEMBERS, colour: 1 }, '/colour'],
    [[], '/'],
    [[{ method: 'GET', path: MEMBERS, count: 1 }], '/0/count'],
  ])('a bad pattern %p is a 400 naming %s', (pattern, field) => {
    try {
      verify(pattern, entries);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ControlProblem);
      expect((err as ControlProblem).field).toBe(field);
    }
  });
});
