/**
 * Every message the mock answers with, worded exactly as Glance Zed words it,
 * and the one error class the domain throws. The HTTP layer turns a
 * GlanceError into Glance's status line and body (see http/error-format.ts).
 */

export type GlanceStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 416 | 500;

/** Which of webob's body templates the error uses: most share one; 405 and 415 have their own. */
export type ErrorTemplate = 'default' | 'method-not-allowed' | 'unsupported-media-type';

export interface GlanceErrorExtras {
  headers?: Record<string, string>;
  /** webob's `detail`, printed on the line after the explanation. */
  detail?: string;
  template?: ErrorTemplate;
}

export class GlanceError extends Error {
  readonly headers: Record<string, string>;
  readonly detail: string;
  readonly template: ErrorTemplate;

  constructor(
    readonly status: GlanceStatus,
    readonly explanation: string,
    extras: GlanceErrorExtras = {},
  ) {
    super(explanation);
    this.name = 'GlanceError';
    this.headers = extras.headers ?? {};
    this.detail = extras.detail ?? '';
    this.template = extras.template ?? 'default';
  }
}

export const PATCH_MEDIA_TYPES = ['application/openstack-images-v2.0-json-patch', 'application/openstack-images-v2.1-json-patch'];
const PATCH_OPS = 'add, remove, replace';

const error = (status: GlanceStatus) => (explanation: string) => new GlanceError(status, explanation);
const badRequest = error(400);
const forbidden = error(403);
const notFound = error(404);

/** Python's `str.title()`: each run of letters capitalised (`os_distro` → `Os_Distro`). */
function pythonTitle(text: string): string {
  let afterLetter = false;
  return [...text]
    .map((c) => {
      const cased = c.toLowerCase() !== c.toUpperCase();
      const out = cased ? (afterLetter ? c.toLowerCase() : c.toUpperCase()) : c;
      afterLetter = cased;
      return out;
    })
    .join('');
}

/** Glance's messages, by the situation that produces them. */
export const GlanceMessages = {
  // webob defaults (glance raises the bare exception class)
  unauthorized:
    'This server could not verify that you are authorized to access the document you requested. ' +
    'Either you supplied the wrong credentials (e.g., bad password), or your browser does not ' +
    'understand how to supply the credentials required.',
  resourceNotFound: 'The resource could not be found.',
  serverError: 'The server has either erred or is incapable of performing the requested operation.',

  // glance.common.wsgi.JSONRequestDeserializer
  bodyExpected: 'Body expected in request.',
  malformedJson: 'Malformed JSON in request body.',
  unexpectedBodyType: 'Unexpected body type. Expected list/dict.',

  // glance.api.v2.image_members.RequestDeserializer
  memberNotSpecified: 'Member to be added not specified',
  memberEmpty: "Member can't be empty",
  memberForm: 'Expected a member in the form: {"member": "image_id"}',
  statusNotSpecified: 'Status not specified',
  statusForm: 'Expected a status in the form: {"status": "status"}',
  invalidMemberStatus: 'Incorrect request: Status must be "pending", "accepted" or "rejected".',

  // glance.api.v2.image_members.ImageMembersController
  imageNotFound: (imageId: string) => `Image ${imageId} not found.`,
  memberNotFound: (memberId: string, imageId: string) => `${memberId} not found in the member list of the image ${imageId}.`,
  createMemberForbidden: (imageId: string) => `Not allowed to create members for image ${imageId}.`,
  updateMemberForbidden: (imageId: string) => `Not allowed to update members for image ${imageId}.`,
  deleteMemberForbidden: (imageId: string) => `Not allowed to delete members for image ${imageId}.`,
  listMembersForbidden: (imageId: string, inner: string) => `Not allowed to list members for image ${imageId}: ${inner}`,
  onlySharedHaveMembers: 'Only shared images have members.',
  duplicateMember: (memberId: string, imageId: string) => `Member ${memberId} is duplicated for image ${imageId}`,
  memberLimitExceeded: (imageId: string, attempted: number, maximum: number) =>
    `Image member limit exceeded for image ${imageId}: The limit has been exceeded on the number ` +
    `of allowed image members for this image. Attempted: ${attempted}, Maximum: ${maximum}:`,

  // glance.api.v2.policy under enforce_new_defaults
  policyForbidden: (action: string) => `You are not authorized to complete ${action} action.`,

  // glance.api.v2.images
  noImageWithId: (imageId: string) => `No image found with ID ${imageId}`,
  imageIdExists: (imageId: string) => `Image ID ${imageId} already exists!`,
  readOnlyAttribute: (name: string) => `Attribute '${name}' is read-only.`,
  accessDenied: 'Access was denied to this resource.',
  conflict: 'There was a conflict when trying to complete your request.',
  reservedAttribute: (name: string) => `Attribute '${name}' is reserved.`,
  createOwnedByOther: (owner: string | null) => `You are not permitted to create images owned by '${owner ?? 'None'}'`,
  schemaMismatch: (schema: string, reason: string) => `Provided object does not match schema '${schema}': ${reason}`,
  invalidMemberStatusFilter: (value: string) => `Invalid status: ${value}`,
  invalidVisibilityFilter: (value: string) => `Invalid visibility value: ${value}`,
} as const;

/** Constructors for the errors the domain raises, named by situation. */
export const GlanceErrors = {
  unauthorized: () => new GlanceError(401, GlanceMessages.unauthorized),
  resourceNotFound: () => notFound(GlanceMessages.resourceNotFound),
  methodNotAllowed: (method: string, allow: string) =>
    new GlanceError(405, `The method ${method} is not allowed for this resource.`, {
      headers: { Allow: allow },
      template: 'method-not-allowed',
    }),
  unsupportedPatchType: (contentType: string) =>
    new GlanceError(415, `The request media type ${contentType} is not supported by this server.`, {
      headers: { 'Accept-Patch': PATCH_MEDIA_TYPES.join(', ') },
      template: 'unsupported-media-type',
    }),
  serverError: () => new GlanceError(500, GlanceMessages.serverError),

  bodyExpected: () => badRequest(GlanceMessages.bodyExpected),
  bodyNotExpected: () => badRequest('A body is not expected with this request.'),
  malformedJson: () => badRequest(GlanceMessages.malformedJson),
  unexpectedBodyType: () => badRequest(GlanceMessages.unexpectedBodyType),
  memberNotSpecified: () => badRequest(GlanceMessages.memberNotSpecified),
  memberEmpty: () => badRequest(GlanceMessages.memberEmpty),
  memberForm: () => badRequest(GlanceMessages.memberForm),
  statusNotSpecified: () => badRequest(GlanceMessages.statusNotSpecified),
  statusForm: () => badRequest(GlanceMessages.statusForm),
  invalidMemberStatus: () => badRequest(GlanceMessages.invalidMemberStatus),

  imageNotFound: (imageId: string) => notFound(GlanceMessages.imageNotFound(imageId)),
  memberNotFound: (memberId: string, imageId: string) => notFound(GlanceMessages.memberNotFound(memberId, imageId)),
  createMemberForbidden: (imageId: string) => forbidden(GlanceMessages.createMemberForbidden(imageId)),
  updateMemberForbidden: (imageId: string) => forbidden(GlanceMessages.updateMemberForbidden(imageId)),
  deleteMemberForbidden: (imageId: string) => forbidden(GlanceMessages.deleteMemberForbidden(imageId)),
  listMembersForbidden: (imageId: string) => forbidden(GlanceMessages.listMembersForbidden(imageId, GlanceMessages.onlySharedHaveMembers)),
  showMemberOfUnsharedImage: () => notFound(GlanceMessages.onlySharedHaveMembers),
  duplicateMember: (memberId: string, imageId: string) => new GlanceError(409, GlanceMessages.duplicateMember(memberId, imageId)),
  memberLimitExceeded: (imageId: string, attempted: number, maximum: number) =>
    new GlanceError(413, GlanceMessages.memberLimitExceeded(imageId, attempted, maximum)),
  policyForbidden: (action: string) => forbidden(GlanceMessages.policyForbidden(action)),

  noImageWithId: (imageId: string) => notFound(GlanceMessages.noImageWithId(imageId)),
  imageIdExists: (imageId: string) => new GlanceError(409, GlanceMessages.imageIdExists(imageId)),
  // exception.ImageNotFound() raised bare by `_check_image_id`: its template is never filled in.
  markerIdTooLong: () => badRequest('Image with the given id %(image_id)s was not found'),
  locationsEmpty: () => new GlanceError(403, GlanceMessages.accessDenied, { detail: 'Cannot set locations to empty list.' }),
  locationsInvisible: (action: 'add' | 'update' | 'remove') =>
    forbidden(`It's not allowed to ${action} locations if locations are invisible.`),
  fourBytePropertyName: () => badRequest("Property names can't contain 4 byte unicode."),
  fourByteValue: (column: string) => badRequest(`${pythonTitle(column)} can't contain 4 byte unicode characters.`),
  readOnlyAttribute: (name: string) => forbidden(GlanceMessages.readOnlyAttribute(name)),
  reservedAttribute: (name: string) =>
    new GlanceError(403, GlanceMessages.accessDenied, { detail: GlanceMessages.reservedAttribute(name) }),
  ownerNotUpdatable: () => new GlanceError(403, GlanceMessages.accessDenied, { detail: "Owner can't be updated by non admin." }),
  notImageOwner: () => forbidden('You do not own this image'),
  propertyNotRemovable: (name: string) =>
    new GlanceError(403, GlanceMessages.accessDenied, { detail: `Property ${name} may not be removed.` }),
  reservedAttributePlain: (name: string) => forbidden(GlanceMessages.reservedAttribute(name)),
  patchOldFormat: () => badRequest('Operation objects must contain exactly one member named "add", "remove", or "replace".'),
  markerNotVisible: (imageId: string) => forbidden(`Forbidding request, image ${imageId} not visible`),
  sortSyntaxMixed: () => badRequest('Old and new sorting syntax cannot be combined'),
  propertyDoesNotExist: (name: string) => new GlanceError(409, GlanceMessages.conflict, { detail: `Property ${name} does not exist.` }),
  deleteImageNotFound: (imageId: string) => notFound(`Failed to find image ${imageId} to delete`),
  patchNotArray: () => badRequest('Request body must be a JSON array of operation objects.'),
  patchOperationNotObject: () => badRequest('Operations must be JSON objects.'),
  patchOpMissing: () => badRequest(`Unable to find \`op\` in JSON Schema change. It must be one of the following: ${PATCH_OPS}.`),
  patchOpInvalid: (op: string) => badRequest(`Invalid operation: \`${op}\`. It must be one of the following: ${PATCH_OPS}.`),
  patchPathMissing: () => badRequest("Unable to find 'path' in JSON Schema change"),
  patchValueMissing: (op: string) => badRequest(`Operation "${op}" requires a member named "value".`),
  patchPointerInvalid: (pointer: string, problem: string) => badRequest(`Pointer \`${pointer}\` ${problem}`),
  patchPathUnsupported: (path: string) => badRequest(`Invalid JSON pointer for this resource: '/${path}'`),
  createOwnedByOtherForbidden: (owner: string | null) => forbidden(`${GlanceMessages.createOwnedByOther(owner)}.`),
  createOwnedByOtherDenied: (owner: string | null) =>
    new GlanceError(403, GlanceMessages.accessDenied, { detail: GlanceMessages.createOwnedByOther(owner) }),
  publicizeForbidden: () => forbidden(GlanceMessages.policyForbidden('publicize_image')),
  deleteProtectedImage: (imageId: string) => forbidden(`Image ${imageId} is protected and cannot be deleted.`),
  schemaMismatch: (schema: string, reason: string) => badRequest(GlanceMessages.schemaMismatch(schema, reason)),
  invalidMemberStatusFilter: (value: string) => badRequest(GlanceMessages.invalidMemberStatusFilter(value)),
  invalidVisibilityFilter: (value: string) => badRequest(GlanceMessages.invalidVisibilityFilter(value)),
  invalidSortKey: (key: string, keys: readonly string[]) =>
    badRequest(`Invalid sort key: ${key}. It must be one of the following: ${keys.join(', ')}.`),
  invalidSortDirection: (dir: string) => badRequest(`Invalid sort direction: ${dir}`),
  limitNotInteger: () => badRequest('limit param must be an integer'),
  limitNegative: () => badRequest('limit param must be positive'),
  invalidOsHidden: (value: string) => badRequest(`Invalid value '${value}' for 'os_hidden' filter. Valid values are 'true' or 'false'.`),
  propertyKeyTooLong: () => badRequest('Custom property should not be greater than 255 characters.'),
  member4ByteCharacters: () => badRequest("Member can't contain 4 byte unicode characters."),
  badRequest,
  forbidden,
  notFound,
  ...ImageDataErrors(),
};

/** Image data, tags and actions (glance/api/v2/image_data.py, image_tags.py, image_actions.py). */
function ImageDataErrors() {
  const tooLarge = (explanation: string) => new GlanceError(413, explanation);
  const rangeNotSatisfiable = (detail: string) => new GlanceError(416, 'The Range requested is not available.', { detail });
  return {
    uploadMediaType: (contentType: string) =>
      new GlanceError(415, `The request media type ${contentType} is not supported by this server.`, {
        template: 'unsupported-media-type',
      }),
    uploadForbidden: (imageId: string) => forbidden(`Not allowed to upload image data for image ${imageId}`),
    statusTransition: (from: string, to: string) => new GlanceError(409, `Image status transition from ${from} to ${to} is not allowed`),
    formatsRequired: (missing: string[]) =>
      badRequest(`${missing.length === 1 ? 'Property' : 'Properties'} ${missing.join(', ')} must be set prior to saving data.`),
    imageTooLarge: () => tooLarge('The incoming image is too large: The provided image is too large.'),
    storageQuotaFull: (size: number | 'None', remaining: number) =>
      tooLarge(`Image exceeds the storage quota: The size of the data ${size} will exceed the limit. ${remaining} bytes remaining.`),
    /** Not Glance's (it reads a body of any size): the mock's own bound on a request body it buffers. */
    mockBodyTooLarge: (limit: number) =>
      tooLarge(
        `The request body is too large: glance-mock reads at most ${limit} bytes of a request body ` +
          '(option maxRequestBody / --max-request-body).',
      ),
    /** Not Glance's: the mock's own bound on the image data it keeps in memory. */
    mockMemoryFull: (limit: number) =>
      tooLarge(
        `The incoming image is too large: glance-mock keeps at most ${limit} bytes of image data in memory ` +
          '(option dataMemoryLimit / --data-memory-limit).',
      ),
    imageGoneDuringUpload: (imageId: string) =>
      new GlanceError(
        410,
        `Image ${imageId} could not be found after upload. The image may have been deleted during the upload, ` +
          'cleaning up the chunks uploaded.',
      ),
    imageDeactivated: () => forbidden('The requested image has been deactivated. Image data download is forbidden.'),
    multipleRanges: () =>
      badRequest('Requests with multiple ranges are not supported in Glance. You may make multiple single-range requests instead.'),
    invalidRange: () => rangeNotSatisfiable('Invalid Range header.'),
    invalidContentRange: () => rangeNotSatisfiable('Invalid Content-Range header.'),
    rangeStartBeyond: (header: 'Range' | 'Content-Range', last: number) =>
      rangeNotSatisfiable(`Invalid start position in ${header} header. Start position MUST be in the inclusive range [0, ${last}].`),
    contentRangeStopBeyond: (last: number) =>
      rangeNotSatisfiable(`Invalid stop position in Content-Range header. The stop position MUST be in the inclusive range [0, ${last}].`),
    tagUpdateForbidden: (imageId: string) => forbidden(`Not allowed to update tags for image ${imageId}.`),
    tagDeleteForbidden: (imageId: string) => forbidden(`Not allowed to delete tags for image ${imageId}.`),
    tagLimitExceeded: (imageId: string, attempted: number, maximum: number) =>
      tooLarge(`Image tag limit exceeded for image ${imageId}: ${tagLimit(attempted, maximum)}:`),
    tagLimitExceededOnImage: (attempted: number, maximum: number) => tooLarge(tagLimit(attempted, maximum)),
    rangeNotNumeric: () => badRequest('Unable to filter on a range with a non-numeric value.'),
    actionInStatusForbidden: (action: 'deactivate' | 'reactivate', status: string) =>
      forbidden(`Not allowed to ${action} image in status '${status}'`),
  };
}

const tagLimit = (attempted: number, maximum: number) =>
  `The limit has been exceeded on the number of allowed image tags. Attempted: ${attempted}, Maximum: ${maximum}`;

/**
 * webob's default explanation for each error status: what Glance answers when
 * it raises the bare exception class (`webob.exc.HTTPServiceUnavailable()`),
 * and what an injected fault `{"status": 503}` answers.
 */
export const WEBOB_EXPLANATIONS: Readonly<Record<number, string>> = {
  400: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  401: GlanceMessages.unauthorized,
  402: 'Access was denied for financial reasons.',
  403: 'Access was denied to this resource.',
  404: GlanceMessages.resourceNotFound,
  405: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  406: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  407: 'Authentication with a local proxy is needed.',
  408: 'The server has waited too long for the request to be sent by the client.',
  409: 'There was a conflict when trying to complete your request.',
  410: 'This resource is no longer available. No forwarding address is given.',
  411: 'Content-Length header required.',
  412: 'Request precondition failed.',
  413: 'The body of your request was too large for this server.',
  414: 'The request URI was too long for this server.',
  415: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  416: 'The Range requested is not available.',
  417: 'Expectation failed.',
  422: 'Unable to process the contained instructions',
  423: 'The resource is locked',
  424: 'The method could not be performed because the requested action dependended on another action and that action failed',
  428: 'This request is required to be conditional',
  429: 'The client has sent too many requests in a given amount of time',
  431: 'The request header fields were too large',
  451: 'The resource is not available due to legal reasons.',
  500: GlanceMessages.serverError,
  501: GlanceMessages.serverError,
  502: 'Bad gateway.',
  503: 'The server is currently unavailable. Please try again at a later time.',
  504: 'The gateway has timed out.',
  505: 'The HTTP version is not supported.',
  507: 'There was not enough space to save the resource',
  511: 'Network authentication is required',
};
