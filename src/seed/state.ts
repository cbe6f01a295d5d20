import { TokenRegistry } from '../identity/tokens';
import { KeystoneDirectory } from '../keystone/directory';
import { randomIds } from '../runtime/ids';
import { MemoryImageDataStore } from '../store/image-data-store';
import type { ImageDataStore } from '../domain/ports/image-data-store';
import { MemoryStore } from '../store/memory-store';
import { applySeed, type SeedApplied, type SeedTarget } from './apply-seed';
import type { SeedData, SeedImage, SeedMember, SeedToken } from './seed-types';

/** An instance's whole state, as a seed applies to it. */
export interface StateTarget extends SeedTarget {
  data: ImageDataStore;
}

/**
 * The whole state as a seed document: Keystone's resources, every token,
 * every image with all its attributes and data, its member rows (deleted rows
 * too, in row order: a re-added member takes back its place), the ids of
 * deleted images and where a seeded id source stands. Applied to a fresh
 * instance with the same options, it answers every request as this one would.
 */
export function exportState(target: StateTarget): SeedData {
  const { directory } = target;
  const roleNames = new Map(directory.listRoles().map((role) => [role.id, role.name]));
  const state: SeedData = {
    domains: directory.listDomains().map((d) => ({ id: d.id, name: d.name, description: d.description, enabled: d.enabled })),
    projects: directory
      .listProjects()
      .map((p) => ({ id: p.id, name: p.name, domain_id: p.domainId, description: p.description, enabled: p.enabled })),
    users: directory.listUsers().map((u) => ({
      id: u.id,
      name: u.name,
      password: u.password,
      domain_id: u.domainId,
      ...(u.defaultProjectId !== null && { default_project: u.defaultProjectId }),
      enabled: u.enabled,
    })),
    roles: directory.listRoles().map((r) => ({ id: r.id, name: r.name })),
    role_assignments: directory
      .listAssignments()
      .map((a) => ({ user: a.userId, project: a.projectId, roles: a.roleIds.flatMap((id) => roleNames.get(id) ?? []) }))
      .filter((a) => a.roles.length > 0),
    tokens: [...target.tokens.entries()].map(([token, identity]): SeedToken => ({
      token,
      project: identity.projectId,
      user: identity.userId,
      roles: identity.roles,
      ...(identity.expiresAt && { expires_at: identity.expiresAt.toISOString() }),
      ...(identity.issuedAt && { issued_at: identity.issuedAt.toISOString() }),
      ...(identity.methods && { methods: identity.methods }),
      ...(identity.auditIds && { audit_ids: identity.auditIds }),
    })),
    images: [...target.store.images()].map((image) => exportImage(target, image.id)),
    deleted_image_ids: [...target.store.deletedImageKeys()],
  };
  const position = target.ids.position?.();
  if (position) state.id_streams = position;
  return state;
}

function exportImage(target: StateTarget, id: string): SeedImage {
  const image = target.store.getImage(id)!;
  const exported: SeedImage = {
    id: image.id,
    name: image.name,
    visibility: image.visibility,
    owner: image.owner,
    status: image.status as SeedImage['status'],
    protected: image.protected,
    os_hidden: image.os_hidden,
    min_ram: image.min_ram,
    min_disk: image.min_disk,
    disk_format: image.disk_format,
    container_format: image.container_format,
    tags: [...image.tags],
    created_at: image.created_at,
    updated_at: image.updated_at,
    properties: { ...image.extra },
  };
  // Absent and null differ for these (absent: never uploaded to), so only the present ones are kept.
  for (const name of ['size', 'virtual_size', 'checksum', 'os_hash_algo', 'os_hash_value'] as const) {
    if (image[name] !== undefined) Object.assign(exported, { [name]: image[name] });
  }
  if (image.removedProperties?.length) exported.removed_properties = [...image.removedProperties];
  const bytes = target.data.get(image.id);
  if (bytes) exported.data_base64 = Buffer.concat([...bytes.slice()]).toString('base64');
  const members = target.store
    .memberRows(image.id)
    .map(({ key, member }): SeedMember =>
      member
        ? { member: member.memberId, status: member.status, created_at: member.createdAt, updated_at: member.updatedAt }
        : { member: key, deleted: true },
    );
  if (members.length > 0) exported.members = members;
  return exported;
}

/**
 * Replace the whole state with a document (as `exportState` gives): checked
 * in full on an empty instance first, so a bad document changes nothing.
 * The id streams start again from the document's position (or the start).
 */
export function replaceState(target: StateTarget, document: unknown): SeedApplied {
  applySeed(
    {
      store: new MemoryStore(target.db.collate),
      tokens: new TokenRegistry(),
      db: target.db,
      clock: target.clock,
      ids: randomIds(),
      directory: new KeystoneDirectory(),
      data: new MemoryImageDataStore(target.data.limit),
    },
    document,
  );
  target.store.clear();
  target.data.clear();
  target.tokens.clear();
  target.directory.clear();
  target.ids.rewind?.();
  return applySeed(target, document);
}
