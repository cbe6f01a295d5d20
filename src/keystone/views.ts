import type { TokenIdentity } from '../identity/tokens';
import { TOKEN_LIFETIME_MS } from './auth';
import { DEFAULT_DOMAIN, stableId, type Domain, type KeystoneDirectory, type Project } from './directory';

/**
 * Keystone's response documents, keys in Keystone's order. `origin` is
 * `http://host:port` of the request; Keystone lives under `/identity` and
 * Glance under `/image`, as on a devstack cloud.
 */

const VERSION = {
  id: 'v3.14',
  status: 'stable',
  updated: '2020-04-07T00:00:00Z',
};
const MEDIA_TYPES = [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }];

export const identityUrl = (origin: string) => `${origin}/identity`;

export function versionView(origin: string) {
  return { ...VERSION, links: [{ rel: 'self', href: `${identityUrl(origin)}/v3/` }], 'media-types': MEDIA_TYPES };
}

/** Keystone's timestamps: microseconds, always zero for Fernet tokens. */
export const keystoneTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '.000000Z');

const SERVICES = [
  { type: 'identity', name: 'keystone', path: '/identity' },
  { type: 'image', name: 'glance', path: '/image' },
];
const INTERFACES = ['public', 'internal', 'admin'];
export const REGION = 'RegionOne';

/** The service catalog: Keystone and Glance, every interface pointing back at the server that was asked. */
export function catalogView(origin: string) {
  return SERVICES.map((service) => ({
    endpoints: INTERFACES.map((iface) => ({
      id: stableId('endpoint', `${service.type}:${iface}`),
      interface: iface,
      region_id: REGION,
      url: `${origin}${service.path}`,
      region: REGION,
    })),
    id: stableId('service', service.type),
    type: service.type,
    name: service.name,
  }));
}

function domainRef(directory: KeystoneDirectory, id: string) {
  const domain = directory.domain(id);
  return { id, name: domain?.name ?? id };
}

/**
 * A token body. Seed tokens may name a user the directory does not know (shown
 * in the default domain) and never expire (shown as expiring in an hour).
 */
export function tokenView(identity: TokenIdentity, directory: KeystoneDirectory, origin: string, now: Date, withCatalog = true) {
  const user = identity.userId === null ? undefined : directory.user(identity.userId);
  const issuedAt = identity.issuedAt ?? now;
  const project = identity.projectId === null ? undefined : directory.project(identity.projectId);
  return {
    token: {
      methods: identity.methods ?? ['token'],
      user: {
        domain: domainRef(directory, user?.domainId ?? DEFAULT_DOMAIN.id),
        id: identity.userId,
        name: user?.name ?? identity.userId,
        password_expires_at: null,
      },
      audit_ids: identity.auditIds ?? [stableId('audit', identity.userId ?? '').slice(0, 22)],
      expires_at: keystoneTime(identity.expiresAt ?? new Date(now.getTime() + TOKEN_LIFETIME_MS)),
      issued_at: keystoneTime(issuedAt),
      ...(identity.projectId !== null && {
        project: {
          domain: domainRef(directory, project?.domainId ?? DEFAULT_DOMAIN.id),
          id: identity.projectId,
          name: project?.name ?? identity.projectId,
        },
        is_domain: false,
        roles: identity.roles.map((name) => directory.roleNamed(name)),
        ...(withCatalog && { catalog: catalogView(origin) }),
      }),
    },
  };
}

export function projectView(project: Project, origin: string) {
  return {
    id: project.id,
    name: project.name,
    domain_id: project.domainId,
    description: project.description,
    enabled: project.enabled,
    parent_id: project.domainId,
    is_domain: false,
    tags: [],
    options: {},
    links: { self: `${identityUrl(origin)}/v3/projects/${project.id}` },
  };
}

export function domainView(domain: Domain, origin: string) {
  return {
    id: domain.id,
    name: domain.name,
    description: domain.description,
    enabled: domain.enabled,
    tags: [],
    options: {},
    links: { self: `${identityUrl(origin)}/v3/domains/${domain.id}` },
  };
}

/** A collection with Keystone's `links`: `self` is the URL asked, query included. */
export function collectionView<T>(key: string, items: T[], selfUrl: string) {
  return { [key]: items, links: { next: null, self: selfUrl, previous: null } };
}
