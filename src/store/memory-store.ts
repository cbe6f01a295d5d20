import type { ImageRecord, Visibility } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';
import { IdSet } from './id-set';
import type { GlanceStore, Membership } from '../domain/ports/image-store';

interface MemberRow {
  /** The row's place in `image_members`: a re-added member keeps it. */
  row: number;
  member: MemberRecord;
}

/** An image's `image_members` rows: live ones whole, deleted ones only by their place. */
interface MemberTable {
  live: Map<string, MemberRow>;
  deleted: Map<string, number>;
  nextRow: number;
  /** The live rows are in row order in `live` (no re-added member took back an earlier place). */
  inRowOrder: boolean;
}

/** One `image_members` row of an image: a live member, or (no `member`) a deleted row's member key. */
export interface MemberRowState {
  key: string;
  member?: MemberRecord;
}

/** An index bucket: image key to image. */
type Bucket = Map<string, ImageRecord>;

const sameText = (text: string) => text;
const NO_IMAGES: ReadonlyMap<string, ImageRecord> = new Map();

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
  /** member key → image key → the live row. */
  private readonly membershipsByMember = new Map<string, Map<string, MemberRecord>>();
  /** The comparison keys of each stored record's id and owner, computed once. */
  private readonly keys = new WeakMap<ImageRecord, { id: string; owner: string | null }>();

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
    bucket(this.imagesByVisibility, image.visibility).set(keys.id, image);
    if (keys.owner !== null) bucket(this.imagesByOwner, keys.owner).set(keys.id, image);
  }

  deleteImage(imageId: string): void {
    const key = this.collate(imageId);
    const image = this.imagesByKey.get(key);
    if (!image) return;
    this.imagesByKey.delete(key);
    this.unindex(image, key);
    for (const memberKey of this.membersByImage.get(key)?.live.keys() ?? []) this.unlistMembership(memberKey, key);
    this.membersByImage.delete(key);
    this.deletedIds.add(key);
  }

  images(): Iterable<ImageRecord> {
    return this.imagesByKey.values();
  }

  imagesOwnedBy(ownerKey: string): Iterable<ImageRecord> {
    return (this.imagesByOwner.get(ownerKey) ?? NO_IMAGES).values();
  }

  imagesWithVisibility(visibility: Visibility): Iterable<ImageRecord> {
    return (this.imagesByVisibility.get(visibility) ?? NO_IMAGES).values();
  }

  *membershipsOf(memberKey: string): Iterable<Membership> {
    for (const [imageKey, member] of this.membershipsByMember.get(memberKey) ?? []) {
      yield { image: this.imagesByKey.get(imageKey) as ImageRecord, member };
    }
  }

  eachMembership(memberKey: string, visit: (image: ImageRecord, member: MemberRecord) => void): void {
    const memberships = this.membershipsByMember.get(memberKey);
    if (!memberships) return;
    for (const [imageKey, member] of memberships) visit(this.imagesByKey.get(imageKey) as ImageRecord, member);
  }

  ownerKey(image: ImageRecord): string | null {
    return this.keysOf(image).owner;
  }

  getMember(imageId: string, memberKey: string): MemberRecord | undefined {
    return this.membersByImage.get(this.collate(imageId))?.live.get(memberKey)?.member;
  }

  putMember(memberKey: string, member: MemberRecord): void {
    const imageKey = this.collate(member.imageId);
    const table = this.tableFor(imageKey);
    const current = table.live.get(memberKey);
    const row = current?.row ?? table.deleted.get(memberKey) ?? table.nextRow++;
    if (member.deleted) {
      table.live.delete(memberKey);
      this.unlistMembership(memberKey, imageKey);
      this.forgetRow(imageKey, table, memberKey, row);
      return;
    }
    table.deleted.delete(memberKey);
    if (!current && row !== table.nextRow - 1) table.inRowOrder = false;
    table.live.set(memberKey, { row, member });
    let memberships = this.membershipsByMember.get(memberKey);
    if (!memberships) this.membershipsByMember.set(memberKey, (memberships = new Map()));
    memberships.set(imageKey, member);
  }

  listMembers(imageId: string): MemberRecord[] {
    const table = this.membersByImage.get(this.collate(imageId));
    if (!table) return [];
    const rows = [...table.live.values()];
    if (!table.inRowOrder) rows.sort((a, b) => a.row - b.row);
    return rows.map((row) => row.member);
  }

  countMembers(imageId: string): number {
    return this.membersByImage.get(this.collate(imageId))?.live.size ?? 0;
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
    const table = this.membersByImage.get(this.collate(imageId));
    if (!table) return [];
    const rows: MemberRowState[] = new Array<MemberRowState>(table.nextRow);
    for (const [key, { row, member }] of table.live) rows[row] = { key, member };
    for (const [key, row] of table.deleted) rows[row] = { key };
    return rows.filter((row) => row !== undefined);
  }

  /** Put back an image's member rows as `memberRows` gave them (the image is stored, with no member rows yet). */
  restoreMemberRows(imageId: string, rows: MemberRowState[]): void {
    if (rows.length === 0) return;
    const imageKey = this.collate(imageId);
    const table = this.tableFor(imageKey);
    for (const { key, member } of rows) {
      const row = table.nextRow++;
      if (!member) {
        table.deleted.set(key, row);
        continue;
      }
      table.live.set(key, { row, member });
      let memberships = this.membershipsByMember.get(key);
      if (!memberships) this.membershipsByMember.set(key, (memberships = new Map()));
      memberships.set(imageKey, member);
    }
  }

  /** How many deleted rows are kept (for the memory tests). */
  keptRows(): { deletedImageIds: number; deletedMembers: number; images: number } {
    let deletedMembers = 0;
    for (const table of this.membersByImage.values()) deletedMembers += table.deleted.size;
    return { deletedImageIds: this.deletedIds.size, deletedMembers, images: this.imagesByKey.size };
  }

  clear(): void {
    this.imagesByKey.clear();
    this.membersByImage.clear();
    this.deletedIds.clear();
    this.imagesByOwner.clear();
    this.imagesByVisibility.clear();
    this.membershipsByMember.clear();
  }

  private keysOf(image: ImageRecord): { id: string; owner: string | null } {
    let keys = this.keys.get(image);
    if (!keys) {
      keys = { id: this.collate(image.id), owner: image.owner === null ? null : this.collate(image.owner) };
      this.keys.set(image, keys);
    }
    return keys;
  }

  private unindex(image: ImageRecord, imageKey: string): void {
    unbucket(this.imagesByVisibility, image.visibility, imageKey);
    const owner = this.keysOf(image).owner;
    if (owner !== null) unbucket(this.imagesByOwner, owner, imageKey);
  }

  private unlistMembership(memberKey: string, imageKey: string): void {
    const memberships = this.membershipsByMember.get(memberKey);
    if (!memberships) return;
    memberships.delete(imageKey);
    if (memberships.size === 0) this.membershipsByMember.delete(memberKey);
  }

  /**
   * A deleted row is remembered only for its place. The last row needs no
   * memory: whoever is added next takes that place anyway.
   */
  private forgetRow(imageKey: string, table: MemberTable, memberKey: string, row: number): void {
    if (row === table.nextRow - 1) {
      table.nextRow--;
      table.deleted.delete(memberKey);
    } else {
      table.deleted.set(memberKey, row);
    }
    if (table.live.size === 0 && table.deleted.size === 0) this.membersByImage.delete(imageKey);
  }

  private tableFor(imageKey: string): MemberTable {
    let table = this.membersByImage.get(imageKey);
    if (!table) {
      table = { live: new Map(), deleted: new Map(), nextRow: 0, inRowOrder: true };
      this.membersByImage.set(imageKey, table);
    }
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
