import type { ImageVisibility, MemberStatus } from '../client/types';

/**
 * The provider states a Glance consumer pact may name, with their Pact V3+
 * parameters. The same vocabulary is set up on the mock (as a seed document)
 * and on a real Glance (through its public API).
 */
export const STATE_NAMES = [
  'an image exists',
  'a project is a member of the image',
  'the image has reached its member limit',
  'no image exists',
] as const;
export type StateName = (typeof STATE_NAMES)[number];

export type ProviderState =
  | { state: 'an image exists'; imageId: string; visibility: ImageVisibility; owner: string | null; name?: string }
  | { state: 'a project is a member of the image'; imageId: string; memberId: string; status: MemberStatus; owner?: string | null }
  | { state: 'the image has reached its member limit'; imageId: string; owner?: string | null }
  | { state: 'no image exists'; imageId: string };

/** A state that cannot be set up: names the state and, when one is at fault, the parameter. */
export class ProviderStateError extends Error {
  override readonly name = 'ProviderStateError';
}

const VISIBILITIES: readonly ImageVisibility[] = ['private', 'shared', 'community', 'public'];
const STATUSES: readonly MemberStatus[] = ['pending', 'accepted', 'rejected'];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Checks a state's name and parameters; throws a ProviderStateError naming what is wrong. */
export function parseProviderState(state: string, params: unknown): ProviderState {
  if (!(STATE_NAMES as readonly string[]).includes(state)) {
    throw new ProviderStateError(`unknown provider state "${state}" (known: ${STATE_NAMES.map((name) => `"${name}"`).join(', ')})`);
  }
  const name = state as StateName;
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new ProviderStateError(`provider state "${name}": params must be an object`);
  }
  const p = new Params(name, (params ?? {}) as Record<string, unknown>);
  switch (name) {
    case 'an image exists':
      return {
        state: name,
        imageId: p.imageId(),
        visibility: p.oneOf('visibility', VISIBILITIES),
        owner: p.owner(true) as string | null,
        ...(p.has('name') ? { name: p.string('name') } : {}),
      };
    case 'a project is a member of the image':
      return {
        state: name,
        imageId: p.imageId(),
        memberId: p.string('memberId'),
        status: p.oneOf('status', STATUSES),
        ...(p.has('owner') ? { owner: p.owner(false) } : {}),
      };
    case 'the image has reached its member limit':
      return { state: name, imageId: p.imageId(), ...(p.has('owner') ? { owner: p.owner(false) } : {}) };
    case 'no image exists':
      return { state: name, imageId: p.imageId() };
  }
}

class Params {
  constructor(
    private readonly state: StateName,
    private readonly values: Record<string, unknown>,
  ) {}

  has(key: string): boolean {
    return this.values[key] !== undefined;
  }

  fail(key: string, why: string): never {
    throw new ProviderStateError(`provider state "${this.state}": parameter ${key} ${why}`);
  }

  string(key: string): string {
    const value = this.values[key];
    if (value === undefined) this.fail(key, 'is missing');
    if (typeof value !== 'string' || value === '') this.fail(key, `must be a non-empty string, got ${JSON.stringify(value)}`);
    return value;
  }

  imageId(): string {
    const value = this.string('imageId');
    if (!UUID.test(value)) this.fail('imageId', `must be an image id (a UUID), got ${JSON.stringify(value)}`);
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.values[key];
    if (value === undefined) this.fail(key, `is missing (one of ${allowed.join(', ')})`);
    if (!allowed.includes(value as T)) this.fail(key, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return value as T;
  }

  owner(required: boolean): string | null {
    const value = this.values.owner;
    if (value === undefined && required) this.fail('owner', 'is missing (a project id, or null)');
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string' || value === '') this.fail('owner', `must be a project id or null, got ${JSON.stringify(value)}`);
    return value;
  }
}
