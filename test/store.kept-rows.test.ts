/**
 * Deleted rows are kept only as far as they can change an answer: a deleted
 * image's id (Glance never gives it out again), and a deleted member's place
 * in the list when it is not the last row (a re-added member takes it back).
 */
import { IdSet } from '../src/store/id-set';
import { MemoryStore } from '../src/store/memory-store';
import { dbProfiles } from '../src/domain/profiles';
import { ClockedGlance } from './helpers/images';
import type { MemberRecord } from '../src/domain/members.types';

const member = (imageId: string, memberId: string, deleted = false): MemberRecord => ({
  imageId,
  memberId,
  status: 'pending',
  createdAt: 't',
  updatedAt: 't',
  deleted,
});

function uuid(n: number): string {
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('the set of deleted image ids', () => {
  it('when 10,000 ids are added, then each is found, others are not, and the set counts them once', () => {
    const ids = new IdSet(false);
    for (let i = 0; i < 10_000; i++) ids.add(uuid(i * 7919));
    for (let i = 0; i < 10_000; i++) ids.add(uuid(i * 7919));
    expect(ids.size).toBe(10_000);
    const missing = Array.from({ length: 10_000 }, (_, i) => uuid(i * 7919)).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    expect(ids.has(uuid(1))).toBe(false);
    expect(ids.has(uuid(7919 * 10_000))).toBe(false);
  });

  it('when case does not count (MariaDB), then an id is found in either case; on SQLite only as given', () => {
    const folded = new IdSet(true);
    folded.add('AAAAAAAA-0000-4000-8000-00000000000A');
    expect(folded.has('AAAAAAAA-0000-4000-8000-00000000000A')).toBe(true);
    const exact = new IdSet(false);
    exact.add('AAAAAAAA-0000-4000-8000-00000000000A');
    exact.add('not-a-uuid');
    expect([exact.has('AAAAAAAA-0000-4000-8000-00000000000A'), exact.has('aaaaaaaa-0000-4000-8000-00000000000a')]).toEqual([true, false]);
    expect(exact.has('not-a-uuid')).toBe(true);
  });
});

describe('kept rows', () => {
  it('when images with members are created and deleted, then only their ids are kept, and stay taken', async () => {
    const store = new MemoryStore();
    const glance = new ClockedGlance();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const id = await glance.createImage({ visibility: 'shared' });
      await glance.addMember(id, `m${i}`);
      expect((await glance.delete(`/v2/images/${id}`)).status).toBe(204);
      ids.push(id);
    }
    for (const id of ids) expect((await glance.post('/v2/images', { id })).status).toBe(409);
    for (let i = 0; i < 5_000; i++) {
      const image = { ...baseImage(uuid(i)) };
      store.putImage(image);
      store.putMember('m', member(image.id, 'm'));
      store.deleteImage(image.id);
    }
    expect(store.keptRows()).toEqual({ deletedImageIds: 5_000, deletedMembers: 0, images: 0, listsRead: 0 });
    expect(store.isImageIdTaken(uuid(4_999))).toBe(true);
    expect(store.getImage(uuid(4_999))).toBeUndefined();
  });

  it('when members are added and deleted in turn, then no deleted row is kept', () => {
    const store = new MemoryStore();
    store.putImage(baseImage(uuid(1)));
    for (let i = 0; i < 1_000; i++) {
      store.putMember(`m${i}`, member(uuid(1), `m${i}`));
      store.putMember(`m${i}`, member(uuid(1), `m${i}`, true));
    }
    expect(store.keptRows().deletedMembers).toBe(0);
  });

  it('when a member before the last is deleted, then its place is kept and taken back on re-adding', () => {
    const store = new MemoryStore(dbProfiles.mysql.collate);
    store.putImage(baseImage(uuid(1)));
    for (const id of ['a', 'b', 'c']) store.putMember(id.toUpperCase(), member(uuid(1), id));
    store.putMember('A', member(uuid(1), 'a', true));
    expect(store.keptRows().deletedMembers).toBe(1);
    store.putMember('A', member(uuid(1), 'A'));
    expect(store.listMembers(uuid(1)).map((m) => m.memberId)).toEqual(['A', 'b', 'c']);
    expect(store.keptRows().deletedMembers).toBe(0);
  });
});

function baseImage(id: string) {
  return {
    id,
    name: null,
    visibility: 'shared' as const,
    owner: 'o',
    status: 'queued',
    protected: false,
    os_hidden: false,
    min_ram: 0,
    min_disk: 0,
    disk_format: null,
    container_format: null,
    tags: [],
    created_at: 't',
    updated_at: 't',
    extra: {},
    deleted: false,
  };
}
