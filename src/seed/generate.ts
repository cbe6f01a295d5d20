import type { Faker } from '@faker-js/faker';
import type { Visibility } from '../domain/images';
import type { MemberStatus } from '../domain/members.types';
import type { SeedData, SeedImage, SeedMember, SeedProject, SeedRoleAssignment, SeedUser } from './seed-types';

export interface GenerateSeedOptions {
  /** Projects, each with one Keystone user (member and reader on it). */
  projects: number;
  images: number;
  /** Members of each shared image: distinct projects other than its owner (at most projects - 1). */
  members: number;
  /** The same seed gives the same document. Default 1. */
  seed?: number;
  /** Relative weights of the images' visibilities. Default: mostly shared, a few of each other. */
  visibilities?: Partial<Record<Visibility, number>>;
}

const DEFAULT_VISIBILITIES: Record<Visibility, number> = { shared: 85, private: 5, public: 5, community: 5 };
const STATUSES: Array<{ value: MemberStatus; weight: number }> = [
  { value: 'accepted', weight: 6 },
  { value: 'pending', weight: 3 },
  { value: 'rejected', weight: 1 },
];
const DISTROS: Array<[string, string[]]> = [
  ['ubuntu', ['20.04', '22.04', '24.04']],
  ['debian', ['11', '12']],
  ['centos-stream', ['8', '9']],
  ['rocky', ['8.9', '9.3']],
  ['fedora', ['38', '39', '40']],
  ['cirros', ['0.5.2', '0.6.1', '0.6.2']],
  ['opensuse-leap', ['15.5']],
  ['windows-server', ['2019', '2022']],
];
const ARCHES = ['x86_64', 'x86_64', 'x86_64', 'aarch64'];
const FLAVOURS = ['server-cloudimg', 'genericcloud', 'disk', 'minimal', 'cloud'];
const ROLES = ['member', 'reader'];
/** Timestamps fall in one fixed year, so that they depend on the seed only. */
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2025-01-01T00:00:00Z');

/**
 * A seed document of a plausible cloud, the same for the same options:
 * projects with OpenStack-style ids (32 hex digits) and one Keystone user each,
 * images with distribution names and properties, shared images with members
 * in every status. Valid against `seed.schema.json`.
 */
export function generateSeed(options: GenerateSeedOptions): SeedData {
  const { projects: projectCount, images: imageCount, members: memberCount } = checkOptions(options);
  const faker = fakerSeeded(options.seed ?? 1);

  const projects: SeedProject[] = [];
  const users: SeedUser[] = [];
  const assignments: SeedRoleAssignment[] = [];
  const ids = new Set<string>();
  const projectNames = new Set<string>();
  const userNames = new Set<string>();
  for (let i = 0; i < projectCount; i++) {
    let id: string;
    do id = faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
    while (ids.has(id));
    ids.add(id);
    const name = unique(projectNames, slug(`${faker.company.buzzAdjective()}-${faker.company.buzzNoun()}`));
    projects.push({ id, name, description: faker.company.catchPhrase() });
    const username = unique(userNames, slug(faker.internet.username()));
    users.push({ name: username, password: faker.internet.password({ length: 16 }), default_project: id });
    assignments.push({ user: username, project: id, roles: ROLES });
  }

  const weights = Object.entries(options.visibilities ?? DEFAULT_VISIBILITIES)
    .filter(([, weight]) => weight !== undefined && weight > 0)
    .map(([value, weight]) => ({ value: value as Visibility, weight: weight! }));
  const projectIds = projects.map((p) => p.id);
  const images: SeedImage[] = [];
  for (let i = 0; i < imageCount; i++) {
    const ownerIndex = faker.number.int({ min: 0, max: projectCount - 1 });
    const owner = projectIds[ownerIndex];
    const visibility = faker.helpers.weightedArrayElement(weights);
    const created = faker.number.int({ min: FROM, max: TO });
    const [distro, versions] = faker.helpers.arrayElement(DISTROS);
    const version = faker.helpers.arrayElement(versions);
    const arch = faker.helpers.arrayElement(ARCHES);
    const snapshot = faker.datatype.boolean(0.2);
    const name = snapshot
      ? `${faker.internet.domainWord()}-snapshot-${new Date(created).toISOString().slice(0, 10)}`
      : `${distro}-${version}-${faker.helpers.arrayElement(FLAVOURS)}-${arch}`;
    const image: SeedImage = {
      id: faker.string.uuid(),
      name,
      visibility,
      owner,
      created_at: iso(created),
      tags: faker.helpers.arrayElements(['golden', 'ci', 'gpu', 'hardened', 'legacy', 'base'], { min: 0, max: 2 }),
      properties: { os_distro: distro.split('-')[0], os_version: version, architecture: arch },
    };
    if (visibility === 'shared' && memberCount > 0) image.members = members(faker, projectIds, ownerIndex, memberCount, created);
    images.push(image);
  }
  return { projects, users, role_assignments: assignments, images };
}

/** `count` distinct projects other than the owner, from a random start with a random stride coprime to the rest. */
function members(faker: Faker, projectIds: string[], ownerIndex: number, count: number, after: number): SeedMember[] {
  const others = projectIds.length - 1;
  const start = faker.number.int({ min: 0, max: others - 1 });
  let stride = faker.number.int({ min: 1, max: others });
  while (gcd(stride, others) !== 1) stride++;
  const result: SeedMember[] = [];
  for (let j = 0; j < count; j++) {
    const k = (start + j * stride) % others;
    const member = projectIds[k >= ownerIndex ? k + 1 : k];
    const status = faker.helpers.weightedArrayElement(STATUSES);
    const createdAt = faker.number.int({ min: after, max: TO });
    const entry: SeedMember = { member, status, created_at: iso(createdAt) };
    if (status !== 'pending') entry.updated_at = iso(faker.number.int({ min: createdAt, max: TO }));
    result.push(entry);
  }
  return result;
}

function checkOptions(options: GenerateSeedOptions): GenerateSeedOptions {
  const count = (name: 'projects' | 'images' | 'members', min: number) => {
    const value = options[name];
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer of at least ${min}`);
  };
  count('projects', 1);
  count('images', 0);
  count('members', 0);
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) throw new RangeError('seed must be an integer');
  if (options.members > options.projects - 1) {
    throw new RangeError(`members must be at most projects - 1 (${options.projects - 1}): an image's members are other projects`);
  }
  return options;
}

/**
 * A Faker of its own (English), so that other users of faker's shared instance
 * neither disturb nor are disturbed by this sequence. Loaded on first use: the
 * mock does not pay for faker unless a seed is generated.
 */
function fakerSeeded(seed: number): Faker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { faker: english } = require('@faker-js/faker/locale/en') as { faker: Faker };
  const FakerClass = english.constructor as new (options: { locale: Faker['rawDefinitions']; seed: number }) => Faker;
  return new FakerClass({ locale: english.rawDefinitions, seed });
}

function unique(seen: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; seen.has(name); n++) name = `${base}-${n}`;
  seen.add(name);
  return name;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
