import { Journal, journalEntry, journalFilter } from '../../src/control/journal';
import { ControlProblem } from '../../src/control/problem';
import { exchange } from './exchange';

describe('the request journal', () => {
  test('keeps at most its bound, dropping the oldest first', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 10; i++) journal.record(exchange('GET', `/v2/images/${i}`, 200));
    expect(journal.size).toBe(3);
    expect(journal.all().map((e) => e.path)).toEqual(['/v2/images/7', '/v2/images/8', '/v2/images/9']);
    expect(journal.all().map((e) => e.id)).toEqual([8, 9, 10]);
    expect(journal.droppedCount).toBe(7);
  });

  test('never grows past its bound under many records', () => {
    const journal = new Journal(50);
    for (let i = 0; i < 5000; i++) {
      journal.record(exchange('GET', '/v2/images', 200));
      expect(journal.size).toBeLessThanOrEqual(50);
    }
  });

  test('shrinking keeps the newest entries', () => {
    const journal = new Journal(10);
    for (let i = 0; i < 10; i++) journal.record(exchange('GET', `/p/${i}`, 200));
    journal.resize(2);
    expect(journal.all().map((e) => e.path)).toEqual(['/p/8', '/p/9']);
    journal.record(exchange('GET', '/p/10', 200));
    expect(journal.all().map((e) => e.path)).toEqual(['/p/9', '/p/10']);
  });

  test('filters by method, template, regex, status class, project, since and limit', () => {
    const journal = new Journal(100);
    journal.record(exchange('POST', '/v2/images/a/members', 200, { project: 'p1', route: '/v2/images/{image_id}/members' }));
    journal.record(exchange('GET', '/v2/images/a/members', 200, { project: 'p2', route: '/v2/images/{image_id}/members' }));
    journal.record(exchange('POST', '/v2/images/b/members', 409, { project: 'p1', route: '/v2/images/{image_id}/members' }));
    journal.record(exchange('GET', '/v2/images', 200, { project: 'p1' }));
    const paths = (filter: object) => journal.find(journalFilter(filter)).map((e) => e.id);
    expect(paths({ method: 'post' })).toEqual([1, 3]);
    expect(paths({ path: '/v2/images/{id}/members' })).toEqual([1, 2, 3]);
    expect(paths({ path: '^/v2/images/b' })).toEqual([3]);
    expect(paths({ status: '4xx' })).toEqual([3]);
    expect(paths({ status: '200', project: 'p1' })).toEqual([1, 4]);
    expect(paths({ since: 2 })).toEqual([3, 4]);
    expect(paths({ since: '2029-12-31T00:00:00Z' })).toEqual([1, 2, 3, 4]);
    expect(paths({ limit: '2' })).toEqual([3, 4]);
  });

  test.each([
    [{ colour: 'red' }, 'colour'],
    [{ status: 'teapot' }, 'status'],
    [{ limit: '0' }, 'limit'],
    [{ since: 'yesterday' }, 'since'],
    [{ path: '^(' }, 'path'],
    [{ method: 'GET /' }, 'method'],
  ])('a bad filter %p is a 400 naming %s', (filter, field) => {
    const attempt = () => journalFilter(filter);
    expect(attempt).toThrow(ControlProblem);
    try {
      attempt();
    } catch (err) {
      expect((err as ControlProblem).status).toBe(400);
      expect((err as ControlProblem).field?.replace(/^\//, '')).toBe(field);
    }
  });

  test('masks tokens and passwords', () => {
    const journal = new Journal(5);
    const body =
      '{"auth": {"identity": {"methods": ["password", "token"], "password": {"user": {"name": "admin", "password": "secret"}}, "token": {"id": "tok"}}}}';
    const recorded = journal.record(
      exchange('POST', '/identity/v3/auth/tokens', 201, {
        headers: { 'x-auth-token': 'admin-token', authorization: 'Bearer x', 'x-subject-token': 's', accept: 'application/json' },
        body,
      }),
    );
    // The password is masked when recorded: what the journal holds never has it.
    expect(recorded.body.text).not.toContain('secret');
    const entry = journalEntry(recorded);
    expect(entry.headers).toEqual({ 'x-auth-token': '***', authorization: '***', 'x-subject-token': '***', accept: 'application/json' });
    expect(entry.body).not.toContain('secret');
    expect(entry.body).not.toContain('tok"');
    expect(JSON.parse(entry.body ?? '')).toEqual({
      auth: { identity: { methods: ['password', 'token'], password: { user: { name: 'admin', password: '***' } }, token: { id: '***' } } },
    });
  });
});
