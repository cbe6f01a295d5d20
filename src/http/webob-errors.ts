import { GlanceError, GlanceErrors as DomainErrors, GlanceMessages, type GlanceStatus } from '../domain/glance-errors';

/** The JSON-patch media types Glance's PATCH accepts; the first is the old patch format. */
export const PATCH_MEDIA_TYPES = ['application/openstack-images-v2.0-json-patch', 'application/openstack-images-v2.1-json-patch'];

/** A Glance error that webob answers with headers of its own (405 `Allow`, 415 `Accept-Patch`). */
export class WebobError extends GlanceError {
  constructor(
    status: GlanceStatus,
    explanation: string,
    readonly headers: Record<string, string>,
  ) {
    super(status, explanation);
  }
}

/**
 * The errors the HTTP layer raises: the domain's, and the ones only routing
 * and body decoding raise (webob's 405 and 415).
 */
export const GlanceErrors = {
  ...DomainErrors,
  methodNotAllowed: (method: string, allow: string) => new WebobError(405, GlanceMessages.methodNotAllowed(method), { Allow: allow }),
  unsupportedPatchType: (contentType: string) =>
    new WebobError(415, GlanceMessages.unsupportedMediaType(contentType), { 'Accept-Patch': PATCH_MEDIA_TYPES.join(', ') }),
  uploadMediaType: (contentType: string) => new WebobError(415, GlanceMessages.unsupportedMediaType(contentType), {}),
};
