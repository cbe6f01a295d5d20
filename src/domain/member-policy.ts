import type { RequestContext } from './context';
import { hasRole } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageRecord } from './images';
import { isOwner } from './images';
import type { PolicyName } from './profiles';

/** What a policy may ask about the member named in the path, as the caller would see it. */
export interface MemberTarget {
  memberId: string;
  /** The caller's project is the member named in the path. */
  isCaller: boolean;
  /** The member exists and the caller may see its row. */
  isVisible: boolean;
}

/**
 * The authorisation step of each member call, run after the image lookup and
 * the "only shared images have members" check. Legacy is Zed's default;
 * secure RBAC is `enforce_secure_rbac` with `enforce_new_defaults`.
 */
export interface MemberPolicy {
  readonly name: PolicyName;
  /** Reading the image at all (every call). */
  read(context: RequestContext): void;
  add(context: RequestContext, image: ImageRecord): void;
  update(context: RequestContext, image: ImageRecord, target: MemberTarget): void;
  remove(context: RequestContext, image: ImageRecord, target: MemberTarget): void;
}

/** glance.api.authorization: only the owner adds and deletes; the owner never changes a status. */
export const legacyPolicy: MemberPolicy = {
  name: 'legacy',
  read: () => undefined,
  add(context, image) {
    if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.createMemberForbidden(image.id);
  },
  update(context, image) {
    if (!context.isAdmin && isOwner(context, image)) throw GlanceErrors.updateMemberForbidden(image.id);
  },
  remove(context, image) {
    if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.deleteMemberForbidden(image.id);
  },
};

const isReader = (context: RequestContext) => context.isAdmin || hasRole(context.roles, 'reader');
const isProjectMember = (context: RequestContext) => hasRole(context.roles, 'member');

/**
 * Zed's new defaults, as the real server answers them: without `reader` the
 * image is not found; add and delete need `member` on the owning project,
 * status changes `member` on the member's own project. A refusal reads 403
 * only where the caller could see the member row; otherwise the member is not found.
 */
export const secureRbacPolicy: MemberPolicy = {
  name: 'secure-rbac',
  read(context) {
    if (!isReader(context)) throw GlanceErrors.resourceNotFound();
  },
  add(context, image) {
    if (context.isAdmin || (isProjectMember(context) && isOwner(context, image))) return;
    throw GlanceErrors.policyForbidden('add_member');
  },
  update(context, image, target) {
    if (context.isAdmin || (isProjectMember(context) && target.isCaller)) return;
    refuse('modify_member', image, target);
  },
  remove(context, image, target) {
    if (context.isAdmin || (isProjectMember(context) && isOwner(context, image))) return;
    refuse('delete_member', image, target);
  },
};

function refuse(action: string, image: ImageRecord, target: MemberTarget): never {
  if (target.isVisible) throw GlanceErrors.policyForbidden(action);
  throw GlanceErrors.memberNotFound(target.memberId, image.id);
}

export const memberPolicies: Record<PolicyName, MemberPolicy> = {
  legacy: legacyPolicy,
  'secure-rbac': secureRbacPolicy,
};
