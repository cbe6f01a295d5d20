import { randomUUID } from 'node:crypto';
import { GlanceApiError } from '../client/glance-api-error';
import { GlanceImagesClient } from '../client/glance-images-client';
import type { Image } from '../client/types';
import type { StateTarget } from './state-target';
import { ProviderStateError, type ProviderState } from './states';

/** The project the state handlers act as (an admin) on a real Glance. */
export const STATE_ADMIN_PROJECT = 'glance-mock-provider-states';

/** Most members added while filling an image up to Glance's image_member_quota. */
const MAX_FILL = 1000;

/**
 * Provider states on a real Glance, through its public API only, as an admin
 * (trusted headers, or a token). Glance never gives a deleted image's id out
 * again, so each state first asks for the pact's id and, when Glance has had
 * it already, creates a fresh image and hands its id to the request
 * (`fromProviderState('${imageId}')`).
 */
export class GlanceStateTarget implements StateTarget {
  readonly description: string;
  private readonly admin: GlanceImagesClient;
  /** The pact's image ids and the images that stand for them in this interaction. */
  private images = new Map<string, Image>();

  constructor(baseUrl: string, adminAuth?: { token: string }) {
    this.description = `Glance at ${baseUrl} (states through its public API)`;
    this.admin = new GlanceImagesClient({
      baseUrl,
      auth: adminAuth ?? { projectId: STATE_ADMIN_PROJECT, roles: ['admin', 'member', 'reader'] },
    });
  }

  begin(): Promise<void> {
    this.images = new Map();
    return Promise.resolve();
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  /** A pact with literal ids reaches the fresh images too (its expected bodies still hold the literal ids). */
  rewritePath(url: string): string {
    let rewritten = url;
    for (const [pactId, image] of this.images) if (pactId !== image.id) rewritten = rewritten.split(pactId).join(image.id);
    return rewritten;
  }

  async apply(state: ProviderState): Promise<Record<string, string>> {
    const image = await this.setUp(state).catch((err: unknown) => {
      if (err instanceof GlanceApiError) {
        throw new ProviderStateError(`provider state "${state.state}" could not be set up: ${err.message}`);
      }
      throw err;
    });
    return { imageId: image };
  }

  private async setUp(state: ProviderState): Promise<string> {
    switch (state.state) {
      case 'an image exists': {
        const image = await this.createImage(state.imageId, {
          visibility: state.visibility,
          owner: state.owner,
          ...(state.name !== undefined ? { name: state.name } : {}),
        });
        return image.id;
      }
      case 'a project is a member of the image': {
        let image = this.images.get(state.imageId);
        if (!image) image = await this.createImage(state.imageId, { visibility: 'shared', owner: state.owner ?? null });
        if (image.visibility !== 'shared') {
          throw new ProviderStateError(
            `provider state "${state.state}": parameter imageId names a ${image.visibility} image; only shared images have members`,
          );
        }
        await this.admin.createMember(image.id, state.memberId);
        if (state.status !== 'pending') await this.admin.updateMember(image.id, state.memberId, state.status);
        return image.id;
      }
      case 'the image has reached its member limit': {
        const known = this.images.get(state.imageId);
        const owner = state.owner !== undefined ? state.owner : (known?.owner ?? null);
        const image = await this.createImage(state.imageId, { visibility: 'shared', owner });
        await this.fillMembers(image.id);
        return image.id;
      }
      case 'no image exists': {
        await this.admin.deleteImage(state.imageId).catch((err: unknown) => {
          if (!(err instanceof GlanceApiError && err.status === 404)) throw err;
        });
        this.images.delete(state.imageId);
        return state.imageId;
      }
    }
  }

  /** An image for the pact's id: that id when Glance never had it, a fresh one otherwise. */
  private async createImage(pactId: string, fields: { visibility: Image['visibility']; owner: string | null; name?: string }) {
    let image: Image;
    try {
      image = await this.admin.createImage({ id: pactId, ...fields });
    } catch (err) {
      if (!(err instanceof GlanceApiError && err.status === 409)) throw err;
      image = await this.admin.createImage({ id: randomUUID(), ...fields });
    }
    this.images.set(pactId, image);
    return image;
  }

  /** Adds members until Glance refuses one with its 413: the image is then at image_member_quota. */
  private async fillMembers(imageId: string): Promise<void> {
    for (let n = 1; n <= MAX_FILL; n++) {
      try {
        await this.admin.createMember(imageId, `member-limit-${n}`);
      } catch (err) {
        if (err instanceof GlanceApiError && err.status === 413) return;
        throw err;
      }
    }
    throw new ProviderStateError(
      `provider state "the image has reached its member limit": Glance took ${MAX_FILL} members without reaching its image_member_quota`,
    );
  }
}
