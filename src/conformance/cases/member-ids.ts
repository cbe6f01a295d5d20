import type { ConformanceCase } from '../types';

const long = (n: number) => 'p'.repeat(n);

/** Member ids at the edges: length, Unicode, spaces, slashes, and how the database compares them. */
export function memberIdCases(): ConformanceCase[] {
  const create = (name: string, member: string, existing: string[] = []): ConformanceCase => ({
    id: `member-ids/create/${name}`,
    group: 'member ids',
    fixtures: [{ visibility: 'shared', members: existing }],
    persona: 'owner',
    method: 'POST',
    path: '/v2/images/{image}/members',
    body: { json: { member } },
    headers: { Accept: 'application/json' },
  });
  const byPath = (
    name: string,
    method: string,
    stored: string,
    segment: string,
    persona: ConformanceCase['persona'] = 'owner',
  ): ConformanceCase => ({
    id: `member-ids/${method.toLowerCase()}/${name}`,
    group: 'member ids',
    fixtures: [{ visibility: 'shared', members: [stored] }],
    persona,
    method,
    path: `/v2/images/{image}/members/${segment}`,
    body: method === 'PUT' ? { json: { status: 'accepted' } } : undefined,
    headers: { Accept: 'application/json' },
  });
  return [
    create('255-characters', long(255)),
    create('256-characters', long(256)),
    create('1000-characters', long(1000)),
    create('latin-accent', 'projé'),
    create('cjk', '项目'),
    create('inner-spaces', 'a b c'),
    create('leading-space', ' lead'),
    create('only-spaces', '   '),
    create('tab', 'a\tb'),
    create('slash', 'a/b'),
    create('html', '<b>x</b>'),
    create('upper-after-lower', 'ABC', ['abc']),
    create('trailing-space-after-plain', 'abc ', ['abc']),
    create('leading-space-after-plain', ' abc', ['abc']),
    create('plain-after-accent', 'acce', ['accé']),
    create('ss-after-sharp-s', 'strase', ['straße']),
    byPath('other-case', 'GET', 'abc', 'ABC'),
    byPath('trailing-spaces', 'GET', 'abc', 'abc%20%20'),
    byPath('encoded-slash', 'GET', 'a/b', 'a%2Fb'),
    byPath('utf8-in-path', 'GET', 'projé', 'proj%C3%A9'),
    byPath('empty-segment', 'GET', 'x', '/x'),
    byPath('tab-encoded', 'GET', 'a\tb', 'a%09b'),
    byPath('percent-encoded', 'GET', 'a%b', 'a%25b'),
    byPath('other-case', 'DELETE', 'abc', 'ABC'),
    byPath('other-case', 'PUT', 'abc', 'ABC', 'admin'),
  ];
}
