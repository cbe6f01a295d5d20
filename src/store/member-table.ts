import type { ImageRecord } from '../domain/images';
import type { MemberRecord, MemberStatus } from '../domain/members.types';
import { MEMBER_STATUSES } from '../domain/members.types';
import type { CompactTime } from './compact-time';
import { packTime, unpackTime } from './compact-time';

/** A deleted row's status code. */
const DELETED = -1;
const STATUS_CODES: Readonly<Record<MemberStatus, number>> = { pending: 0, accepted: 1, rejected: 2 };

/**
 * One image's `image_members` rows, column by column and indexed by row
 * number (a row's place in the list order), so a row costs a few array slots
 * rather than objects of its own: a store of a million members stays small
 * for the garbage collector. Records are made when asked for. Deleted rows
 * keep only their member key and their place.
 */
export class MemberTable {
  private readonly keys: string[] = [];
  private readonly memberIds: string[] = [];
  private readonly statuses: number[] = [];
  private readonly created: CompactTime[] = [];
  private readonly updated: CompactTime[] = [];
  /** Member key → row, for deleted rows only (a live row is found through the store's membership index). */
  private deletedRows: Map<string, number> | undefined;
  private live = 0;
  /** The live records as last read, until a row changes: the same array while the list is the same. */
  private liveRead: readonly MemberRecord[] | undefined;

  /** The image as stored now, kept by the store: what a member's image list reads beside the row. */
  image: ImageRecord | undefined;

  constructor(readonly imageId: string) {}

  get liveCount(): number {
    return this.live;
  }

  get deletedCount(): number {
    return this.deletedRows?.size ?? 0;
  }

  get isEmpty(): boolean {
    return this.keys.length === 0;
  }

  /** The row a re-added member takes back, if it has a deleted one. */
  deletedRowOf(memberKey: string): number | undefined {
    return this.deletedRows?.get(memberKey);
  }

  status(row: number): MemberStatus {
    return MEMBER_STATUSES[this.statuses[row]];
  }

  record(row: number): MemberRecord {
    return {
      imageId: this.imageId,
      memberId: this.memberIds[row],
      status: MEMBER_STATUSES[this.statuses[row]],
      createdAt: unpackTime(this.created[row]),
      updatedAt: unpackTime(this.updated[row]),
      deleted: false,
    };
  }

  /** Store a live row at `row` (an existing row, or the next one); gives the row. */
  setLive(row: number, memberKey: string, member: MemberRecord): number {
    this.liveRead = undefined;
    if (row === this.keys.length || this.statuses[row] === DELETED) this.live++;
    this.deletedRows?.delete(memberKey);
    this.keys[row] = memberKey;
    // The member id is usually its own comparison key: one string serves both.
    this.memberIds[row] = member.memberId === memberKey ? memberKey : member.memberId;
    this.statuses[row] = STATUS_CODES[member.status];
    this.created[row] = packTime(member.createdAt);
    this.updated[row] = packTime(member.updatedAt);
    return row;
  }

  /** The next free row. */
  get nextRow(): number {
    return this.keys.length;
  }

  /**
   * Soft-delete a live row. A deleted row is remembered only for its place:
   * the last row needs no memory, whoever is added next takes that place anyway.
   */
  setDeleted(row: number, memberKey: string): void {
    this.liveRead = undefined;
    if (this.statuses[row] !== DELETED && row < this.keys.length) this.live--;
    if (row === this.keys.length - 1) {
      for (const column of [this.keys, this.memberIds, this.statuses, this.created, this.updated]) column.pop();
      this.deletedRows?.delete(memberKey);
      return;
    }
    this.keys[row] = memberKey;
    this.statuses[row] = DELETED;
    this.memberIds[row] = memberKey;
    this.created[row] = 0;
    this.updated[row] = 0;
    (this.deletedRows ??= new Map()).set(memberKey, row);
  }

  /** Add a deleted row at the end (a state being put back). */
  appendDeleted(memberKey: string): void {
    this.liveRead = undefined;
    const row = this.keys.length;
    this.keys.push(memberKey);
    this.memberIds.push(memberKey);
    this.statuses.push(DELETED);
    this.created.push(0);
    this.updated.push(0);
    (this.deletedRows ??= new Map()).set(memberKey, row);
  }

  /** Whether the live records are kept as last read. */
  get isRead(): boolean {
    return this.liveRead !== undefined;
  }

  /** Drop the records kept as last read (the next read makes them anew). */
  forgetRead(): void {
    this.liveRead = undefined;
  }

  /**
   * Live rows as records, in row order. Frozen, and the very same array until a
   * row changes, so a reader may keep what it derives from it (a written body)
   * keyed by the array.
   */
  liveRecords(): readonly MemberRecord[] {
    if (this.liveRead) return this.liveRead;
    const records = new Array<MemberRecord>(this.live);
    let at = 0;
    for (let row = 0; row < this.keys.length; row++) if (this.statuses[row] !== DELETED) records[at++] = Object.freeze(this.record(row));
    return (this.liveRead = Object.freeze(records));
  }

  /** Every row in order: live ones as records, deleted ones by their member key. */
  rows(): Array<{ key: string; member?: MemberRecord }> {
    return this.keys.map((key, row) => (this.statuses[row] === DELETED ? { key } : { key, member: this.record(row) }));
  }

  /** Live rows' member keys with their rows. */
  liveKeys(): Array<[string, number]> {
    const found: Array<[string, number]> = [];
    for (let row = 0; row < this.keys.length; row++) if (this.statuses[row] !== DELETED) found.push([this.keys[row], row]);
    return found;
  }
}
