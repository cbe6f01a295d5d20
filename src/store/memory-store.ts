import type { ImageRecord } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';
import { IdSet } from './id-set';
import type { GlanceStore } from './store';

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
}

const sameText = (text: string) => text;

/** The in-memory store: one per mock instance, nothing shared between instances. */
export class MemoryStore implements GlanceStore {
  private readonly imagesByKey = new Map<string, ImageRecord>();
  private readonly membersByImage = new Map<string, MemberTable>();
  private readonly deletedIds: IdSet;

  /** `collate`: the database's comparison key for image ids (see DbProfile.collate). */
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
    this.imagesByKey.set(this.collate(image.id), image);
  }

  deleteImage(imageId: string): void {
    const key = this.collate(imageId);
    if (!this.imagesByKey.delete(key)) return;
    this.membersByImage.delete(key);
    this.deletedIds.add(key);
  }

  images(): Iterable<ImageRecord> {
    return this.imagesByKey.values();
  }

  getMember(imageId: string, memberKey: string): MemberRecord | undefined {
    return this.membersByImage.get(this.collate(imageId))?.live.get(memberKey)?.member;
  }

  putMember(memberKey: string, member: MemberRecord): void {
    const table = this.tableFor(member.imageId);
    const current = table.live.get(memberKey);
    const row = current?.row ?? table.deleted.get(memberKey) ?? table.nextRow++;
    if (member.deleted) {
      table.live.delete(memberKey);
      this.forgetRow(member.imageId, table, memberKey, row);
    } else {
      table.deleted.delete(memberKey);
      table.live.set(memberKey, { row, member });
    }
  }

  listMembers(imageId: string): MemberRecord[] {
    const rows = [...(this.membersByImage.get(this.collate(imageId))?.live.values() ?? [])];
    return rows.sort((a, b) => a.row - b.row).map((row) => row.member);
  }

  countMembers(imageId: string): number {
    return this.membersByImage.get(this.collate(imageId))?.live.size ?? 0;
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
  }

  /**
   * A deleted row is remembered only for its place. The last row needs no
   * memory: whoever is added next takes that place anyway.
   */
  private forgetRow(imageId: string, table: MemberTable, memberKey: string, row: number): void {
    if (row === table.nextRow - 1) {
      table.nextRow--;
      table.deleted.delete(memberKey);
    } else {
      table.deleted.set(memberKey, row);
    }
    if (table.live.size === 0 && table.deleted.size === 0) this.membersByImage.delete(this.collate(imageId));
  }

  private tableFor(imageId: string): MemberTable {
    const key = this.collate(imageId);
    let table = this.membersByImage.get(key);
    if (!table) {
      table = { live: new Map(), deleted: new Map(), nextRow: 0 };
      this.membersByImage.set(key, table);
    }
    return table;
  }
}
