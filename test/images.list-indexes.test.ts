/**
 * The image list reads the store's indexes (images by owner and visibility,
 * memberships by member key) instead of every image. On random sequences of
 * creates, deletes, owner and visibility changes, member adds, removals and
 * status changes, and resets, the indexed list must equal a brute-force
 * selection over every image (Glance's image_get_all rules, written plainly),
 * and the indexes must hold exactly the rows a scan finds.
 */
import { requestContext, type RequestContext } from '../src/domain/context';
import { ImageLookup } from '../src/domain/image-lookup';
import type { ImageQuery, SortKey } from '../src/domain/image-query';
import { ImageService } from '../src/domain/image-service';
import { DEFAULT_IMAGE_TAG_QUOTA } from '../src/options';
import type { ImageRecord, Visibility } from '../src/domain/images';
import { legacyPolicy } from '../src/domain/policy/legacy';
import { MembersService } from '../src/domain/members';
import { dbProfiles, type DbProfileName } from '../src/domain/profiles';
import { FixedClock } from '../src/runtime/clock';
import { seededIds } from '../src/runtime/ids';
import { MemoryStore } from '../src/store/memory-store';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Spellings MariaDB's utf8_general_ci holds equal (case, accents, trailing spaces), SQLite does not.
const PROJECTS = ['alpha', 'ALPHA', 'alpha ', 'beta', 'bêta', 'gamma', 'delta'];
const VISIBILITIES: Visibility[] = ['private', 'shared', 'shared', 'community', 'public'];
const STATUSES = ['pending', 'accepted', 'rejected'] as const;
const NAMES = [null, 'a', 'A', 'b', 'é', 'c '];

function world(profile: DbProfileName) {
  const db = dbProfiles[profile];
  const store = new MemoryStore(db.collate);
  const lookup = new ImageLookup(store, db);
  const clock = new FixedClock('2030-01-01T00:00:00Z');
  const images = new ImageService({
    store,
    images: lookup,
    clock,
    ids: seededIds(profile),
    policy: legacyPolicy,
    db,
    tagQuota: DEFAULT_IMAGE_TAG_QUOTA,
  });
  const members = new MembersService({ store, images: lookup, db, policy: legacyPolicy, memberQuota: -1, clock });
  return { db, store, lookup, clock, images, members };
}

const ADMIN = requestContext({ projectId: 'admin-project', roles: ['admin'] });
const caller = (projectId: string | null) => requestContext({ projectId, roles: ['member', 'reader'] });

/** Glance's rules over every image, without indexes, sorted in full. */
function bruteForce(w: ReturnType<typeof world>, context: RequestContext, query: ImageQuery, marker?: ImageRecord): ImageRecord[] {
  const same = (a: string, b: string) => w.db.collate(a) === w.db.collate(b);
  const owns = (image: ImageRecord) => context.projectId !== null && image.owner !== null && same(image.owner, context.projectId);
  const listed = (image: ImageRecord) => {
    if (context.isAdmin || image.visibility === 'public' || image.visibility === 'community') return true;
    if (context.projectId === null) return image.visibility === 'shared' && w.store.countMembers(image.id) > 0;
    if (owns(image)) return true;
    const member = w.store.getMember(image.id, w.db.memberKey(context.projectId));
    return image.visibility === 'shared' && member !== undefined && (query.memberStatus === 'all' || member.status === query.memberStatus);
  };
  const visible = (image: ImageRecord) => {
    if (query.visibility === 'all') return true;
    if (query.visibility !== undefined) return image.visibility === query.visibility;
    return image.visibility !== 'community' || owns(image);
  };
  const filtered = (image: ImageRecord) =>
    Object.entries(query.attributes).every(([key, wanted]) => {
      const value = (image as unknown as Record<string, unknown>)[key];
      return value !== undefined && value !== null && same(String(value), wanted);
    });
  const keys: SortKey[] = [...query.sort];
  for (const key of ['created_at', 'id'] as const)
    if (!keys.some((k) => k.key === key)) keys.push({ key, dir: query.sort[0]?.dir ?? 'desc' });
  const value = (image: ImageRecord, key: SortKey['key']) => {
    const raw = key === 'size' ? null : image[key];
    return typeof raw === 'string' ? w.db.collate(raw) : raw;
  };
  const all = [...w.store.images()].filter((i) => i.os_hidden === query.osHidden && filtered(i) && listed(i) && visible(i));
  all.sort((a, b) => {
    for (const { key, dir } of keys) {
      const [x, y] = [value(a, key), value(b, key)];
      if (x === y) continue;
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return dir === 'asc' ? order : -order;
    }
    return 0;
  });
  const start = marker === undefined ? 0 : all.indexOf(marker) + 1;
  return all.slice(start, start + query.limit);
}

function randomQuery(next: () => number, pick: <T>(items: readonly T[]) => T): ImageQuery {
  const sorts: SortKey[][] = [
    [],
    [{ key: 'name', dir: 'asc' }],
    [{ key: 'id', dir: 'asc' }],
    [
      { key: 'updated_at', dir: 'desc' },
      { key: 'name', dir: 'desc' },
    ],
    [{ key: 'size', dir: 'asc' }],
  ];
  const attributes = Object.create(null) as Record<string, string>;
  if (next() < 0.2) attributes.owner = pick(PROJECTS);
  if (next() < 0.1) attributes.name = pick(NAMES.filter((n): n is string => n !== null));
  return {
    memberStatus: pick(['accepted', 'pending', 'rejected', 'all'] as const),
    visibility: pick([undefined, undefined, 'all', 'shared', 'public', 'community', 'private'] as const),
    osHidden: next() < 0.1,
    attributes,
    limit: pick([0, 1, 3, 25, 1000]),
    sort: pick(sorts),
  };
}

function runSequence(profile: DbProfileName, seed: number, steps: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const w = world(profile);
  const live = () => [...w.store.images()];
  const attempt = (action: () => unknown) => {
    try {
      action();
    } catch {
      // A refused request changes nothing; the indexes must still agree.
    }
  };
  let compared = 0;
  for (let step = 0; step < steps; step++) {
    w.clock.advance(next() < 0.5 ? 0 : 1000); // equal timestamps make the id break ties
    const roll = next();
    const images = live();
    const image = images.length > 0 ? pick(images) : undefined;
    if (roll < 0.25 || !image) {
      attempt(() =>
        w.images.create(ADMIN, {
          owner: pick([...PROJECTS, null]),
          visibility: pick(VISIBILITIES),
          name: pick(NAMES),
          os_hidden: next() < 0.1,
          extra: {},
        }),
      );
    } else if (roll < 0.32) {
      attempt(() => w.images.remove(ADMIN, image.id));
    } else if (roll < 0.4) {
      attempt(() => w.images.update(ADMIN, image.id, [{ op: 'replace', name: 'owner', value: pick([...PROJECTS, null]) }]));
    } else if (roll < 0.48) {
      attempt(() => w.images.update(ADMIN, image.id, [{ op: 'replace', name: 'visibility', value: pick(VISIBILITIES) }]));
    } else if (roll < 0.68) {
      attempt(() => w.members.create(ADMIN, image.id, pick(PROJECTS)));
    } else if (roll < 0.76) {
      attempt(() => w.members.remove(ADMIN, image.id, pick(PROJECTS)));
    } else if (roll < 0.88) {
      attempt(() => w.members.update(ADMIN, image.id, pick(PROJECTS), pick(STATUSES)));
    } else if (roll < 0.89) {
      w.store.clear();
    }
    for (let q = 0; q < 3; q++) {
      const context = pick([ADMIN, caller(null), ...PROJECTS.map(caller)]);
      const query = randomQuery(next, pick);
      const candidates = live();
      const marker = next() < 0.3 && candidates.length > 0 ? pick(candidates) : undefined;
      const markerUsable = marker === undefined || w.lookup.isVisible(context, marker);
      if (!markerUsable) continue;
      const listed = w.images.list(context, { ...query, marker: marker?.id });
      expect(listed.map((i) => i.id)).toEqual(bruteForce(w, context, query, marker).map((i) => i.id));
      compared++;
    }
    expectIndexesToMatchScan(w);
  }
  return compared;
}

/** The indexes hold exactly what a scan of the tables finds. */
function expectIndexesToMatchScan(w: ReturnType<typeof world>) {
  const images = [...w.store.images()];
  for (const project of PROJECTS) {
    const ownerKey = w.db.collate(project);
    const owned = images.filter((i) => i.owner !== null && w.db.collate(i.owner) === ownerKey);
    expect([...w.store.imagesOwnedBy(ownerKey)].map((i) => i.id).sort()).toEqual(owned.map((i) => i.id).sort());
    const memberKey = w.db.memberKey(project);
    const memberships = images.flatMap((i) => {
      const member = w.store.getMember(i.id, memberKey);
      return member ? [`${i.id}:${member.memberId}:${member.status}`] : [];
    });
    const visited: string[] = [];
    w.store.eachMembership(memberKey, (image, status) => visited.push(`${image.id}:${status}`));
    const statuses = images.flatMap((i) => {
      const member = w.store.getMember(i.id, memberKey);
      return member ? [`${i.id}:${member.status}`] : [];
    });
    expect(visited.sort()).toEqual(statuses.sort());
    expect(
      [...w.store.membershipsOf(memberKey)].map(({ image, member }) => `${image.id}:${member.memberId}:${member.status}`).sort(),
    ).toEqual(memberships.sort());
  }
  for (const visibility of ['private', 'shared', 'community', 'public'] as const) {
    expect([...w.store.imagesWithVisibility(visibility)].map((i) => i.id).sort()).toEqual(
      images
        .filter((i) => i.visibility === visibility)
        .map((i) => i.id)
        .sort(),
    );
  }
}

describe('the indexed image list', () => {
  for (const profile of ['mysql', 'sqlite'] as const) {
    it(`when random creates, deletes, owner and visibility changes, member changes and resets run on the ${profile} profile, then every list equals a brute-force selection`, () => {
      let compared = 0;
      for (const seed of [1, 2, 3]) compared += runSequence(profile, seed * 7919, 200);
      expect(compared).toBeGreaterThan(600);
    });
  }

  it('when the caller is a member of a shared image, then the list finds it through the membership whatever the spelling MariaDB holds equal', () => {
    const w = world('mysql');
    const image = w.images.create(caller('owner'), { visibility: 'shared', extra: {} });
    w.members.create(caller('owner'), image.id, 'Bêta ');
    w.members.update(caller('beta'), image.id, 'beta', 'accepted');
    const query: ImageQuery = { memberStatus: 'accepted', osHidden: false, attributes: {}, limit: 25, sort: [] };
    expect(w.images.list(caller('BETA'), query).map((i) => i.id)).toEqual([image.id]);
    w.members.remove(caller('owner'), image.id, 'beta');
    expect(w.images.list(caller('beta'), query)).toEqual([]);
    expect([...w.store.membershipsOf(w.db.memberKey('beta'))]).toEqual([]);
  });

  it('when an owner change moves an image, then the old owner no longer lists it and the new owner does', () => {
    const w = world('sqlite');
    const image = w.images.create(ADMIN, { owner: 'p1', visibility: 'private', extra: {} });
    const query: ImageQuery = { memberStatus: 'accepted', osHidden: false, attributes: {}, limit: 25, sort: [] };
    expect(w.images.list(caller('p1'), query).map((i) => i.id)).toEqual([image.id]);
    w.images.update(ADMIN, image.id, [{ op: 'replace', name: 'owner', value: 'p2' }]);
    expect(w.images.list(caller('p1'), query)).toEqual([]);
    expect(w.images.list(caller('p2'), query).map((i) => i.id)).toEqual([image.id]);
    expect([...w.store.imagesOwnedBy('p1')]).toEqual([]);
  });
});
