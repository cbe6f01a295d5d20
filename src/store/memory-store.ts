import type { ImageRecord, Visibility } from '../domain/images';
import type { MemberRecord, MemberStatus } from '../domain/members.types';
import { IdSet } from './id-set';
import { MemberTable } from './member-table';
import type { GlanceStore, Membership } from '../domain/ports/image-store';

/** One `image_members` row of an image: a live member, or (no `member`) a deleted row's member key. */
export interface MemberRowState {
  key: string;
  member?: MemberRecord;
}

/** An index bucket: image key to image. */
type Bucket = Map<string, ImageRecord>;

const sameText = (text: string) => text;
/** Past this many image changes between two reads, the creation order is sorted anew when next read rather than kept up change by change. */
const RESORT_AFTER = 256;
const NO_IMAGES: ReadonlyMap<string, ImageRecord> = new Map();
/**
 * How many images' member lists are kept as read (records, and the body the
 * route writes from them): the most recently listed. Past it a list is read
 * from the columns again, so listing every image of a large store does not
 * turn its compact rows back into objects.
 */
export const MEMBER_LISTS_KEPT = 256;

/**
 * The in-memory store: one per mock instance, nothing shared between instances.
 * Besides the tables it keeps the indexes Glance's queries use: images by
 * owner (under the database's comparison) and by visibility, and live
 * memberships by member key, so a caller's image list reads only what the
 * caller can see.
 */
export class MemoryStore implements GlanceStore {
  private readonly imagesByKey = new Map<string, ImageRecord>();
  private readonly membersByImage = new Map<string, MemberTable>();
  private readonly deletedIds: IdSet;
  private readonly imagesByOwner = new Map<string, Bucket>();
  private readonly imagesByVisibility = new Map<Visibility, Bucket>();
  /** member key → image's member table → the live row's number in it (a member's image list reads its tables without a lookup). */
  private readonly membershipsByMember = new Map<string, Map<MemberTable, number>>();
  /** The comparison keys of each stored record's id and owner, computed once. */
  private readonly keys = new WeakMap<ImageRecord, { id: string; owner: string | null }>();

  /** The tables whose list is kept as read, least recently listed first. */
  private readonly listsKept = new Set<MemberTable>();

  /** Live images by created_at then id key, ascending; undefined until read after many changes. */
  private byCreation: ImageRecord[] | undefined = [];
  private changesSinceRead = 0;

  /** `collate`: the database's comparison key for image ids and owners (see DbProfile.collate). */
  constructor(private readonly collate: (text: string) => string = sameText) {
    this.deletedIds = new IdSet(collate('a') !== 'a');
  }

  getImage(imageId: string): ImageRecord | undefined {
    return this.imagesByKey.get(this.collate(imageId));
  }

  isImageIdTaken(imageId: string): boolean {
    const key = this.collate(imageId);
    return this.imagesByKey.has(key) || this.deletedIds.has(key);
  }

  putImage(image: ImageRecord): void {
    const keys = this.keysOf(image);
    const previous = this.imagesByKey.get(keys.id);
    if (previous) this.unindex(previous, keys.id);
    this.imagesByKey.set(keys.id, image);
    const table = this.membersByImage.get(keys.id);
    if (table) table.image = image;
    this.reorder(previous, image);
    bucket(this.imagesByVisibility, image.visibility).set(keys.id, image);
    if (keys.owner !== null) bucket(this.imagesByOwner, keys.owner).set(keys.id, image);
  }

  deleteImage(imageId: string): void {
    const key = this.collate(imageId);
    const image = this.imagesByKey.get(key);
    if (!image) return;
    this.imagesByKey.delete(key);
    this.unindex(image, key);
    this.reorder(image, undefined);
    const table = this.membersByImage.get(key);
    if (table) {
      for (const [memberKey] of table.liveKeys()) this.unlistMembership(memberKey, table);
      this.listsKept.delete(table);
      this.membersByImage.delete(key);
    }
    this.deletedIds.add(key);
  }

  images(): Iterable<ImageRecord> {
    return this.imagesByKey.values();
  }

  imagesByCreation(): readonly ImageRecord[] {
    this.changesSinceRead = 0;
    return (this.byCreation ??= [...this.imagesByKey.values()].sort(this.creationOrder));
  }

  imagesOwnedBy(ownerKey: string): Iterable<ImageRecord> {
    return (this.imagesByOwner.get(ownerKey) ?? NO_IMAGES).values();
  }

  imagesWithVisibility(visibility: Visibility): Iterable<ImageRecord> {
    return (this.imagesByVisibility.get(visibility) ?? NO_IMAGES).values();
  }

  *membershipsOf(memberKey: string): Iterable<Membership> {
    for (const [table, row] of this.membershipsByMember.get(memberKey) ?? []) {
      yield { image: table.image as ImageRecord, member: table.record(row) };
    }
  }

  eachMembership(memberKey: string, visit: (image: ImageRecord, status: MemberStatus) => void): void {
    const memberships = this.membershipsByMember.get(memberKey);
    if (!memberships) return;
    for (const [table, row] of memberships) visit(table.image as ImageRecord, table.status(row));
  }

  ownerKey(image: ImageRecord): string | null {
    return this.keysOf(image).owner;
  }

  getMember(imageId: string, memberKey: string): MemberRecord | undefined {
    const imageKey = this.collate(imageId);
    const table = this.membersByImage.get(imageKey);
    const row = table && this.membershipsByMember.get(memberKey)?.get(table);
    return row === undefined ? undefined : (table as MemberTable).record(row);
  }

  putMember(memberKey: string, member: MemberRecord): void {
    const imageKey = this.collate(member.imageId);
    let table = this.membersByImage.get(imageKey);
    const liveRow = table && this.membershipsByMember.get(memberKey)?.get(table);
    if (member.deleted) {
      const row = liveRow ?? table?.deletedRowOf(memberKey);
      if (table === undefined || row === undefined) return;
      this.unlistMembership(memberKey, table);
      table.setDeleted(row, memberKey);
      if (table.isEmpty) {
        this.membersByImage.delete(imageKey);
        this.listsKept.delete(table);
      }
      return;
    }
    if (!table) this.membersByImage.set(imageKey, (table = this.newTable(imageKey, member.imageId)));
    const row = table.setLive(liveRow ?? table.deletedRowOf(memberKey) ?? table.nextRow, memberKey, member);
    this.listMembership(memberKey, table, row);
  }

  listMembers(imageId: string): readonly MemberRecord[] {
    const table = this.membersByImage.get(this.collate(imageId));
    if (!table) return [];
    this.listsKept.delete(table);
    this.listsKept.add(table);
    if (this.listsKept.size > MEMBER_LISTS_KEPT) {
      const oldest = this.listsKept.values().next().value as MemberTable;
      this.listsKept.delete(oldest);
      oldest.forgetRead();
    }
    return table.liveRecords();
  }

  countMembers(imageId: string): number {
    return this.membersByImage.get(this.collate(imageId))?.liveCount ?? 0;
  }

  /** The comparison keys of the ids deleted images had. */
  deletedImageKeys(): Iterable<string> {
    return this.deletedIds.keys();
  }

  /** Mark an id as a deleted image's: it is never given out again. */
  takeImageId(imageId: string): void {
    this.deletedIds.add(this.collate(imageId));
  }

  /**
   * An image's member rows in row order: live rows whole, deleted rows by
   * their member key. Every row below the next free one is there.
   */
  memberRows(imageId: string): MemberRowState[] {
    return this.membersByImage.get(this.collate(imageId))?.rows() ?? [];
  }

  /** Put back an image's member rows as `memberRows` gave them (the image is stored, with no member rows yet). */
  restoreMemberRows(imageId: string, rows: MemberRowState[]): void {
    if (rows.length === 0) return;
    const imageKey = this.collate(imageId);
    const table = this.newTable(imageKey, imageId);
    this.membersByImage.set(imageKey, table);
    for (const { key, member } of rows) {
      if (member) this.listMembership(key, table, table.setLive(table.nextRow, key, member));
      else table.appendDeleted(key);
    }
  }

  /** How many deleted rows are kept (for the memory tests). */
  keptRows(): { deletedImageIds: number; deletedMembers: number; images: number; listsRead: number } {
    let deletedMembers = 0;
    let listsRead = 0;
    for (const table of this.membersByImage.values()) {
      deletedMembers += table.deletedCount;
      if (table.isRead) listsRead++;
    }
    return { deletedImageIds: this.deletedIds.size, deletedMembers, images: this.imagesByKey.size, listsRead };
  }

  clear(): void {
    this.imagesByKey.clear();
    this.membersByImage.clear();
    this.deletedIds.clear();
    this.imagesByOwner.clear();
    this.imagesByVisibility.clear();
    this.membershipsByMember.clear();
    this.listsKept.clear();
    this.byCreation = [];
    this.changesSinceRead = 0;
  }

  private keysOf(image: ImageRecord): { id: string; owner: string | null } {
    let keys = this.keys.get(image);
    if (!keys) {
      keys = { id: this.collate(image.id), owner: image.owner === null ? null : this.collate(image.owner) };
      this.keys.set(image, keys);
    }
    return keys;
  }

  private readonly creationOrder = (a: ImageRecord, b: ImageRecord): number =>
    compareText(a.created_at, b.created_at) || compareText(this.keysOf(a).id, this.keysOf(b).id);

  /** Keep the creation order up to date: `removed` leaves it, `added` comes in. */
  private reorder(removed: ImageRecord | undefined, added: ImageRecord | undefined): void {
    const sorted = this.byCreation;
    if (!sorted) return;
    if (++this.changesSinceRead > RESORT_AFTER) {
      this.byCreation = undefined;
      return;
    }
    if (removed) sorted.splice(this.creationPlace(sorted, removed), 1);
    if (added) sorted.splice(this.creationPlace(sorted, added), 0, added);
  }

  /** The first place in `sorted` not before `image`. */
  private creationPlace(sorted: ImageRecord[], image: ImageRecord): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.creationOrder(sorted[mid], image) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private unindex(image: ImageRecord, imageKey: string): void {
    unbucket(this.imagesByVisibility, image.visibility, imageKey);
    const owner = this.keysOf(image).owner;
    if (owner !== null) unbucket(this.imagesByOwner, owner, imageKey);
  }

  private unlistMembership(memberKey: string, table: MemberTable): void {
    const memberships = this.membershipsByMember.get(memberKey);
    if (!memberships) return;
    memberships.delete(table);
    if (memberships.size === 0) this.membershipsByMember.delete(memberKey);
  }

  private listMembership(memberKey: string, table: MemberTable, row: number): void {
    let memberships = this.membershipsByMember.get(memberKey);
    if (!memberships) this.membershipsByMember.set(memberKey, (memberships = new Map()));
    memberships.set(table, row);
  }

  /** An image's table, pointing at the image as stored (putImage keeps it current). */
  private newTable(imageKey: string, imageId: string): MemberTable {
    const table = new MemberTable(imageId);
    table.image = this.imagesByKey.get(imageKey);
    return table;
  }
}

function bucket<K>(index: Map<K, Bucket>, key: K): Bucket {
  let found = index.get(key);
  if (!found) index.set(key, (found = new Map()));
  return found;
}

function unbucket<K>(index: Map<K, Bucket>, key: K, imageKey: string): void {
  const found = index.get(key);
  if (!found) return;
  found.delete(imageKey);
  if (found.size === 0) index.delete(key);
}

const compareText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);
