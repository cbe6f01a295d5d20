import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { GlanceStore } from './ports/image-store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageLookup } from './image-lookup';
import type { ImageRecord } from './images';
import { isOwner } from './images';
import type { GlancePolicy, MemberTarget } from './policy/glance-policy';
import { assertStorableMember, pythonStr, storedMemberId } from './member-values';
import type { MemberRecord } from './members.types';
import { isMemberStatus } from './members.types';
import type { DbProfile } from './profiles';

export interface MembersDeps {
  store: GlanceStore;
  images: ImageLookup;
  db: DbProfile;
  policy: GlancePolicy;
  /** Glance's `image_member_quota`: negative is unlimited. */
  memberQuota: number;
  clock: Clock;
}

/**
 * Membership decisions, in the order the real Glance makes them: image lookup
 * (404), "only shared images have members" (403, or 404 for show), policy,
 * member lookup (404), then the operation's own checks.
 */
export class MembersService {
  constructor(private readonly deps: MembersDeps) {}

  /**
   * `member` is the body's value as parsed: Glance checks its type only when it
   * reaches the database, after the quota and duplicate checks.
   */
  create(context: RequestContext, imageId: string, member: unknown): MemberRecord {
    const image = this.sharedImage(context, imageId, GlanceErrors.createMemberForbidden);
    this.deps.policy.members.add(context, image);
    this.enforceQuota(image);
    const memberId = storedMemberId(member, this.deps.db);
    const key = this.deps.db.memberKey(memberId);
    if (this.liveMember(image, memberId) || this.numericTwin(image, member))
      throw GlanceErrors.duplicateMember(pythonStr(member), image.id);
    assertStorableMember(memberId, this.deps.db);
    const now = this.now();
    const created: MemberRecord = { imageId: image.id, memberId, status: 'pending', createdAt: now, updatedAt: now, deleted: false };
    this.deps.store.putMember(key, created);
    return created;
  }

  /** Others than the owner (and admins) see only their own row: read just that one. */
  list(context: RequestContext, imageId: string): readonly MemberRecord[] {
    const image = this.sharedImage(context, imageId, GlanceErrors.listMembersForbidden);
    if (context.isAdmin || isOwner(context, image)) return this.deps.store.listMembers(image.id);
    const own = this.deps.images.callerMembership(context, image);
    return own ? [own] : [];
  }

  show(context: RequestContext, imageId: string, memberId: string): MemberRecord {
    // Glance answers 404 where it would refuse, "to prevent information leakage".
    const image = this.sharedImage(context, imageId, GlanceErrors.showMemberOfUnsharedImage);
    return this.lookupMember(context, image, memberId);
  }

  update(context: RequestContext, imageId: string, memberId: string, status: unknown): MemberRecord {
    const image = this.sharedImage(context, imageId, GlanceErrors.updateMemberForbidden);
    this.deps.policy.members.update(context, image, this.target(context, image, memberId));
    const member = this.lookupMember(context, image, memberId);
    if (!isMemberStatus(status)) throw GlanceErrors.invalidMemberStatus();
    const updated: MemberRecord = { ...member, status, updatedAt: this.now() };
    this.deps.store.putMember(this.deps.db.memberKey(member.memberId), updated);
    return updated;
  }

  remove(context: RequestContext, imageId: string, memberId: string): void {
    const image = this.sharedImage(context, imageId, GlanceErrors.deleteMemberForbidden);
    this.deps.policy.members.remove(context, image, this.target(context, image, memberId));
    const member = this.lookupMember(context, image, memberId);
    const deleted: MemberRecord = { ...member, deleted: true, updatedAt: this.now() };
    this.deps.store.putMember(this.deps.db.memberKey(member.memberId), deleted);
  }

  /** The image lookup, then the sharing check every member call makes, then the policy's read check. */
  private sharedImage(context: RequestContext, imageId: string, unshared: (imageId: string) => Error): ImageRecord {
    const image = this.deps.images.visibleImage(context, imageId);
    if (image.visibility !== 'shared') throw unshared(imageId);
    this.deps.policy.members.read(context);
    return image;
  }

  private target(context: RequestContext, image: ImageRecord, memberId: string): MemberTarget {
    const member = this.liveMember(image, memberId);
    return {
      memberId,
      isCaller: this.isSameProject(context, memberId),
      isVisible: member !== undefined && this.canSeeMember(context, image, member),
    };
  }

  private enforceQuota(image: ImageRecord): void {
    const maximum = this.deps.memberQuota;
    if (maximum < 0) return;
    const attempted = this.deps.store.countMembers(image.id) + 1;
    if (attempted > maximum) throw GlanceErrors.memberLimitExceeded(image.id, attempted, maximum);
  }

  /** Glance's `_image_member_find`: non-admins see rows of their own images and their own rows. */
  private canSeeMember(context: RequestContext, image: ImageRecord, member: MemberRecord): boolean {
    return context.isAdmin || isOwner(context, image) || this.isSameProject(context, member.memberId);
  }

  /** A member the database's numeric comparison finds for a number `member` (MySQL: [False] finds "abc"). */
  private numericTwin(image: ImageRecord, member: unknown): boolean {
    const operand = this.deps.db.numericOperand(member);
    if (operand === undefined) return false;
    return this.deps.store.listMembers(image.id).some((m) => !m.deleted && this.deps.db.textAsNumber(m.memberId) === operand);
  }

  private liveMember(image: ImageRecord, memberId: string): MemberRecord | undefined {
    return this.deps.store.getMember(image.id, this.deps.db.memberKey(memberId));
  }

  private lookupMember(context: RequestContext, image: ImageRecord, memberId: string): MemberRecord {
    const member = this.liveMember(image, memberId);
    if (!member || !this.canSeeMember(context, image, member)) throw GlanceErrors.memberNotFound(memberId, image.id);
    return member;
  }

  /** Member ids compare as the database compares them (MySQL: case-insensitively). */
  private isSameProject(context: RequestContext, memberId: string): boolean {
    const keys = this.deps.images.callerKeys(context);
    return keys !== null && keys.member === this.deps.db.memberKey(memberId);
  }

  private now(): string {
    return glanceTimestamp(this.deps.clock.now());
  }
}
