export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const isMemberStatus = (value: unknown): value is MemberStatus =>
  typeof value === 'string' && (MEMBER_STATUSES as readonly string[]).includes(value);

/**
 * One row of Glance's `image_members` table. Glance soft-deletes a membership
 * and reuses the row when the same member is added again, so a deleted row
 * stays in the store (and keeps its place in the list order).
 */
export interface MemberRecord {
  imageId: string;
  memberId: string;
  status: MemberStatus;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
}
