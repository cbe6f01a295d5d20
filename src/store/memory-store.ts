import type { ImageRecord } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';
import type { GlanceStore } from './store';

interface MemberTable {
  rows: Map<string, MemberRecord>;
  live: number;
}

/** The in-memory store: one per mock instance, nothing shared between instances. */
export class MemoryStore implements GlanceStore {
  private readonly imagesById = new Map<string, ImageRecord>();
  private readonly membersByImage = new Map<string, MemberTable>();

  getImage(imageId: string): ImageRecord | undefined {
    return this.imagesById.get(imageId);
  }

  putImage(image: ImageRecord): void {
    this.imagesById.set(image.id, image);
  }

  images(): Iterable<ImageRecord> {
    return this.imagesById.values();
  }

  getMember(imageId: string, memberKey: string): MemberRecord | undefined {
    return this.membersByImage.get(imageId)?.rows.get(memberKey);
  }

  putMember(memberKey: string, member: MemberRecord): void {
    const table = this.tableFor(member.imageId);
    const previous = table.rows.get(memberKey);
    table.live += (member.deleted ? 0 : 1) - (previous && !previous.deleted ? 1 : 0);
    table.rows.set(memberKey, member);
  }

  listMembers(imageId: string): MemberRecord[] {
    const rows = this.membersByImage.get(imageId)?.rows.values() ?? [];
    return [...rows].filter((member) => !member.deleted);
  }

  countMembers(imageId: string): number {
    return this.membersByImage.get(imageId)?.live ?? 0;
  }

  clear(): void {
    this.imagesById.clear();
    this.membersByImage.clear();
  }

  private tableFor(imageId: string): MemberTable {
    let table = this.membersByImage.get(imageId);
    if (!table) {
      table = { rows: new Map(), live: 0 };
      this.membersByImage.set(imageId, table);
    }
    return table;
  }
}
