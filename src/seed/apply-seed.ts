import { createHash } from 'node:crypto';
import { propertyBag, type ImageRecord, type Visibility } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';
import { assertStorableMember } from '../domain/member-values';
import type { DbProfile } from '../domain/profiles';
import { VirtualSizeInspector } from '../domain/virtual-size';
import type { TokenRegistry } from '../identity/tokens';
import type { KeystoneDirectory } from '../keystone/directory';
import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { IdSource } from '../runtime/ids';
import type { ImageBytes, ImageDataStore } from '../domain/ports/image-data-store';
import type { GlanceStore } from '../domain/ports/image-store';
import { BlockBytes } from '../store/image-data-store';
import type { MemberRowState } from '../store/memory-store';
import { findByIdOrName, planIdentitySeed, type IdentityPlan } from './apply-identity-seed';
import { seedProblem, validateSeed } from './load-seed';
import type { SeedData, SeedImage } from './seed-types';

/** What a seed needs of the store beyond the domain's port: deleted ids and member rows as rows. */
export interface SeedStore extends GlanceStore {
  takeImageId(imageId: string): void;
  deletedImageKeys(): Iterable<string>;
  memberRows(imageId: string): MemberRowState[];
  restoreMemberRows(imageId: string, rows: MemberRowState[]): void;
}

export interface SeedTarget {
  store: SeedStore;
  tokens: TokenRegistry;
  db: DbProfile;
  clock: Clock;
  ids: IdSource;
  /** The built-in Keystone's users, projects and roles. */
  directory: KeystoneDirectory;
  /** Where image data is kept; without it a seed with data is refused. */
  data?: ImageDataStore;
}

/** What a seed created, for the caller to use the generated ids. */
export interface SeedApplied {
  /** Each image's name in the document (its `key`, else its `id`, else its index) → the id it has. */
  imageIds: Record<string, string>;
  images: Array<{ key: string; id: string; name: string | null; owner: string | null; visibility: Visibility; deleted: boolean }>;
  projects: string[];
  users: Array<{ id: string; name: string }>;
  tokens: string[];
}

/** An image planned in full except its id, which is drawn only once nothing can fail any more. */
interface PlannedImage {
  key: string;
  givenId: string | undefined;
  record: Omit<ImageRecord, 'id'>;
  bytes: ImageBytes | undefined;
  members: Array<{ key: string; memberId: string; status: MemberRecord['status']; createdAt: string; updatedAt: string; deleted: boolean }>;
  deleted: boolean;
}

/** The name an image of a document goes by in the appliers' results. */
export const imageKey = (image: SeedImage, index: number): string => image.key ?? image.id ?? String(index);

/**
 * Load seed data into an instance, bypassing the API's rules (a seed is state,
 * not a request) but not the database's: ids stay unique and member ids must
 * be storable. All or nothing: everything is checked before anything is
 * stored, and no id is drawn from the id source for a document refused.
 */
export function applySeed(target: SeedTarget, input: unknown): SeedApplied {
  const seed = validateSeed(input);
  const planned = (seed.images ?? []).map((image, i) => planImage(target, image, i));
  checkImageIds(target, seed, planned);
  checkDataRoom(target, planned);
  const identities = planIdentitySeed(target.directory, seed);
  const tokens = planTokens(seed, identities);

  // Nothing below throws.
  if (seed.id_streams) target.ids.seek?.(seed.id_streams);
  const images = planned.map((plan) => storeImage(target, plan));
  for (const id of seed.deleted_image_ids ?? []) target.store.takeImageId(id);
  identities.commit();
  for (const [token, identity] of tokens) target.tokens.register(token, identity);
  return {
    imageIds: Object.fromEntries(images.map((image) => [image.key, image.id])),
    images,
    projects: identities.projects.map((p) => p.id),
    users: identities.users.map((u) => ({ id: u.id, name: u.name })),
    tokens: tokens.map(([token]) => token),
  };
}

function planImage(target: SeedTarget, image: SeedImage, i: number): PlannedImage {
  const path = `images[${i}]`;
  const now = glanceTimestamp(target.clock.now());
  if (image.data !== undefined && image.data_base64 !== undefined) {
    throw seedProblem(`${path}.data_base64`, 'cannot be given with data');
  }
  const raw =
    image.data_base64 !== undefined
      ? Buffer.from(image.data_base64, 'base64')
      : image.data !== undefined
        ? Buffer.from(image.data)
        : undefined;
  const createdAt = timestamp(image.created_at, now, `${path}.created_at`);
  const record: Omit<ImageRecord, 'id'> = {
    name: image.name ?? null,
    visibility: image.visibility ?? 'shared',
    owner: image.owner === undefined ? null : image.owner,
    status: image.status ?? (raw ? 'active' : 'queued'),
    protected: image.protected ?? false,
    os_hidden: image.os_hidden ?? false,
    min_ram: image.min_ram ?? 0,
    min_disk: image.min_disk ?? 0,
    disk_format: image.disk_format ?? null,
    container_format: image.container_format ?? null,
    tags: image.tags ?? [],
    created_at: createdAt,
    updated_at: timestamp(image.updated_at, createdAt, `${path}.updated_at`),
    extra: propertyBag(image.properties),
    deleted: false,
    ...(image.removed_properties && { removedProperties: image.removed_properties }),
    ...dataFields(image, raw),
  };
  const members = planMembers(target, image, path, now);
  let bytes: ImageBytes | undefined;
  if (raw && !image.deleted) {
    bytes = new BlockBytes();
    bytes.append(raw);
    bytes.seal();
  }
  return { key: imageKey(image, i), givenId: image.id, record, bytes, members, deleted: image.deleted ?? false };
}

/** Size, checksums and virtual size as given, or else as an upload of the data would have set them. */
function dataFields(image: SeedImage, raw: Buffer | undefined): Partial<ImageRecord> {
  const fields: Partial<ImageRecord> = {};
  const names = ['size', 'virtual_size', 'checksum', 'os_hash_algo', 'os_hash_value'] as const;
  for (const name of names) if (image[name] !== undefined) Object.assign(fields, { [name]: image[name] });
  if (!raw) return fields;
  const inspector = VirtualSizeInspector.applies({ virtual_size: image.virtual_size, container_format: image.container_format ?? null })
    ? new VirtualSizeInspector(image.disk_format ?? null)
    : undefined;
  inspector?.eat(raw);
  return {
    size: raw.length,
    virtual_size: inspector?.virtualSize() ?? null,
    checksum: createHash('md5').update(raw).digest('hex'),
    os_hash_algo: 'sha512',
    os_hash_value: createHash('sha512').update(raw).digest('hex'),
    ...fields,
  };
}

function planMembers(target: SeedTarget, image: SeedImage, path: string, now: string): PlannedImage['members'] {
  const keys = new Set<string>();
  return (image.members ?? []).map((member, j) => {
    const field = `${path}.members[${j}]`;
    const key = target.db.memberKey(member.member);
    if (keys.has(key)) throw seedProblem(`${field}.member`, `"${member.member}" is duplicated for this image`);
    keys.add(key);
    try {
      assertStorableMember(member.member, target.db);
    } catch (err) {
      throw seedProblem(`${field}.member`, `cannot be stored by the ${target.db.name} profile: ${(err as Error).message}`);
    }
    const createdAt = timestamp(member.created_at, now, `${field}.created_at`);
    return {
      key,
      memberId: member.member,
      status: member.status ?? 'pending',
      createdAt,
      updatedAt: timestamp(member.updated_at, createdAt, `${field}.updated_at`),
      deleted: member.deleted ?? false,
    };
  });
}

function checkImageIds(target: SeedTarget, seed: SeedData, planned: PlannedImage[]): void {
  const seen = new Set<string>();
  const take = (id: string, field: string) => {
    const key = target.db.collate(id);
    if (seen.has(key) || target.store.isImageIdTaken(id)) throw seedProblem(field, `"${id}" is already taken`);
    seen.add(key);
  };
  planned.forEach((plan, i) => plan.givenId !== undefined && take(plan.givenId, `images[${i}].id`));
  (seed.deleted_image_ids ?? []).forEach((id, i) => take(id, `deleted_image_ids[${i}]`));
}

function checkDataRoom(target: SeedTarget, planned: PlannedImage[]): void {
  const bytes = planned.reduce((sum, plan) => sum + (plan.bytes?.length ?? 0), 0);
  if (bytes === 0) return;
  const index = planned.findIndex((plan) => plan.bytes);
  if (!target.data) throw seedProblem(`images[${index}].data`, 'cannot be kept: this target has no image data store');
  if (target.data.used + bytes > target.data.limit) {
    throw seedProblem(
      `images[${index}].data`,
      `needs ${bytes} bytes, more than the ${target.data.limit - target.data.used} left of the data memory limit`,
    );
  }
}

function storeImage(target: SeedTarget, plan: PlannedImage): SeedApplied['images'][number] {
  const id = plan.givenId ?? target.ids.imageId();
  const summary = {
    key: plan.key,
    id,
    name: plan.record.name,
    owner: plan.record.owner,
    visibility: plan.record.visibility,
    deleted: plan.deleted,
  };
  if (plan.deleted) {
    target.store.takeImageId(id);
    return summary;
  }
  target.store.putImage({ id, ...plan.record });
  if (plan.bytes && target.data) {
    target.data.reserve(plan.bytes.length);
    target.data.put(id, plan.bytes);
  }
  target.store.restoreMemberRows(
    id,
    plan.members.map(({ key, deleted, ...member }) =>
      deleted
        ? { key }
        : {
            key,
            member: {
              imageId: id,
              memberId: member.memberId,
              status: member.status,
              createdAt: member.createdAt,
              updatedAt: member.updatedAt,
              deleted: false,
            },
          },
    ),
  );
  return summary;
}

function planTokens(seed: SeedData, { allProjects: projects, allUsers: users }: IdentityPlan) {
  return (seed.tokens ?? []).map((token, i) => {
    const date = (value: string | undefined, field: string) =>
      value === undefined ? undefined : new Date(checkedDate(value, `tokens[${i}].${field}`));
    const expiresAt = date(token.expires_at, 'expires_at');
    const issuedAt = date(token.issued_at, 'issued_at');
    return [
      token.token,
      {
        projectId: refOrItself(projects, token.project),
        userId: refOrItself(users, token.user),
        roles: token.roles ?? ['member', 'reader'],
        ...(expiresAt && { expiresAt }),
        ...(issuedAt && { issuedAt }),
        ...(token.methods && { methods: token.methods }),
        ...(token.audit_ids && { auditIds: token.audit_ids }),
      },
    ] as const;
  });
}

/** A token's project and user may be given by id or by name, or be ids the directory does not know. */
function refOrItself(entries: Array<{ id: string; name: string }>, ref: string | null | undefined): string | null {
  if (ref === undefined || ref === null) return null;
  return findByIdOrName(entries, ref)?.id ?? ref;
}

function checkedDate(value: string, field: string): string {
  if (Number.isNaN(new Date(value).getTime())) throw seedProblem(field, 'is not a date-time');
  return value;
}

/** Already Glance's form (the schema has checked it is a real date-time): kept as it is. */
const GLANCE_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:[0-5]\dZ$/;

function timestamp(value: string | undefined, fallback: string, field: string): string {
  if (value === undefined) return fallback;
  if (GLANCE_FORM.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw seedProblem(field, 'is not a date-time');
  return glanceTimestamp(date);
}
