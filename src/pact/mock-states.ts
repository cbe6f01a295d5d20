import type { SeedData, SeedImage } from '../seed/seed-types';
import type { StateTarget } from './state-target';
import { ProviderStateError, type ProviderState } from './states';

/** How a mock is reset and seeded: in process, or through a running mock's control plane. */
export interface MockSeeder {
  readonly description: string;
  /** Glance's image_member_quota the mock runs with. */
  readonly memberQuota: number;
  reset(): Promise<void> | void;
  seed(data: SeedData): Promise<void> | void;
}

/** The members that fill an image up to its limit: `member-limit-1`, `member-limit-2`, … */
export const limitFiller = (n: number) => `member-limit-${n}`;

/**
 * Translates an interaction's states, in order, into one seed document and
 * applies it on a freshly reset mock right before the request. Ids are the
 * pact's own: the mock can take any id again after a reset.
 */
export function stateToSeed(states: ProviderState[], memberQuota: number): SeedData {
  const images: SeedImage[] = [];
  const find = (id: string) => images.find((image) => image.id?.toLowerCase() === id.toLowerCase());
  const remove = (id: string) => {
    const found = find(id);
    if (found) images.splice(images.indexOf(found), 1);
  };
  for (const state of states) {
    switch (state.state) {
      case 'an image exists':
        remove(state.imageId);
        images.push({ id: state.imageId, visibility: state.visibility, owner: state.owner, name: state.name ?? null });
        break;
      case 'a project is a member of the image': {
        let image = find(state.imageId);
        if (!image) {
          image = { id: state.imageId, visibility: 'shared', owner: state.owner ?? null, name: null };
          images.push(image);
        }
        if (image.visibility !== 'shared') {
          throw new ProviderStateError(
            `provider state "${state.state}": parameter imageId names a ${image.visibility ?? 'shared'} image; only shared images have members`,
          );
        }
        image.members = (image.members ?? []).filter((member) => member.member !== state.memberId);
        image.members.push({ member: state.memberId, status: state.status });
        break;
      }
      case 'the image has reached its member limit': {
        const owner = state.owner !== undefined ? state.owner : (find(state.imageId)?.owner ?? null);
        remove(state.imageId);
        const members = Array.from({ length: Math.max(memberQuota, 0) }, (_, i) => ({ member: limitFiller(i + 1) }));
        images.push({ id: state.imageId, visibility: 'shared', owner, name: null, members });
        break;
      }
      case 'no image exists':
        remove(state.imageId);
        break;
    }
  }
  return { images };
}

/** Provider states on the mock: a seed document per interaction, applied on a reset mock. */
export class MockStateTarget implements StateTarget {
  private states: ProviderState[] = [];

  constructor(private readonly mock: MockSeeder) {}

  get description(): string {
    return this.mock.description;
  }

  async begin(): Promise<void> {
    this.states = [];
    await this.mock.reset();
  }

  apply(state: ProviderState): Promise<Record<string, string>> {
    // Translated now, so that a state that cannot be set up fails here, naming itself.
    stateToSeed([...this.states, state], this.mock.memberQuota);
    this.states.push(state);
    return Promise.resolve({ imageId: state.imageId });
  }

  async ready(): Promise<void> {
    if (this.states.length > 0) await this.mock.seed(stateToSeed(this.states, this.mock.memberQuota));
  }
}
