import type { KeystoneDirectory } from '../keystone/directory';
import type { SeedData } from '../seed/seed-types';
import type { GlanceStore } from '../store/store';
import type { SeedCreated } from './control';

/**
 * What applying a seed created, with the ids generated for it: the images and
 * members new in the store, and the projects, users and tokens new in the directory.
 */
export function seedReport(store: GlanceStore, directory: KeystoneDirectory, seed: unknown, apply: () => void): SeedCreated {
  const imagesBefore = new Set([...store.images()].map((image) => image.id));
  const projectsBefore = new Set(directory.listProjects().map((p) => p.id));
  const usersBefore = new Set(directory.listUsers().map((u) => u.id));
  apply();
  const images = [...store.images()].filter((image) => !imagesBefore.has(image.id));
  return {
    images: images.map((image) => ({ id: image.id, name: image.name })),
    members: images.flatMap((image) => store.listMembers(image.id).map((m) => ({ image_id: image.id, member_id: m.memberId }))),
    projects: directory
      .listProjects()
      .filter((p) => !projectsBefore.has(p.id))
      .map((p) => p.id),
    users: directory
      .listUsers()
      .filter((u) => !usersBefore.has(u.id))
      .map((u) => u.id),
    tokens: ((seed as SeedData).tokens ?? []).map((t) => t.token),
  };
}
