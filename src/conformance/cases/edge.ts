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

/** The plain-text error bodies and the absolute URLs, at their edges. */
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
  return [...stripped, ...hosts];
}
