import { GlanceErrors } from '../glance-errors';
import { isOwner } from '../images';
import { mayPublicize, type GlancePolicy } from './glance-policy';

/**
 * Zed's default policy with glance.api.authorization: reading needs no role,
 * only the owner (or an admin) changes an image, its data, tags and members,
 * each refused in the controller's own words; the owner never changes a member's status.
 */
export const legacyPolicy: GlancePolicy = {
  name: 'legacy',
  images: {
    read: () => undefined,
    list: () => undefined,
    add: () => undefined,
    publicize(context) {
      if (!mayPublicize(context)) throw GlanceErrors.publicizeForbidden();
    },
    createOwnedBy(context, owner) {
      if (!context.isAdmin && owner !== context.projectId) throw GlanceErrors.createOwnedByOtherForbidden(owner);
    },
    modify(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.notImageOwner();
    },
    delete(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.notImageOwner();
    },
    removeLocation(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.notImageOwner();
    },
    setLocation: () => undefined,
    upload(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.uploadForbidden(image.id);
    },
    download: () => undefined,
    tag(context, image, op) {
      if (context.isAdmin || isOwner(context, image)) return;
      throw op === 'add' ? GlanceErrors.tagUpdateForbidden(image.id) : GlanceErrors.tagDeleteForbidden(image.id);
    },
    act(context, image) {
      if (!context.isAdmin && !isOwner(context, image)) throw GlanceErrors.notImageOwner();
    },
  },
  members: {
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
  },
};
