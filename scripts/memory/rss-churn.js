#!/usr/bin/env node
/**
 * RSS under churn, for the memory figures: N image create/delete pairs (each
 * image shared with one member first), then M Keystone logins left to expire.
 * Drives the built domain (dist/) directly, so that HTTP plumbing does not
 * blur the figure. Usage: node scripts/memory/rss-churn.js [pairs] [logins]
 * (default 1000000 20000; `npm run build` first). Prints one line per step.
 */
const { ImageLookup } = require('../../dist/domain/image-lookup');
const { ImageService } = require('../../dist/domain/image-service');
const { MembersService } = require('../../dist/domain/members');
const { legacyPolicy } = require('../../dist/domain/policy/legacy');
const { dbProfiles } = require('../../dist/domain/profiles');
const { requestContext } = require('../../dist/domain/context');
const { MemoryStore } = require('../../dist/store/memory-store');
const { TokenRegistry } = require('../../dist/identity/tokens');
const { FixedClock } = require('../../dist/runtime/clock');
const { seededIds } = require('../../dist/runtime/ids');
const { DEFAULT_IMAGE_TAG_QUOTA } = require('../../dist/options');

const pairs = Number(process.argv[2] ?? 1_000_000);
const logins = Number(process.argv[3] ?? 20_000);
const mib = () => {
  global.gc?.();
  const m = process.memoryUsage();
  if (process.env.HEAP)
    console.log(
      `  heap ${(m.heapUsed / 1048576).toFixed(1)} ext ${(m.external / 1048576).toFixed(1)} ab ${(m.arrayBuffers / 1048576).toFixed(1)}`,
    );
  return (m.rss / 1048576).toFixed(1);
};

const db = dbProfiles.mysql;
const store = new MemoryStore(db.collate);
const clock = new FixedClock('2026-01-01T00:00:00Z');
const ids = seededIds('rss');
const images = new ImageLookup(store, db);
const imageService = new ImageService({ store, images, clock, ids, policy: legacyPolicy, db, tagQuota: DEFAULT_IMAGE_TAG_QUOTA });
const members = new MembersService({ store, images, db, policy: legacyPolicy, memberQuota: 128, clock });
const owner = requestContext({ projectId: 'owner', roles: ['member', 'reader'] });

console.log(`start: rss ${mib()} MiB`);
let baseline;
for (let i = 1; i <= pairs; i++) {
  const image = imageService.create(owner, { name: 'churn', visibility: 'shared', extra: { k: 'v' } });
  members.create(owner, image.id, `member-${i % 100}`);
  imageService.remove(owner, image.id);
  if (i === 10_000) console.log(`after ${i} pairs: rss ${(baseline = mib())} MiB, kept ${JSON.stringify(store.keptRows())}`);
  if (i % 250_000 === 0) console.log(`after ${i} pairs: rss ${mib()} MiB, kept ${JSON.stringify(store.keptRows())}`);
}
const end = mib();
console.log(`pairs: ${pairs}, rss ${end} MiB = ${(end / baseline).toFixed(2)} x the value after 10,000`);

const shared = imageService.create(owner, { name: 'members', visibility: 'shared', extra: {} });
const beforeMembers = mib();
for (let i = 0; i < 250_000; i++) {
  members.create(owner, shared.id, `member-${i}`);
  members.remove(owner, shared.id, `member-${i}`);
}
console.log(
  `members: 250000 create/delete pairs on one image, rss ${mib()} MiB (before ${beforeMembers}), kept ${JSON.stringify(store.keptRows())}`,
);

const tokens = new TokenRegistry();
const idle = tokens.size;
const before = mib();
for (let i = 0; i < logins; i++) {
  const bytes = Buffer.alloc(128);
  bytes.writeUInt32BE(i, 40);
  tokens.issue(
    `gAAAAAB${bytes.toString('base64url')}`,
    {
      projectId: 'p',
      userId: 'u',
      roles: ['member', 'reader'],
      methods: ['password'],
      auditIds: ['a'],
      issuedAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 3_600_000),
    },
    clock.now(),
  );
}
console.log(`tokens: ${logins} issued, registry ${tokens.size}, rss ${mib()} MiB (before ${before})`);
clock.advance(3_600_000);
for (let i = 0; i < 100 && tokens.size > idle; i++) tokens.sweep(clock.now());
console.log(`tokens expired: registry ${tokens.size} (idle ${idle}), rss ${mib()} MiB`);
