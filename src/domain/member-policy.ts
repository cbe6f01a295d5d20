import type { RequestContext } from './context';
import { hasRole } from './context';
import { GlanceErrors } from './glance-errors';
import type { ImageRecord } from './images';
import { isOwner } from './images';
import type { PolicyName } from './profiles';

export type MemberAction = 'add_member' | 'get_members' | 'get_member' | 'modify_member' | 'delete_member';

/**
 * The oslo.policy step of Glance's member API (glance/api/v2/policy.py
 * MemberAPIPolicy), run after the image lookup and before the member lookup.
 */
export interface MemberPolicy {
  readonly name: PolicyName;
  enforce(action: MemberAction, context: RequestContext, image: ImageRecord, isMemberOf: boolean): void;
}

/** Zed's default: the deprecated `rule:default` rules, which allow everything. */
export const legacyPolicy: MemberPolicy = {
  name: 'legacy',
  enforce: () => undefined,
};

/**
 * `enforce_secure_rbac` with `enforce_new_defaults`: project-member and reader
 * roles gate each action; a caller who may not even read the image gets 404.
 */
export const secureRbacPolicy: MemberPolicy = {
  name: 'secure-rbac',
  enforce(action, context, image, isMemberOf) {
    if (context.isAdmin) return;
    const reader = hasRole(context.roles, 'reader') || hasRole(context.roles, 'member');
    const member = hasRole(context.roles, 'member');
    if (!reader) throw GlanceErrors.resourceNotFound();
    const owner = isOwner(context, image);
    const allowed: Record<MemberAction, boolean> = {
      add_member: member && owner,
      delete_member: member && owner,
      get_members: owner || isMemberOf,
      get_member: owner || isMemberOf,
      modify_member: member && isMemberOf,
    };
    if (!allowed[action]) throw GlanceErrors.policyForbidden(action);
  },
};

export const memberPolicies: Record<PolicyName, MemberPolicy> = {
  legacy: legacyPolicy,
  'secure-rbac': secureRbacPolicy,
};
