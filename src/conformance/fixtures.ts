import { send } from './http-client';
import type { Identities } from './identities';
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

/** Create a case's images through the public API only; returns their ids in order. */
export async function createFixtures(ctx: FixtureContext, fixtures: ImageFixture[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, fixture] of fixtures.entries()) ids.push(await createImage(ctx, fixture, index));
  return ids;
}

async function createImage(ctx: FixtureContext, fixture: ImageFixture, index: number): Promise<string> {
  const { visibility } = fixture;
  const creator: Persona = visibility === 'no-owner' ? 'admin' : 'owner';
  const manager: Persona = creator;
  const body: Record<string, unknown> = {
    name: ctx.fill(fixture.name ?? `{tag}-${index}`),
    visibility: ['shared', 'private', 'community'].includes(visibility) && !needsMembers(fixture) ? visibility : 'shared',
    conformance_tag: ctx.tag,
    ...Object.fromEntries(Object.entries(fixture.properties ?? {}).map(([k, v]) => [k, ctx.fill(v)])),
  };
  if (visibility === 'no-owner') body.owner = null;
  if (fixture.data !== undefined || fixture.formats) Object.assign(body, { disk_format: 'raw', container_format: 'bare' });
  if (fixture.tags) body.tags = fixture.tags.map(ctx.fill);
  if (fixture.hidden) body.os_hidden = true;
  const created = await call(ctx, creator, 'POST', '/v2/images', body, 201);
  const id = (JSON.parse(created) as { id: string }).id;
  for (const member of memberIds(ctx, fixture)) {
    await call(ctx, manager, 'POST', `/v2/images/${id}/members`, { member }, 200);
  }
  for (const [who, status] of Object.entries(fixture.statuses ?? {})) {
    const persona = who as Persona;
    await call(ctx, persona, 'PUT', `/v2/images/${id}/members/${ctx.identities.project(persona)}`, { status }, 200);
  }
  if (fixture.data !== undefined) await upload(ctx, id, fixture.data);
  if (fixture.deactivated) await call(ctx, 'owner', 'POST', `/v2/images/${id}/actions/deactivate`, undefined, 204);
  if (visibility === 'public' || (needsMembers(fixture) && ['private', 'community'].includes(visibility))) {
    const who: Persona = visibility === 'public' ? 'admin' : 'owner';
    await call(ctx, who, 'PATCH', `/v2/images/${id}`, [{ op: 'replace', path: '/visibility', value: visibility }], 200);
  }
  if (visibility === 'deleted') await call(ctx, 'owner', 'DELETE', `/v2/images/${id}`, undefined, 204);
  return id;
}

function needsMembers(fixture: ImageFixture): boolean {
  return (fixture.members ?? DEFAULT_MEMBERS).length > 0 || (fixture.fill ?? 0) > 0;
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

async function call(ctx: FixtureContext, persona: Persona, method: string, path: string, json: unknown, expected: number) {
  const headers = { ...ctx.identities.headers(persona), Accept: 'application/json' } as Record<string, string>;
  if (method === 'PATCH') headers['Content-Type'] = PATCH_TYPE;
  else if (json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await send(ctx.baseUrl, method, path, headers, json === undefined ? undefined : { json });
  if (res.status !== expected) {
    throw new Error(`fixture ${method} ${path} as ${persona}: expected ${expected}, got ${res.status} ${res.body.slice(0, 200)}`);
  }
  return res.body;
}

async function upload(ctx: FixtureContext, id: string, data: string) {
  const headers = { ...ctx.identities.headers('owner'), 'Content-Type': 'application/octet-stream' };
  const res = await send(ctx.baseUrl, 'PUT', `/v2/images/${id}/file`, headers, { raw: data });
  if (res.status !== 204) throw new Error(`fixture upload to ${id}: expected 204, got ${res.status} ${res.body.slice(0, 200)}`);
}
