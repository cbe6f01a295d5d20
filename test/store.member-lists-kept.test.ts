/**
 * An image's member list is kept as read (and its written body with it) so a
 * list read again costs nothing; only the most recently listed images' lists
 * are kept, so listing every image of a large store does not keep its rows
 * as objects.
 */
import { MEMBER_LISTS_KEPT, MemoryStore } from '../src/store/memory-store';
import type { MemberRecord } from '../src/domain/members.types';

const member = (imageId: string, memberId: string, deleted = false): MemberRecord => ({
  imageId,
  memberId,
  status: 'pending',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deleted,
});

function storeWithImages(count: number): { store: MemoryStore; ids: string[] } {
  const store = new MemoryStore();
  const ids = Array.from({ length: count }, (_, i) => `image-${i}`);
  for (const id of ids) {
    store.putMember('a', member(id, 'a'));
    store.putMember('b', member(id, 'b'));
  }
  return { store, ids };
}

describe('member lists kept as read', () => {
  it('when one image is listed twice with no change between, then the same list comes back', () => {
    const { store } = storeWithImages(1);
    const first = store.listMembers('image-0');
    expect(store.listMembers('image-0')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('when a member changes between two lists, then the second is a new list with the change', () => {
    const { store } = storeWithImages(1);
    const first = store.listMembers('image-0');
    store.putMember('b', { ...member('image-0', 'b'), status: 'accepted' });
    const second = store.listMembers('image-0');
    expect(second).not.toBe(first);
    expect(second.map((m) => `${m.memberId}:${m.status}`)).toEqual(['a:pending', 'b:accepted']);
  });

  it(`when more than ${MEMBER_LISTS_KEPT} images are listed, then only the ${MEMBER_LISTS_KEPT} latest lists are kept`, () => {
    const { store, ids } = storeWithImages(MEMBER_LISTS_KEPT + 100);
    const lists = ids.map((id) => store.listMembers(id));
    expect(store.keptRows().listsRead).toBe(MEMBER_LISTS_KEPT);
    // The latest are kept, the first ones are read anew, equal to what they were.
    expect(store.listMembers(ids[ids.length - 1])).toBe(lists[lists.length - 1]);
    const again = store.listMembers(ids[0]);
    expect(again).not.toBe(lists[0]);
    expect(again).toEqual(lists[0]);
    expect(store.keptRows().listsRead).toBe(MEMBER_LISTS_KEPT);
  });

  it('when a listed image loses every member, last row first, then it keeps no rows and no list', () => {
    const { store } = storeWithImages(1);
    store.listMembers('image-0');
    store.putMember('b', member('image-0', 'b', true));
    store.putMember('a', member('image-0', 'a', true));
    expect(store.listMembers('image-0')).toEqual([]);
    expect(store.keptRows().listsRead).toBe(0);
  });
});
