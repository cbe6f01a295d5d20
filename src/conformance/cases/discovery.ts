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
    // v2.16 and v2.14 exist only with an image cache; v2.15 always.
    ['version-2.16', 'owner', 'GET', '/v2.16/images?conformance_tag={tag}'],
    ['version-2.15', 'owner', 'GET', '/v2.15/images?conformance_tag={tag}'],
    ['version-2.14', 'owner', 'GET', '/v2.14/images?conformance_tag={tag}'],
  ];
  const byAccept: Array<[string, string, string]> = [
    ['v2', '/images?conformance_tag={tag}', 'v2'],
    ['v2.16', '/images?conformance_tag={tag}', 'v2.16'],
    ['v2.15', '/images?conformance_tag={tag}', 'v2.15'],
    ['unknown', '/images?conformance_tag={tag}', 'v2.10'],
    ['with-json-suffix', '/images?conformance_tag={tag}', 'v2+json'],
    ['and-v2-path', '/v2/images?conformance_tag={tag}', 'v2'],
    ['root', '/', 'v2'],
    ['versions', '/versions', 'v2'],
  ];
  return [
    ...calls.map(([name, persona, method, path]): ConformanceCase => ({
      id: `discovery/${name}`,
      group: 'discovery',
      persona,
      method,
      path,
    })),
    ...byAccept.map(([name, path, version]): ConformanceCase => ({
      id: `discovery/accept-version/${name}`,
      group: 'discovery',
      persona: 'owner',
      method: 'GET',
      path,
      headers: { Accept: `application/vnd.openstack.images-${version}` },
    })),
  ];
}
