import type { RequestContext } from '../context';
import { GlanceErrors } from '../glance-errors';
import { isOwner, type ImageRecord } from '../images';
import { isProjectMember, isReader, mayPublicize, type GlancePolicy, type MemberTarget } from './glance-policy';

/**
 * Zed's new defaults, as the real server answers them: without `reader` an
 * image is not found (webob's bare 404, even the caller's own, before any
 * other check of the call); changes need `member` on the owning project,
 * member status changes `member` on the member's own project; refusals read
 * `You are not authorized to complete <action> action.`
 */
export const secureRbacPolicy: GlancePolicy = {
  name: 'secure-rbac',
  images: {
    read: readImage,
    list(context) {
      if (!isReader(context)) throw GlanceErrors.policyForbidden('get_images');
    },
    add(context) {
      if (!context.isAdmin && !isProjectMember(context)) throw GlanceErrors.policyForbidden('add_image');
    },
    publicize(context) {
      if (!mayPublicize(context)) throw GlanceErrors.publicizeForbidden();
    },
    // The same refusal as legacy's, worded as webob's "access denied" with Glance's text as detail.
    createOwnedBy(context, owner) {
      if (!context.isAdmin && owner !== context.projectId) throw GlanceErrors.createOwnedByOtherDenied(owner);
    },
    modify(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.policyForbidden('modify_image');
    },
    delete(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.policyForbidden('delete_image');
    },
    // delete_image_location is left to admins alone.
    removeLocation(context) {
      if (!context.isAdmin) throw GlanceErrors.policyForbidden('delete_image_location');
    },
    setLocation(context, image) {
      ownerMember(context, image, 'set_image_location');
    },
    upload(context, image) {
      ownerMember(context, image, 'upload_image');
    },
    download(context) {
      if (!context.isAdmin && !isProjectMember(context)) throw GlanceErrors.policyForbidden('download_image');
    },
    tag(context, image) {
      ownerMember(context, image, 'modify_image');
    },
    act(context, image, action) {
      ownerMember(context, image, action);
    },
  },
  // A member refusal reads 403 only where the caller could see the member row; otherwise the member is not found.
  members: {
    read: readImage,
    add(context, image) {
      ownerMember(context, image, 'add_member');
    },
    update(context, image, target) {
      if (context.isAdmin || (isProjectMember(context) && target.isCaller)) return;
      refuseMember('modify_member', image, target);
    },
    remove(context, image, target) {
      if (context.isAdmin || (isProjectMember(context) && isOwner(context, image))) return;
      refuseMember('delete_member', image, target);
    },
  },
};

function readImage(context: RequestContext): void {
  if (!isReader(context)) throw GlanceErrors.resourceNotFound();
}

/** An admin, or `member` on the image's owning project. */
function ownerMember(context: RequestContext, image: ImageRecord, action: string): void {
  if (context.isAdmin || (isProjectMember(context) && isOwner(context, image))) return;
  throw GlanceErrors.policyForbidden(action);
}

function refuseMember(action: string, image: ImageRecord, target: MemberTarget): never {
  if (target.isVisible) throw GlanceErrors.policyForbidden(action);
  throw GlanceErrors.memberNotFound(target.memberId, image.id);
}
