import { applySeedToGlance, type GlanceActor } from '../seed/apply-to-glance';
import type { SeedImage, SeedMember } from '../seed/seed-types';
import type { Identities } from './identities';
import { send } from './http-client';
import type { ImageFixture, Persona } from './types';

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

export interface FixtureContext {
  baseUrl: string;
  identities: Identities;
  /** Unique per run and case: names and tags the case's images. */
  tag: string;
  /** Substitutes the case placeholders ({run}, {tag}, ...) in a text. */
  fill(text: string): string;
}

/** Create a case's images through the public API only (as a seed document); returns their ids in order. */
export async function createFixtures(ctx: FixtureContext, fixtures: ImageFixture[]): Promise<string[]> {
  const images = fixtures.map((fixture, index) => seedImage(ctx, fixture, index));
  const applied = await applySeedToGlance(ctx.baseUrl, personaActor(ctx.identities), { images });
  const ids = applied.images.map((image) => image.id);
  for (const [index, fixture] of fixtures.entries()) if (fixture.patch !== undefined) await patchFixture(ctx, ids[index], fixture.patch);
  return ids;
}

async function patchFixture(ctx: FixtureContext, id: string, patch: string): Promise<void> {
  const headers = { ...ctx.identities.headers('owner'), 'Content-Type': PATCH_TYPE };
  const res = await send(ctx.baseUrl, 'PATCH', `/v2/images/${id}`, headers, { raw: ctx.fill(patch) });
  if (res.status !== 200) throw new Error(`fixture patch of image ${id}: ${res.status} ${res.body}`);
}

/** A case's image in the seed language: owned by `owner` (or no one), members added while shared. */
export function seedImage(ctx: FixtureContext, fixture: ImageFixture, index: number): SeedImage {
  const { visibility } = fixture;
  const statuses = new Map(Object.entries(fixture.statuses ?? {}).map(([who, status]) => [ctx.identities.project(who as Persona), status]));
  return {
    name: ctx.fill(fixture.name ?? `{tag}-${index}`),
    visibility: visibility === 'no-owner' || visibility === 'deleted' ? 'shared' : visibility,
    owner: visibility === 'no-owner' ? null : ctx.identities.project('owner'),
    properties: {
      conformance_tag: ctx.tag,
      ...Object.fromEntries(Object.entries(fixture.properties ?? {}).map(([k, v]) => [k, ctx.fill(v)])),
    },
    ...((fixture.data !== undefined || fixture.formats) && { disk_format: 'raw', container_format: 'bare' }),
    ...(fixture.tags && { tags: fixture.tags.map(ctx.fill) }),
    ...(fixture.hidden && { os_hidden: true }),
    ...(fixture.data !== undefined && { data: fixture.data }),
    ...(fixture.deactivated && { status: 'deactivated' as const }),
    ...(visibility === 'deleted' && { deleted: true }),
    members: memberIds(ctx, fixture).map((member): SeedMember => {
      const status = statuses.get(member);
      return status === undefined ? { member } : { member, status };
    }),
  };
}

const DEFAULT_MEMBERS = ['member', 'member2'];
const PERSONAS: Persona[] = ['owner', 'member', 'member2', 'stranger', 'admin', 'noroles'];

function memberIds(ctx: FixtureContext, fixture: ImageFixture): string[] {
  const named = (fixture.members ?? DEFAULT_MEMBERS).map((m) =>
    PERSONAS.includes(m as Persona) ? ctx.identities.project(m as Persona) : ctx.fill(m),
  );
  const fill = Array.from({ length: fixture.fill ?? 0 }, (_, i) => `fill-${i}-${ctx.tag}`);
  return [...named, ...fill];
}

/** Acting as a project is acting as the persona that stands for it. */
function personaActor(identities: Identities): GlanceActor {
  return {
    project(projectId) {
      const persona = PERSONAS.find((p) => (identities.supports?.(p) ?? true) && identities.project(p) === projectId);
      return persona && identities.headers(persona);
    },
    admin: () => identities.headers('admin'),
  };
}
