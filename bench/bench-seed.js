'use strict';
/**
 * The benchmarks' stores, in the seed format: a fake cloud from the project's
 * generator (`generateSeed`, as `glance-mock seed generate` writes it) whose
 * images are all shared, each with `members` members, plus what the cases
 * need at every size:
 * - `bench-consumer` is a member of 20 images, whatever the store's size, so its
 *   image list reads the same amount on every store;
 * - `bench-all` is a member of every image (it takes the place of each image's first member);
 * - three probe images of `bench-owner`: 10 members, 128 members, and one for member churn.
 */
const OWNER = 'bench-owner';
const CONSUMER = 'bench-consumer';
const MEMBER_OF_ALL = 'bench-all';
const CONSUMER_IMAGES = 20;
const PROBES = {
  ten: 'fffffff0-0000-4000-8000-000000000010',
  many: 'fffffff0-0000-4000-8000-000000000128',
  churn: 'fffffff0-0000-4000-8000-00000000c0de',
};
const STATUSES = ['pending', 'accepted', 'rejected'];
const PROBE_CREATED = '2026-01-01T00:00:00Z';

const projects = (count) => Array.from({ length: count }, (_, j) => ({ member: `project-${j}` }));

function benchSeed(imageCount, memberCount) {
  const { generateSeed } = require('../dist');
  const seed = generateSeed({
    projects: Math.max(50, memberCount + 1),
    images: imageCount,
    members: memberCount,
    seed: 1,
    visibilities: { shared: 1 },
  });
  const every = Math.max(1, Math.floor(imageCount / CONSUMER_IMAGES));
  seed.images.forEach((image, i) => {
    if (image.members.length > 0) image.members[0] = { member: MEMBER_OF_ALL, status: 'accepted' };
    if (i % every === 0 && i / every < CONSUMER_IMAGES) image.members.push({ member: CONSUMER, status: STATUSES[(i / every) % 3] });
  });
  const probe = (id, count, extra = []) => ({
    id,
    name: id,
    owner: OWNER,
    visibility: 'shared',
    created_at: PROBE_CREATED,
    members: [...projects(count), ...extra],
  });
  seed.images.push(probe(PROBES.ten, 9, [{ member: CONSUMER }]), probe(PROBES.many, 128), probe(PROBES.churn, 10));
  return seed;
}

module.exports = { benchSeed, OWNER, CONSUMER, MEMBER_OF_ALL, PROBES };
