import type { ConformanceCase } from '../types';

/** Member ids that go through webob's plain-text tag stripping in a 404 body. */
const STRIPPED_IDS: Array<[string, string]> = [
  ['comment', 'a<!--b-->c'],
  ['comment-open', 'a<!-- b'],
  ['comment-close', 'a-->b'],
  ['comment-around-tag', '<!--<i>-->x'],
  ['comment-three-dashes', 'a<!--->b'],
  ['tags', '<i>x<i>'],
  ['nested-angles', '<<a>>'],
  ['br', 'a<br>b'],
  ['br-attribute', 'a<Br x>b'],
  ['tag-over-newline', 'a<i\nb>c'],
  ['entities', 'a&amp;b&lt;c&gt;&#233;'],
  ['lone-angles', 'a<b>c>d'],
];

/** Hosts as clients send them; the absolute URLs Glance builds follow webob's host_url. */
const HOSTS: Array<[string, string, string, Record<string, string>, boolean?]> = [
  ['redirect-port-80', 'GET', '/v2', { Host: 'example.com:80' }],
  ['redirect-other-port', 'GET', '/v2', { Host: 'EXAMPLE.com:0080' }],
  ['redirect-empty-host', 'GET', '/v2', { Host: '' }],
  ['redirect-no-host', 'GET', '/v2', {}, true],
  ['versions-port-80', 'GET', '/versions', { Host: 'example.com:80' }],
  ['versions-no-host', 'GET', '/versions', {}, true],
  ['create-port-80', 'POST', '/v2/images', { Host: 'example.com:80' }],
  ['create-no-host', 'POST', '/v2/images', {}, true],
];

const manyHeaders = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`X-Many-${i}`, 'v']));

/** Glance's HTTP server limits (eventlet with max_header_line 16384, Python's http.server). */
const LIMITS: Array<[string, string, Record<string, string>]> = [
  ['url-16-kib', `/v2/${'x'.repeat(16 * 1024)}`, {}],
  ['header-line-16383', '/v2/schemas/member', { 'X-Big': 'v'.repeat(16383 - 'X-Big: \r\n'.length) }],
  ['header-line-16384', '/v2/schemas/member', { 'X-Big': 'v'.repeat(16384 - 'X-Big: \r\n'.length) }],
  ['header-value-100-kib', '/v2/schemas/member', { 'X-Big': 'v'.repeat(100 * 1024) }],
  ['headers-total-80-kib', '/v2/schemas/member', Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`X-Part-${i}`, 'v'.repeat(16000)]))],
  ['headers-1000', '/v2/schemas/member', manyHeaders(1000)],
  ['headers-200', '/v2/schemas/member', manyHeaders(200)],
];

/** The plain-text error bodies, the absolute URLs and the server's limits, at their edges. */
export function edgeCases(): ConformanceCase[] {
  const stripped: ConformanceCase[] = STRIPPED_IDS.map(([name, id]) => ({
    id: `plain-text/${name}`,
    group: 'plain-text bodies',
    fixtures: [{ visibility: 'shared' }],
    persona: 'owner',
    method: 'GET',
    path: `/v2/images/{image}/members/${encodeURIComponent(id)}`,
  }));
  const hosts: ConformanceCase[] = HOSTS.map(([name, method, path, headers, omitHost]) => ({
    id: `host/${name}`,
    group: 'absolute urls',
    persona: 'owner',
    method,
    path,
    headers,
    ...(method === 'POST' && { body: { json: { name: 'host' } } }),
    ...(omitHost && { omitHost }),
  }));
  const limits: ConformanceCase[] = LIMITS.map(([name, path, headers]) => ({
    id: `http-limits/${name}`,
    group: 'http limits',
    persona: 'owner',
    method: 'GET',
    path,
    headers,
  }));
  return [...stripped, ...hosts, ...limits];
}
