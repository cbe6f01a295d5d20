/**
 * Two namespaces under parallel load (bounded) over real HTTP, each with a
 * fault rule of its own: each namespace's journal holds its own requests only,
 * its fault rule fires in it and never in the other, and /_mock/verify counts
 * its own requests.
 */
import { startGlanceMock, type RunningGlanceMock } from '../src';
import { bounded } from './helpers/bounded';
import { identity } from './helpers/personas';

const ROUNDS_PER_NAMESPACE = 25;
const IN_FLIGHT = 8;
const NAMESPACES = ['a', 'b'] as const;
type Namespace = (typeof NAMESPACES)[number];

/** a's rule breaks showing an image, b's rule breaks the image list: each answer says whose rule it was. */
const RULES: Record<
  Namespace,
  { method: string; path: string; response: { status: number; headers: Record<string, string>; body: string } }
> = {
  a: { method: 'GET', path: '/v2/images/{image_id}', response: { status: 503, headers: { 'X-Fault-Of': 'a' }, body: 'fault of a' } },
  b: { method: 'GET', path: '/v2/images', response: { status: 502, headers: { 'X-Fault-Of': 'b' }, body: 'fault of b' } },
};

interface JournalEntry {
  namespace: string;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string | null;
  faultRules?: string[];
}

describe('the control plane of two namespaces under parallel load', () => {
  let glance: RunningGlanceMock;
  const control = (ns: Namespace | '', path: string, body?: unknown) =>
    fetch(`${glance.url}${ns ? `/_ns/${ns}` : ''}/_mock${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    glance = await startGlanceMock();
    for (const ns of NAMESPACES) expect((await control(ns, '/faults', RULES[ns])).status).toBe(201);
  });
  afterAll(() => glance.close());

  it("when both namespaces create, show and list images at once, then each journal, fault rule and verify count is that namespace's alone", async () => {
    // Each caller says in a header which namespace it meant: a journal entry carrying the other's came from the other.
    const headersOf = (ns: Namespace) => ({ ...identity(`project-${ns}`), 'X-Caller-Of': ns });
    const round = (ns: Namespace, i: number) => async () => {
      const base = `${glance.url}/_ns/${ns}`;
      const created = await fetch(`${base}/v2/images`, {
        method: 'POST',
        headers: { ...headersOf(ns), 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `${ns}-${i}` }),
      });
      const { id } = (await created.json()) as { id: string };
      const shown = await fetch(`${base}/v2/images/${id}`, { headers: headersOf(ns) });
      const listed = await fetch(`${base}/v2/images`, { headers: headersOf(ns) });
      const faultOf = (res: Response) => res.headers.get('x-fault-of');
      await Promise.all([shown.text(), listed.text()]);
      return { ns, created: created.status, shown: [shown.status, faultOf(shown)], listed: [listed.status, faultOf(listed)] };
    };
    const tasks = Array.from({ length: ROUNDS_PER_NAMESPACE }, (_, i) => NAMESPACES.map((ns) => round(ns, i))).flat();
    const done = await bounded(tasks, IN_FLIGHT);

    // Each namespace's rule answered in it, every time, and never in the other.
    for (const result of done) {
      expect(result.created).toBe(201);
      expect(result.shown).toEqual(result.ns === 'a' ? [503, 'a'] : [200, null]);
      expect(result.listed).toEqual(result.ns === 'b' ? [502, 'b'] : [200, null]);
    }
    for (const ns of NAMESPACES) {
      const { faults } = (await (await control(ns, '/faults')).json()) as { faults: Array<{ path: string; hits: number }> };
      expect(faults.map((rule) => [rule.path, rule.hits])).toEqual([[RULES[ns].path, ROUNDS_PER_NAMESPACE]]);
    }

    // Each journal holds its namespace's requests, all of them, and nothing else.
    for (const ns of NAMESPACES) {
      const journal = (await (await control(ns, '/requests')).json()) as { requests: JournalEntry[] };
      expect(journal.requests).toHaveLength(3 * ROUNDS_PER_NAMESPACE);
      const foreign = journal.requests.filter(
        (entry) =>
          entry.namespace !== ns || entry.headers['x-caller-of'] !== ns || (entry.body !== null && !entry.body.includes(`"${ns}-`)),
      );
      expect(foreign).toEqual([]);
      const faulted = journal.requests.filter((entry) => entry.faultRules !== undefined);
      expect(faulted.map((entry) => [entry.method, entry.status])).toEqual(
        Array(ROUNDS_PER_NAMESPACE).fill(['GET', RULES[ns].response.status]),
      );
    }
    const defaultJournal = (await (await control('', '/requests')).json()) as { requests: JournalEntry[] };
    expect(defaultJournal.requests).toEqual([]);

    // Verify counts what its own namespace answered.
    const verify = async (ns: Namespace | '', pattern: Record<string, unknown>) => {
      const res = await control(ns, '/verify', pattern);
      return [res.status, ((await res.json()) as { count: number }).count];
    };
    const n = ROUNDS_PER_NAMESPACE;
    expect(await verify('a', { method: 'POST', path: '/v2/images', status: 201, count: n })).toEqual([200, n]);
    expect(await verify('b', { method: 'POST', path: '/v2/images', status: 201, count: n })).toEqual([200, n]);
    expect(await verify('a', { method: 'GET', path: '/v2/images/{image_id}', status: 503, count: n })).toEqual([200, n]);
    expect(await verify('b', { method: 'GET', path: '/v2/images/{image_id}', status: 503, count: 0 })).toEqual([200, 0]);
    expect(await verify('b', { method: 'GET', path: '/v2/images', status: 502, count: n })).toEqual([200, n]);
    expect(await verify('a', { method: 'GET', path: '/v2/images', status: 502, count: 0 })).toEqual([200, 0]);
    expect(await verify('', { method: 'POST', path: '/v2/images', count: 0 })).toEqual([200, 0]);
    expect(await verify('a', { method: 'POST', path: '/v2/images', count: 2 * n })).toEqual([422, n]);
  });
});
