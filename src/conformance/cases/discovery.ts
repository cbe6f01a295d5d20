import type { ConformanceCase, Persona } from '../types';

/** Version discovery, schemas, redirects and the methods Glance answers without routing. */
export function discoveryCases(): ConformanceCase[] {
  const calls: Array<[string, Persona, string, string]> = [
    ['root', 'none', 'GET', '/'],
    ['versions', 'none', 'GET', '/versions'],
    ['unknown-top-level', 'none', 'GET', '/v3/images'],
    ['unlisted-version', 'owner', 'GET', '/v2.10/images?conformance_tag={tag}'],
    ['listed-version', 'owner', 'GET', '/v2.1/images?conformance_tag={tag}'],
    ['v2-redirect', 'owner', 'GET', '/v2'],
    ['v2-slash', 'owner', 'GET', '/v2/'],
    ['v2-without-identity', 'none', 'GET', '/v2'],
    ['schema-member', 'owner', 'GET', '/v2/schemas/member'],
    ['schema-members', 'owner', 'GET', '/v2/schemas/members'],
    ['schema-image', 'owner', 'GET', '/v2/schemas/image'],
    ['schema-images', 'owner', 'GET', '/v2/schemas/images'],
    ['schema-without-identity', 'none', 'GET', '/v2/schemas/member'],
    ['schema-unknown', 'owner', 'GET', '/v2/schemas/bogus'],
    ['healthcheck', 'none', 'GET', '/healthcheck'],
    ['options', 'none', 'OPTIONS', '/v2/images'],
    ['head-on-route', 'owner', 'HEAD', '/v2/images'],
    ['trailing-slash', 'owner', 'GET', '/v2/images/'],
  ];
  return calls.map(([name, persona, method, path]) => ({
    id: `discovery/${name}`,
    group: 'discovery',
    persona,
    method,
    path,
  }));
}
