import { send } from '../conformance/http-client';
import { imageKey } from './apply-seed';
import { SeedError, seedProblem, validateSeed } from './load-seed';
import type { SeedImage } from './seed-types';

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

/** How to act on a Glance: as a project (a member of it) or as a cloud admin. */
export interface GlanceActor {
  /** Headers that act as this project, or undefined when it cannot be acted as. */
  project(projectId: string): Record<string, string> | undefined;
  /** Headers that act as a cloud admin (images owned by no one or by a project not acted as, public images). */
  admin(): Record<string, string>;
}

/**
 * Trusted headers, as keystonemiddleware hands a request to Glance: any
 * project can be acted as (the mock, or a Glance without authtoken).
 */
export function trustedHeadersActor(options: { adminProject?: string; roles?: string; adminRoles?: string } = {}): GlanceActor {
  const { adminProject = 'admin', roles = 'member,reader', adminRoles = 'admin,member,reader' } = options;
  const headers = (project: string, roleList: string) => ({
    'X-Identity-Status': 'Confirmed',
    'X-Project-Id': project,
    'X-User-Id': `user-${project}`,
    'X-Roles': roleList,
  });
  return { project: (project) => headers(project, roles), admin: () => headers(adminProject, adminRoles) };
}

/** Tokens for a Glance behind Keystone: one scoped to each project that must act, and an admin's. */
export function tokenActor(tokens: { admin: string; projects: Record<string, string> }): GlanceActor {
  return {
    project: (project) => (Object.hasOwn(tokens.projects, project) ? { 'X-Auth-Token': tokens.projects[project] } : undefined),
    admin: () => ({ 'X-Auth-Token': tokens.admin }),
  };
}

export interface GlanceSeedOptions {
  /** Send the document's image ids; only for a Glance that never had them (a real Glance never reuses an id). */
  keepIds?: boolean;
}

export interface GlanceSeedApplied {
  /** Each image's name in the document (its `key`, else its `id`, else its index) → the id Glance gave it. */
  imageIds: Record<string, string>;
  images: Array<{ key: string; id: string }>;
}

/**
 * Apply a seed document's images to any Glance through its public API only:
 * each image is created with its owner, visibility, properties and tags, its
 * members added while it is shared (removed members added, then removed, so
 * their rows exist), statuses set by the members themselves, data uploaded,
 * then deactivated, moved to its visibility or deleted as asked. Glance sets
 * its own ids (unless `keepIds`), timestamps and checksums; Keystone's part of
 * a document (projects, users, tokens) is the actor's to provide.
 */
export async function applySeedToGlance(
  baseUrl: string,
  actor: GlanceActor,
  document: unknown,
  options: GlanceSeedOptions = {},
): Promise<GlanceSeedApplied> {
  const seed = validateSeed(document);
  const images = seed.images ?? [];
  images.forEach((image, i) => checkApplicable(actor, image, i));
  const applied: GlanceSeedApplied['images'] = [];
  for (const [i, image] of images.entries()) {
    applied.push({ key: imageKey(image, i), id: await createImage(baseUrl, actor, image, i, options) });
  }
  return { imageIds: Object.fromEntries(applied.map((image) => [image.key, image.id])), images: applied };
}

/** What a public API cannot do is refused before anything is created. */
function checkApplicable(actor: GlanceActor, image: SeedImage, i: number): void {
  const status = image.status ?? 'queued';
  const hasData = image.data !== undefined || image.data_base64 !== undefined;
  if (!['queued', 'active', 'deactivated'].includes(status)) {
    throw seedProblem(`images[${i}].status`, 'must be queued, active or deactivated for a Glance reached through its API');
  }
  if (status !== 'queued' && !hasData) throw seedProblem(`images[${i}].status`, `needs data to be ${status}`);
  for (const [j, member] of (image.members ?? []).entries()) {
    if (member.status !== undefined && !member.deleted && !actor.project(member.member)) {
      throw seedProblem(`images[${i}].members[${j}].status`, `cannot be set: project "${member.member}" cannot be acted as`);
    }
  }
}

async function createImage(baseUrl: string, actor: GlanceActor, image: SeedImage, i: number, options: GlanceSeedOptions): Promise<string> {
  const owner = image.owner ?? null;
  const ownerHeaders = owner === null ? undefined : actor.project(owner);
  const manager = ownerHeaders ?? actor.admin();
  const members = image.members ?? [];
  const visibility = image.visibility ?? 'shared';
  const data = image.data_base64 !== undefined ? Buffer.from(image.data_base64, 'base64') : image.data;
  const body: Record<string, unknown> = {
    ...(options.keepIds && image.id !== undefined && { id: image.id }),
    ...(image.name !== undefined && { name: image.name }),
    // Members can be added to a shared image only: it becomes private or community once they are.
    visibility: visibility !== 'public' && members.length === 0 ? visibility : 'shared',
    ...image.properties,
    ...(!ownerHeaders && { owner }),
  };
  const formats = data !== undefined ? { disk_format: 'raw', container_format: 'bare' } : {};
  for (const name of ['disk_format', 'container_format'] as const) {
    const value = image[name] ?? formats[name];
    if (value !== undefined) body[name] = value;
  }
  for (const name of ['min_ram', 'min_disk', 'tags', 'os_hidden', 'protected'] as const) {
    if (image[name] !== undefined) body[name] = image[name];
  }
  const call = glanceCall(baseUrl, `images[${i}]`);
  const id = (JSON.parse(await call(manager, 'POST', '/v2/images', body, 201)) as { id: string }).id;
  for (const { member } of members) await call(manager, 'POST', `/v2/images/${id}/members`, { member }, 200);
  for (const { member } of members.filter((m) => m.deleted))
    await call(manager, 'DELETE', `/v2/images/${id}/members/${member}`, undefined, 204);
  for (const { member, status } of members.filter((m) => m.status !== undefined && !m.deleted)) {
    await call(actor.project(member)!, 'PUT', `/v2/images/${id}/members/${member}`, { status }, 200);
  }
  if (data !== undefined) await call(manager, 'PUT', `/v2/images/${id}/file`, { raw: data }, 204);
  if (image.status === 'deactivated') await call(manager, 'POST', `/v2/images/${id}/actions/deactivate`, undefined, 204);
  if (visibility === 'public' || visibility !== body.visibility) {
    const who = visibility === 'public' ? actor.admin() : manager;
    await call(who, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: visibility }], 200);
  }
  if (image.deleted) await call(manager, 'DELETE', `/v2/images/${id}`, undefined, 204);
  return id;
}

/** One step of the applier: a status other than the expected one fails the document, naming the image. */
function glanceCall(baseUrl: string, field: string) {
  return async (who: Record<string, string>, method: string, path: string, payload: unknown, expected: number): Promise<string> => {
    const headers: Record<string, string> = { ...who, Accept: 'application/json' };
    let body: Parameters<typeof send>[4];
    if (payload && typeof payload === 'object' && 'raw' in payload) {
      headers['Content-Type'] = 'application/octet-stream';
      const raw = (payload as { raw: string | Buffer }).raw;
      body = { bytes: Buffer.from(raw).toString('latin1') };
    } else if (payload !== undefined) {
      headers['Content-Type'] = method === 'PATCH' ? PATCH_TYPE : 'application/json';
      body = { json: payload };
    }
    const res = await send(baseUrl, method, path, headers, body);
    if (res.status !== expected) {
      throw new SeedError(`seed: ${field}: ${method} ${path} answered ${res.status}, not ${expected}: ${res.body.slice(0, 200)}`, [
        { path: field, message: `${method} ${path} answered ${res.status}` },
      ]);
    }
    return res.body;
  };
}
