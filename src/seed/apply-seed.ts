import { propertyBag, type ImageRecord } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';
import { assertStorableMember } from '../domain/member-values';
import type { DbProfile } from '../domain/profiles';
import type { TokenRegistry } from '../identity/tokens';
import type { KeystoneDirectory } from '../keystone/directory';
import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { IdSource } from '../runtime/ids';
import type { GlanceStore } from '../store/store';
import { findByIdOrName, planIdentitySeed } from './apply-identity-seed';
import { SeedError, validateSeed } from './load-seed';
import type { SeedData, SeedImage } from './seed-types';

export interface SeedTarget {
  store: GlanceStore;
  tokens: TokenRegistry;
  db: DbProfile;
  clock: Clock;
  ids: IdSource;
  /** The built-in Keystone's users, projects and roles. */
  directory: KeystoneDirectory;
}

/**
 * Load seed data into an instance, bypassing the API's rules (a seed is state,
 * not a request) but not the database's: ids stay unique and member ids must
 * be storable. Checked in full before anything is stored.
 */
export function applySeed(target: SeedTarget, input: unknown): void {
  const seed = validateSeed(input);
  const images = (seed.images ?? []).map((image, i) => imageRecord(target, image, `/images/${i}`));
  const members = (seed.images ?? []).flatMap((image, i) => memberRecords(target, images[i], image, `/images/${i}`));
  const seen = new Set<string>();
  images.forEach((image, i) => {
    const key = target.db.collate(image.id);
    if (seen.has(key) || target.store.isImageIdTaken(image.id)) {
      throw new SeedError(`seed: /images/${i}/id "${image.id}" is already taken`);
    }
    seen.add(key);
  });
  const storeIdentities = planIdentitySeed(target.directory, seed);
  for (const image of images) target.store.putImage(image);
  for (const [key, member] of members) target.store.putMember(key, member);
  storeIdentities();
  registerTokens(target, seed);
}

function imageRecord(target: SeedTarget, image: SeedImage, path: string): ImageRecord {
  const now = glanceTimestamp(target.clock.now());
  return {
    id: image.id ?? target.ids.imageId(),
    name: image.name ?? null,
    visibility: image.visibility ?? 'shared',
    owner: image.owner === undefined ? null : image.owner,
    status: 'queued',
    protected: image.protected ?? false,
    os_hidden: image.os_hidden ?? false,
    min_ram: 0,
    min_disk: 0,
    disk_format: null,
    container_format: null,
    tags: image.tags ?? [],
    created_at: timestamp(image.created_at, now, `${path}/created_at`),
    updated_at: timestamp(image.updated_at ?? image.created_at, now, `${path}/updated_at`),
    extra: propertyBag(image.properties),
    deleted: false,
  };
}

function memberRecords(target: SeedTarget, image: ImageRecord, seed: SeedImage, path: string): Array<[string, MemberRecord]> {
  const now = glanceTimestamp(target.clock.now());
  const keys = new Set<string>();
  return (seed.members ?? []).map((member, j) => {
    const field = `${path}/members/${j}/member`;
    const key = target.db.memberKey(member.member);
    if (keys.has(key)) throw new SeedError(`seed: ${field} "${member.member}" is duplicated for this image`);
    keys.add(key);
    try {
      assertStorableMember(member.member, target.db);
    } catch (err) {
      throw new SeedError(`seed: ${field} cannot be stored by the ${target.db.name} profile: ${(err as Error).message}`);
    }
    const createdAt = timestamp(member.created_at, now, `${path}/members/${j}/created_at`);
    return [
      key,
      {
        imageId: image.id,
        memberId: member.member,
        status: member.status ?? 'pending',
        createdAt,
        updatedAt: timestamp(member.updated_at, createdAt, `${path}/members/${j}/updated_at`),
        deleted: false,
      },
    ];
  });
}

function registerTokens(target: SeedTarget, seed: SeedData): void {
  for (const token of seed.tokens ?? []) {
    target.tokens.register(token.token, {
      projectId: refOrItself(target.directory.listProjects(), token.project),
      userId: refOrItself(target.directory.listUsers(), token.user),
      roles: token.roles ?? ['member', 'reader'],
      ...(token.expires_at && { expiresAt: new Date(token.expires_at) }),
    });
  }
}

/** A token's project and user may be given by id or by name, or be ids the directory does not know. */
function refOrItself(entries: Array<{ id: string; name: string }>, ref: string | null | undefined): string | null {
  if (ref === undefined || ref === null) return null;
  return findByIdOrName(entries, ref)?.id ?? ref;
}

/** Already Glance's form (the schema has checked it is a real date-time): kept as it is. */
const GLANCE_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:[0-5]\dZ$/;

function timestamp(value: string | undefined, fallback: string, field: string): string {
  if (value === undefined) return fallback;
  if (GLANCE_FORM.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new SeedError(`seed: ${field} is not a date-time`);
  return glanceTimestamp(date);
}
