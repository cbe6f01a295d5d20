import type { ImageRecord, Visibility } from '../images';
import type { MemberRecord, MemberStatus } from '../members.types';

/** A live membership with its image. */
export interface Membership {
  image: ImageRecord;
  member: MemberRecord;
}

/**
 * What the domain needs from storage: Glance's tables as its database keeps
 * them. Image ids compare as the database compares them; lookups by image id
 * and by member key are O(1); a member list is O(members of that image).
 * Deleted rows are kept only as far as they can change an answer.
 */
export interface GlanceStore {
  /** The live image with this id (compared as the database compares ids). */
  getImage(imageId: string): ImageRecord | undefined;
  /** An image ever had this id, deleted or not: Glance never gives it out again. */
  isImageIdTaken(imageId: string): boolean;
  /** Store an image; a stored record is never changed in place (its keys are indexed): put a new one. */
  putImage(image: ImageRecord): void;
  /** Soft-delete an image: its row and member rows go, its id stays taken. */
  deleteImage(imageId: string): void;
  /** Live images. */
  images(): Iterable<ImageRecord>;
  /**
   * Live images ascending by `created_at` (compared as stored), then by the
   * id's comparison key: Glance's default order read backwards. Read-only.
   */
  imagesByCreation(): readonly ImageRecord[];
  /** Live images whose owner has this comparison key (the `owner = :project` match). */
  imagesOwnedBy(ownerKey: string): Iterable<ImageRecord>;
  imagesWithVisibility(visibility: Visibility): Iterable<ImageRecord>;
  /** The live member rows of this member key (the `member = :project` match), with their images. */
  membershipsOf(memberKey: string): Iterable<Membership>;
  /** The same rows' images and statuses, handed over one by one without building anything (the image list's hot loop). */
  eachMembership(memberKey: string, visit: (image: ImageRecord, status: MemberStatus) => void): void;
  /** The comparison key of a stored image's owner, null for no owner. */
  ownerKey(image: ImageRecord): string | null;

  /** The live row for this member key. */
  getMember(imageId: string, memberKey: string): MemberRecord | undefined;
  /** Store a live row, or soft-delete it (`deleted: true`): a re-added member takes its old row's place. */
  putMember(memberKey: string, member: MemberRecord): void;
  /** Live (not deleted) members, in row order. */
  listMembers(imageId: string): readonly MemberRecord[];
  countMembers(imageId: string): number;

  /** Forget everything. */
  clear(): void;
}
