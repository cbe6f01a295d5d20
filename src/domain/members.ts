import type { Clock } from '../runtime/clock';
import { glanceTimestamp } from '../runtime/clock';
import type { GlanceStore } from '../store/store';
import type { RequestContext } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageRecord } from './images';
import { isOwner } from './images';
import type { ImageLookup } from './image-lookup';
import type { MemberPolicy } from './member-policy';
import type { MemberRecord } from './members.types';
import { isMemberStatus } from './members.types';
import type { DbProfile } from './profiles';

export interface MembersDeps {
  store: GlanceStore;
  images: ImageLookup;
  db: DbProfile;
  policy: MemberPolicy;
  /** Glance's `image_member_quota`: negative is unlimited. */
  memberQuota: number;
  clock: Clock;
}

/**
 * Membership decisions, in the order Glance's ImageMembersController makes
 * them: image lookup (404), policy, sharing rules (403), member lookup (404),
 * then the operation's own checks.
 */
export class MembersService {
  constructor(private readonly deps: MembersDeps) {}

  /** `member` is the body's value as parsed: Glance checks its type only when it reaches the database. */
  create(context: RequestContext, imageId: string, member: unknown): MemberRecord {
    const image = this.deps.images.visibleImage(context, imageId);
    this.enforce('add_member', context, image);
    // glance.api.authorization.ImageMemberFactoryProxy.new_image_member
    if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.createMemberForbidden(imageId);
    if (image.visibility !== 'shared') throw GlanceErrors.createMemberForbidden(imageId);
    // glance.quota.ImageMemberRepoProxy.add runs before the repository's duplicate check.
    this.enforceQuota(image);
    const memberId = storableMemberId(member);
    const key = this.deps.db.memberKey(memberId);
    const existing = this.deps.store.getMember(image.id, key);
    if (existing && !existing.deleted) throw GlanceErrors.duplicateMember(memberId, image.id);
    this.deps.db.assertStorable(memberId);
    const now = this.now();
    const created: MemberRecord = {
      imageId: image.id,
      memberId,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      deleted: false,
    };
    this.deps.store.putMember(key, created);
    return created;
  }

  list(context: RequestContext, imageId: string): MemberRecord[] {
    const image = this.deps.images.visibleImage(context, imageId);
    this.enforce('get_members', context, image);
    if (image.visibility !== 'shared') throw GlanceErrors.listMembersForbidden(imageId);
    const members = this.deps.store.listMembers(image.id);
    return members.filter((member) => this.canSeeMember(context, image, member));
  }

  show(context: RequestContext, imageId: string, memberId: string): MemberRecord {
    const image = this.deps.images.visibleImage(context, imageId);
    this.enforce('get_member', context, image);
    // Glance answers 404 where it would refuse, "to prevent information leakage".
    if (image.visibility !== 'shared') throw GlanceErrors.showMemberOfUnsharedImage();
    return this.lookupMember(context, image, memberId);
  }

  update(context: RequestContext, imageId: string, memberId: string, status: unknown): MemberRecord {
    const image = this.deps.images.visibleImage(context, imageId);
    this.enforce('modify_member', context, image);
    // The owner may not change a status, whatever the member or the value: checked before the lookup.
    if (!context.isAdmin && isOwner(context, image)) throw GlanceErrors.updateMemberForbidden(imageId);
    const member = this.lookupMember(context, image, memberId);
    if (!isMemberStatus(status)) throw GlanceErrors.invalidMemberStatus();
    const updated: MemberRecord = { ...member, status, updatedAt: this.now() };
    this.deps.store.putMember(this.deps.db.memberKey(member.memberId), updated);
    return updated;
  }

  remove(context: RequestContext, imageId: string, memberId: string): void {
    const image = this.deps.images.visibleImage(context, imageId);
    this.enforce('delete_member', context, image);
    if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.deleteMemberForbidden(imageId);
    if (image.visibility !== 'shared') throw GlanceErrors.deleteMemberForbidden(imageId);
    const member = this.lookupMember(context, image, memberId);
    this.deps.store.putMember(this.deps.db.memberKey(member.memberId), {
      ...member,
      deleted: true,
      updatedAt: this.now(),
    });
  }

  private enforce(action: Parameters<MemberPolicy['enforce']>[0], context: RequestContext, image: ImageRecord) {
    const isMemberOf = context.projectId !== null && this.deps.images.isMember(image, context.projectId);
    this.deps.policy.enforce(action, context, image, isMemberOf);
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

  private lookupMember(context: RequestContext, image: ImageRecord, memberId: string): MemberRecord {
    const member = this.deps.store.getMember(image.id, this.deps.db.memberKey(memberId));
    if (!member || member.deleted || !this.canSeeMember(context, image, member)) {
      throw GlanceErrors.memberNotFound(memberId, image.id);
    }
    return member;
  }

  private isSameProject(context: RequestContext, memberId: string): boolean {
    return context.projectId !== null && this.deps.db.memberKey(context.projectId) === this.deps.db.memberKey(memberId);
  }

  private now(): string {
    return glanceTimestamp(this.deps.clock.now());
  }
}

/**
 * A member id as the `image_members.member` column receives it: numbers are
 * stored as their text; lists, objects and booleans cannot be bound (500).
 */
function storableMemberId(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw GlanceErrors.serverError();
}
