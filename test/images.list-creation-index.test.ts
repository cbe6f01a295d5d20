/**
 * Callers who see every image (admins, callers without a project) get their
 * list in creation order (`created_at` then `id`, Glance's default order
 * either way) from the store's creation index. On random stores, after
 * random changes, every such list (any limit, marker and filter) must be
 * exactly what the scan of every image gives.
 */
import fc from 'fast-check';
import { requestContext } from '../src/domain/context';
import { ImageLookup } from '../src/domain/image-lookup';
import { selectImages, type ImageQuery, type SortKey } from '../src/domain/image-query';
import { ImageService } from '../src/domain/image-service';
import type { Visibility } from '../src/domain/images';
import { MembersService } from '../src/domain/members';
import { legacyPolicy } from '../src/domain/policy/legacy';
import { dbProfiles, type DbProfileName } from '../src/domain/profiles';
import { DEFAULT_IMAGE_TAG_QUOTA } from '../src/options';
import { FixedClock } from '../src/runtime/clock';
import { seededIds } from '../src/runtime/ids';
import { MemoryStore } from '../src/store/memory-store';

const PROJECTS = ['alpha', 'ALPHA', 'beta', 'gamma'];
const VISIBILITIES: Visibility[] = ['private', 'shared', 'community', 'public'];
const ADMIN = requestContext({ projectId: 'admin-project', roles: ['admin'] });
const ANONYMOUS = requestContext({ projectId: null, roles: ['member', 'reader'] });
const SORTS: SortKey[][] = [
  [],
  [{ key: 'created_at', dir: 'asc' }],
  [{ key: 'created_at', dir: 'desc' }],
  [
    { key: 'created_at', dir: 'asc' },
    { key: 'id', dir: 'asc' },
  ],
  [
    { key: 'created_at', dir: 'desc' },
    { key: 'id', dir: 'asc' },
  ],
  [{ key: 'id', dir: 'desc' }],
  [{ key: 'name', dir: 'asc' }],
];

function world(profile: DbProfileName) {
  const db = dbProfiles[profile];
  const store = new MemoryStore(db.collate);
  const lookup = new ImageLookup(store, db);
  const clock = new FixedClock('2030-01-01T00:00:00Z');
  const deps = { store, images: lookup, clock, db, policy: legacyPolicy };
  const images = new ImageService({ ...deps, ids: seededIds(profile), tagQuota: DEFAULT_IMAGE_TAG_QUOTA });
  const members = new MembersService({ ...deps, memberQuota: -1 });
  return { db, store, lookup, clock, images, members };
}

const imageArb = fc.record({
  seconds: fc.nat(4),
  owner: fc.constantFrom(...PROJECTS, null),
  visibility: fc.constantFrom(...VISIBILITIES),
  name: fc.constantFrom(null, 'a', 'A', 'b'),
  hidden: fc.boolean(),
  member: fc.option(fc.constantFrom(...PROJECTS)),
});
const changeArb = fc.record({ pick: fc.nat(), kind: fc.constantFrom('delete', 'rename', 'member') });
const queryArb = fc.record({
  anonymous: fc.boolean(),
  sort: fc.constantFrom(...SORTS),
  visibility: fc.constantFrom(undefined, 'all', 'shared', 'public', 'community', 'private'),
  hidden: fc.boolean(),
  name: fc.option(fc.constantFrom('a', 'b')),
  limit: fc.constantFrom(0, 1, 2, 5, 1000),
  marker: fc.option(fc.nat()),
});

type ImageSpec = typeof imageArb extends fc.Arbitrary<infer T> ? T : never;
type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;
type QuerySpec = typeof queryArb extends fc.Arbitrary<infer T> ? T : never;

function build(profile: DbProfileName, specs: Array<ImageSpec>, changes: Array<Change>) {
  const w = world(profile);
  for (const spec of specs) {
    w.clock.advance(spec.seconds * 1000);
    const image = w.images.create(ADMIN, {
      owner: spec.owner,
      visibility: spec.visibility,
      name: spec.name,
      os_hidden: spec.hidden,
      extra: {},
    });
    if (spec.member && spec.visibility === 'shared') w.members.create(ADMIN, image.id, spec.member);
  }
  for (const change of changes) {
    const live = [...w.store.images()];
    if (live.length === 0) break;
    const image = live[change.pick % live.length];
    if (change.kind === 'delete') w.images.remove(ADMIN, image.id);
    else if (change.kind === 'rename') w.images.update(ADMIN, image.id, [{ op: 'replace', name: 'name', value: 'b' }]);
    else if (image.visibility === 'shared' && w.store.countMembers(image.id) > 0)
      w.members.remove(ADMIN, image.id, w.store.listMembers(image.id)[0].memberId);
  }
  return w;
}

function expectIndexedAsScanned(w: ReturnType<typeof world>, q: QuerySpec) {
  const context = q.anonymous ? ANONYMOUS : ADMIN;
  const attributes = Object.create(null) as Record<string, string>;
  if (q.name !== null) attributes.name = q.name;
  const query: ImageQuery = { memberStatus: 'all', visibility: q.visibility, osHidden: q.hidden, attributes, limit: q.limit, sort: q.sort };
  const visible = [...w.store.images()].filter((image) => w.lookup.isVisible(context, image));
  const marker = q.marker === null || visible.length === 0 ? undefined : visible[q.marker % visible.length];
  const ids = (useIndex: boolean) =>
    selectImages(context, w.store, query, w.lookup, marker, w.db.memberKey, useIndex).map((image) => image.id);
  expect(ids(true)).toEqual(ids(false));
}

describe('the creation-order index', () => {
  it.each(['mysql', 'sqlite'] as const)(
    'when a caller who sees every image lists a random %s store, then the page is the one the full scan gives',
    (profile) => {
      fc.assert(
        fc.property(
          fc.array(imageArb, { maxLength: 30 }),
          fc.array(changeArb, { maxLength: 10 }),
          fc.array(queryArb, { minLength: 1, maxLength: 8 }),
          (specs, changes, queries) => {
            const w = build(profile, specs, changes);
            for (const q of queries) expectIndexedAsScanned(w, q);
          },
        ),
        { numRuns: 150, seed: profile.length },
      );
    },
  );

  it('when more images change between two lists than the index follows one by one, then the next list is still the scan', () => {
    fc.assert(
      fc.property(
        fc.array(imageArb, { minLength: 300, maxLength: 400 }),
        fc.array(queryArb, { minLength: 4, maxLength: 4 }),
        (specs, queries) => {
          const w = build('mysql', specs.slice(0, 5), []);
          expectIndexedAsScanned(w, queries[0]);
          for (const spec of specs.slice(5)) {
            w.clock.advance(spec.seconds * 1000);
            w.images.create(ADMIN, { owner: spec.owner, visibility: spec.visibility, name: spec.name, os_hidden: spec.hidden, extra: {} });
          }
          for (const q of queries) expectIndexedAsScanned(w, q);
        },
      ),
      { numRuns: 5, seed: 7 },
    );
  });
});
