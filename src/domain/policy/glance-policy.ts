import { hasRole, type RequestContext } from '../context';
import type { ImageRecord } from '../images';
import type { PolicyName } from '../profiles';

/** What a policy may ask about the member named in the path, as the caller would see it. */
export interface MemberTarget {
  memberId: string;
  /** The caller's project is the member named in the path. */
  isCaller: boolean;
  /** The member exists and the caller may see its row. */
  isVisible: boolean;
}

/**
 * The authorisation steps of the image calls, each run where Glance runs it
 * (after the image lookup unless said otherwise); each throws Glance's refusal.
 */
export interface ImagePolicy {
  /** `get_image`, on every call on one image. */
  read(context: RequestContext): void;
  /** `get_images`. */
  list(context: RequestContext): void;
  /** `add_image`, before anything else of a create. */
  add(context: RequestContext): void;
  /** `publicize_image`, for a create or a change to `public`. */
  publicize(context: RequestContext): void;
  /** A create naming an owner: only an admin names another project than its own. */
  createOwnedBy(context: RequestContext, owner: string | null): void;
  /** `modify_image`, for each change of a patch. */
  modify(context: RequestContext, image: ImageRecord): void;
  /** `delete_image`. */
  delete(context: RequestContext, image: ImageRecord): void;
  /** `delete_image_location`, for a patch removing locations. */
  removeLocation(context: RequestContext, image: ImageRecord): void;
  /** `set_image_location`, for a patch adding or replacing locations. */
  setLocation(context: RequestContext, image: ImageRecord): void;
  /** `upload_image`. */
  upload(context: RequestContext, image: ImageRecord): void;
  /** `download_image`, after the deactivated check. */
  download(context: RequestContext): void;
  /** Adding or deleting a tag (`modify_image`). */
  tag(context: RequestContext, image: ImageRecord, op: 'add' | 'remove'): void;
  /** `deactivate` and `reactivate`. */
  act(context: RequestContext, image: ImageRecord, action: 'deactivate' | 'reactivate'): void;
}

/**
 * The authorisation step of each member call, run after the image lookup and
 * the "only shared images have members" check.
 */
export interface MemberPolicy {
  /** Reading the image at all (every call). */
  read(context: RequestContext): void;
  add(context: RequestContext, image: ImageRecord): void;
  update(context: RequestContext, image: ImageRecord, target: MemberTarget): void;
  remove(context: RequestContext, image: ImageRecord, target: MemberTarget): void;
}

/**
 * One deployment's policy defaults, images and members alike: legacy is Zed's
 * default; secure RBAC is `enforce_secure_rbac` with `enforce_new_defaults`.
 */
export interface GlancePolicy {
  readonly name: PolicyName;
  readonly images: ImagePolicy;
  readonly members: MemberPolicy;
}

export const isReader = (context: RequestContext) => context.isAdmin || hasRole(context.roles, 'reader');
export const isProjectMember = (context: RequestContext) => hasRole(context.roles, 'member');
/**
 * `publicize_image: role:admin` is a policy rule on roles, not Glance's `is_admin`: a Glance
 * without Keystone makes every caller `is_admin` without roles, and still refuses it.
 */
export const mayPublicize = (context: RequestContext) => hasRole(context.roles, 'admin');
