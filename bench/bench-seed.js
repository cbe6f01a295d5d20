'use strict';
/**
 * A deterministic store for the benchmarks, in the seed format (src/seed):
 * `images` shared images, each owned by one of 50 projects and shared with
 * `members` projects (`project-0` …), created a second apart; the consumer
 * `bench-consumer` is a member of 20 of them, whatever the store's size, so
 * its image list reads the same amount on every store. Three probe images of
 * `bench-owner`: 10 members, 128 members, and one for member churn.
 */
const OWNER = 'bench-owner';
const CONSUMER = 'bench-consumer';
const CONSUMER_IMAGES = 20;
const PROBES = {
  ten: 'fffffff0-0000-4000-8000-000000000010',
  many: 'fffffff0-0000-4000-8000-000000000128',
  churn: 'fffffff0-0000-4000-8000-00000000c0de',
};
const STATUSES = ['pending', 'accepted', 'rejected'];
const BASE = Date.parse('2026-01-01T00:00:00Z');

const imageId = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const at = (seconds) => new Date(BASE + seconds * 1000).toISOString();
const projects = (count) => Array.from({ length: count }, (_, j) => ({ member: `project-${j}` }));

function benchSeed(imageCount, memberCount) {
  const every = Math.max(1, Math.floor(imageCount / CONSUMER_IMAGES));
  const images = Array.from({ length: imageCount }, (_, i) => {
    const members = projects(memberCount);
    if (i % every === 0 && i / every < CONSUMER_IMAGES) members.push({ member: CONSUMER, status: STATUSES[(i / every) % 3] });
    return { id: imageId(i), name: `image-${i % 997}`, owner: `owner-${i % 50}`, visibility: 'shared', created_at: at(i), members };
  });
  const probe = (id, count, extra = []) => ({
    id,
    name: id,
    owner: OWNER,
    visibility: 'shared',
    created_at: at(imageCount + 1),
    members: [...projects(count), ...extra],
  });
  images.push(probe(PROBES.ten, 9, [{ member: CONSUMER }]), probe(PROBES.many, 128), probe(PROBES.churn, 10));
  return { images };
}

module.exports = { benchSeed, OWNER, CONSUMER, PROBES };
