import type { ImageRecord } from '../domain/images';
import type { MemberRecord } from '../domain/members.types';

/**
 * What the domain needs from storage. Lookups by image id and by member key
 * are O(1); a member list is O(members of that image).
 */
export interface GlanceStore {
  getImage(imageId: string): ImageRecord | undefined;
  putImage(image: ImageRecord): void;
  images(): Iterable<ImageRecord>;

  /** The row for this member key, deleted or not. */
  getMember(imageId: string, memberKey: string): MemberRecord | undefined;
  putMember(memberKey: string, member: MemberRecord): void;
  /** Live (not deleted) members, in row order. */
  listMembers(imageId: string): MemberRecord[];
  countMembers(imageId: string): number;

  /** Forget everything. */
  clear(): void;
}
