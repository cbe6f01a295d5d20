/**
 * Every message the mock answers with, worded exactly as Glance Zed words it,
 * and the one error class the domain throws. The HTTP layer turns a
 * GlanceError into Glance's status line and body (see http/error-format.ts);
 * what only webob adds (headers, its own body templates) lives in http/webob-errors.ts.
 */

export type GlanceStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 416 | 500;

export interface GlanceErrorExtras {
  /** webob's `detail`, printed on the line after the explanation. */
  detail?: string;
  /**
   * The explanation in the pieces it was made of, when one may be a long value
   * (a schema error prints a 20 MiB name twice): rendered piece by piece, the
   * value is neither copied nor encoded twice.
   */
  pieces?: readonly string[];
}

export class GlanceError extends Error {
  readonly detail: string;
  /** The explanation in pieces; one piece for most errors. */
  readonly pieces: readonly string[];

  constructor(
    readonly status: GlanceStatus,
    readonly explanation: string,
    extras: GlanceErrorExtras = {},
  ) {
    super(explanation);
    this.name = 'GlanceError';
    this.detail = extras.detail ?? '';
    this.pieces = extras.pieces ?? [explanation];
  }
}

const PATCH_OPS = 'add, remove, replace';

const error = (status: GlanceStatus) => (explanation: string) => new GlanceError(status, explanation);
const badRequest = error(400);
const forbidden = error(403);
const notFound = error(404);
const tooLarge = error(413);
/** Joined with `+`, which links long strings rather than copying them. */
const inPieces = (status: GlanceStatus, pieces: readonly string[]) =>
  new GlanceError(
    status,
    pieces.reduce((text, piece) => text + piece, ''),
    { pieces },
  );
const withDetail = (status: GlanceStatus, explanation: string, detail: string) => new GlanceError(status, explanation, { detail });

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

const tagLimit = (attempted: number, maximum: number) =>
  `The limit has been exceeded on the number of allowed image tags. Attempted: ${attempted}, Maximum: ${maximum}`;

/** Glance's messages, by the situation that produces them. */
export const GlanceMessages = {
  // webob defaults (glance raises the bare exception class)
  unauthorized:
    'This server could not verify that you are authorized to access the document you requested. ' +
    'Either you supplied the wrong credentials (e.g., bad password), or your browser does not ' +
    'understand how to supply the credentials required.',
  resourceNotFound: 'The resource could not be found.',
  serverError: 'The server has either erred or is incapable of performing the requested operation.',
  methodNotAllowed: (method: string) => `The method ${method} is not allowed for this resource.`,
  unsupportedMediaType: (contentType: string) => `The request media type ${contentType} is not supported by this server.`,

  // glance.common.wsgi.JSONRequestDeserializer
  bodyExpected: 'Body expected in request.',
  bodyNotExpected: 'A body is not expected with this request.',
  malformedJson: 'Malformed JSON in request body.',
  unexpectedBodyType: 'Unexpected body type. Expected list/dict.',

  // glance.api.middleware.context: a token whose service catalog is not JSON
  invalidServiceCatalog: 'Invalid service catalog json.',

  // glance.api.v2.image_members.RequestDeserializer
  memberNotSpecified: 'Member to be added not specified',
  memberEmpty: "Member can't be empty",
  memberForm: 'Expected a member in the form: {"member": "image_id"}',
  statusNotSpecified: 'Status not specified',
  statusForm: 'Expected a status in the form: {"status": "status"}',
  invalidMemberStatus: 'Incorrect request: Status must be "pending", "accepted" or "rejected".',
  member4ByteCharacters: "Member can't contain 4 byte unicode characters.",

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
  // exception.ImageNotFound() raised bare by `_check_image_id`: its template is never filled in.
  markerIdTooLong: 'Image with the given id %(image_id)s was not found',
  markerNotVisible: (imageId: string) => `Forbidding request, image ${imageId} not visible`,
  locationsEmpty: 'Cannot set locations to empty list.',
  locationsInvisible: (action: 'add' | 'update' | 'remove') => `It's not allowed to ${action} locations if locations are invisible.`,
  fourBytePropertyName: "Property names can't contain 4 byte unicode.",
  fourByteValue: (column: string) => `${pythonTitle(column)} can't contain 4 byte unicode characters.`,
  ownerNotUpdatable: "Owner can't be updated by non admin.",
  notImageOwner: 'You do not own this image',
  propertyNotRemovable: (name: string) => `Property ${name} may not be removed.`,
  propertyDoesNotExist: (name: string) => `Property ${name} does not exist.`,
  propertyKeyTooLong: 'Custom property should not be greater than 255 characters.',
  // glance.db.sqlalchemy.api._validate_db_int, whatever the database
  dbIntOutOfRange: (column: string, maximum: number) => `'${column}' value out of range, must not exceed ${maximum}.`,
  deleteImageNotFound: (imageId: string) => `Failed to find image ${imageId} to delete`,
  deleteProtectedImage: (imageId: string) => `Image ${imageId} is protected and cannot be deleted.`,
  sortSyntaxMixed: 'Old and new sorting syntax cannot be combined',
  invalidSortKey: (key: string, keys: readonly string[]) =>
    `Invalid sort key: ${key}. It must be one of the following: ${keys.join(', ')}.`,
  invalidSortDirection: (dir: string) => `Invalid sort direction: ${dir}`,
  limitNotInteger: 'limit param must be an integer',
  limitNegative: 'limit param must be positive',
  invalidOsHidden: (value: string) => `Invalid value '${value}' for 'os_hidden' filter. Valid values are 'true' or 'false'.`,
  rangeNotNumeric: 'Unable to filter on a range with a non-numeric value.',

  // glance.api.v2.images.RequestDeserializer: JSON patch
  patchOldFormat: 'Operation objects must contain exactly one member named "add", "remove", or "replace".',
  patchNotArray: 'Request body must be a JSON array of operation objects.',
  patchOperationNotObject: 'Operations must be JSON objects.',
  patchOpMissing: `Unable to find \`op\` in JSON Schema change. It must be one of the following: ${PATCH_OPS}.`,
  patchOpInvalid: (op: string) => `Invalid operation: \`${op}\`. It must be one of the following: ${PATCH_OPS}.`,
  patchPathMissing: "Unable to find 'path' in JSON Schema change",
  patchValueMissing: (op: string) => `Operation "${op}" requires a member named "value".`,
  patchPointerNotRooted: (pointer: string) => `Pointer \`${pointer}\` does not start with "/".`,
  patchPointerAdjacentSlashes: (pointer: string) => `Pointer \`${pointer}\` contains adjacent "/".`,
  patchPointerTrailingSlash: (pointer: string) => `Pointer \`${pointer}\` end with "/".`,
  patchPointerBadEscape: (pointer: string) => `Pointer \`${pointer}\` contains "~" not part of a recognized escape sequence.`,
  patchPathUnsupported: (path: string) => `Invalid JSON pointer for this resource: '/${path}'`,

  // glance.api.v2.image_data
  uploadForbidden: (imageId: string) => `Not allowed to upload image data for image ${imageId}`,
  statusTransition: (from: string, to: string) => `Image status transition from ${from} to ${to} is not allowed`,
  formatsRequired: (missing: string[]) =>
    `${missing.length === 1 ? 'Property' : 'Properties'} ${missing.join(', ')} must be set prior to saving data.`,
  imageTooLarge: 'The incoming image is too large: The provided image is too large.',
  storageQuotaFull: (size: number | 'None', remaining: number) =>
    `Image exceeds the storage quota: The size of the data ${size} will exceed the limit. ${remaining} bytes remaining.`,
  imageGoneDuringUpload: (imageId: string) =>
    `Image ${imageId} could not be found after upload. The image may have been deleted during the upload, ` +
    'cleaning up the chunks uploaded.',
  imageDeactivated: 'The requested image has been deactivated. Image data download is forbidden.',
  multipleRanges: 'Requests with multiple ranges are not supported in Glance. You may make multiple single-range requests instead.',
  rangeNotAvailable: 'The Range requested is not available.',
  invalidRange: 'Invalid Range header.',
  invalidContentRange: 'Invalid Content-Range header.',
  rangeStartBeyond: (header: 'Range' | 'Content-Range', last: number) =>
    `Invalid start position in ${header} header. Start position MUST be in the inclusive range [0, ${last}].`,
  contentRangeStopBeyond: (last: number) =>
    `Invalid stop position in Content-Range header. The stop position MUST be in the inclusive range [0, ${last}].`,

  // glance.api.v2.image_tags and image_actions
  tagUpdateForbidden: (imageId: string) => `Not allowed to update tags for image ${imageId}.`,
  tagDeleteForbidden: (imageId: string) => `Not allowed to delete tags for image ${imageId}.`,
  tagLimitExceeded: (imageId: string, attempted: number, maximum: number) =>
    `Image tag limit exceeded for image ${imageId}: ${tagLimit(attempted, maximum)}:`,
  tagLimitExceededOnImage: (attempted: number, maximum: number) => tagLimit(attempted, maximum),
  actionInStatusForbidden: (action: 'deactivate' | 'reactivate', status: string) => `Not allowed to ${action} image in status '${status}'`,

  /** Not Glance's: the mock's own bound on the image data it keeps in memory. */
  /** Not Glance's (it reads a body of any size): the mock's own bound on a request body it buffers. */
  mockBodyTooLarge: (limit: number) =>
    `The request body is too large: glance-mock reads at most ${limit} bytes of a request body ` +
    '(option maxRequestBody / --max-request-body).',
  mockMemoryFull: (limit: number) =>
    `The incoming image is too large: glance-mock keeps at most ${limit} bytes of image data in memory ` +
    '(option dataMemoryLimit / --data-memory-limit).',
} as const;

const M = GlanceMessages;

/** Constructors for the errors the domain raises, named by situation. */
export const GlanceErrors = {
  unauthorized: () => new GlanceError(401, M.unauthorized),
  resourceNotFound: () => notFound(M.resourceNotFound),
  serverError: () => new GlanceError(500, M.serverError),
  invalidServiceCatalog: () => withDetail(500, M.serverError, M.invalidServiceCatalog),

  bodyExpected: () => badRequest(M.bodyExpected),
  bodyNotExpected: () => badRequest(M.bodyNotExpected),
  malformedJson: () => badRequest(M.malformedJson),
  unexpectedBodyType: () => badRequest(M.unexpectedBodyType),
  memberNotSpecified: () => badRequest(M.memberNotSpecified),
  memberEmpty: () => badRequest(M.memberEmpty),
  memberForm: () => badRequest(M.memberForm),
  statusNotSpecified: () => badRequest(M.statusNotSpecified),
  statusForm: () => badRequest(M.statusForm),
  invalidMemberStatus: () => badRequest(M.invalidMemberStatus),
  member4ByteCharacters: () => badRequest(M.member4ByteCharacters),

  imageNotFound: (imageId: string) => notFound(M.imageNotFound(imageId)),
  memberNotFound: (memberId: string, imageId: string) => notFound(M.memberNotFound(memberId, imageId)),
  createMemberForbidden: (imageId: string) => forbidden(M.createMemberForbidden(imageId)),
  updateMemberForbidden: (imageId: string) => forbidden(M.updateMemberForbidden(imageId)),
  deleteMemberForbidden: (imageId: string) => forbidden(M.deleteMemberForbidden(imageId)),
  listMembersForbidden: (imageId: string) => forbidden(M.listMembersForbidden(imageId, M.onlySharedHaveMembers)),
  showMemberOfUnsharedImage: () => notFound(M.onlySharedHaveMembers),
  duplicateMember: (memberId: string, imageId: string) => new GlanceError(409, M.duplicateMember(memberId, imageId)),
  memberLimitExceeded: (imageId: string, attempted: number, maximum: number) =>
    tooLarge(M.memberLimitExceeded(imageId, attempted, maximum)),
  policyForbidden: (action: string) => forbidden(M.policyForbidden(action)),

  noImageWithId: (imageId: string) => notFound(M.noImageWithId(imageId)),
  markerNotFound: (imageId: string) => badRequest(M.noImageWithId(imageId)),
  imageIdExists: (imageId: string) => new GlanceError(409, M.imageIdExists(imageId)),
  markerIdTooLong: () => badRequest(M.markerIdTooLong),
  markerNotVisible: (imageId: string) => forbidden(M.markerNotVisible(imageId)),
  locationsEmpty: () => withDetail(403, M.accessDenied, M.locationsEmpty),
  locationsInvisible: (action: 'add' | 'update' | 'remove') => forbidden(M.locationsInvisible(action)),
  fourBytePropertyName: () => badRequest(M.fourBytePropertyName),
  fourByteValue: (column: string) => badRequest(M.fourByteValue(column)),
  readOnlyAttribute: (name: string) => forbidden(M.readOnlyAttribute(name)),
  reservedAttribute: (name: string) => withDetail(403, M.accessDenied, M.reservedAttribute(name)),
  reservedAttributePlain: (name: string) => forbidden(M.reservedAttribute(name)),
  ownerNotUpdatable: () => withDetail(403, M.accessDenied, M.ownerNotUpdatable),
  notImageOwner: () => forbidden(M.notImageOwner),
  propertyNotRemovable: (name: string) => withDetail(403, M.accessDenied, M.propertyNotRemovable(name)),
  propertyDoesNotExist: (name: string) => withDetail(409, M.conflict, M.propertyDoesNotExist(name)),
  propertyKeyTooLong: () => badRequest(M.propertyKeyTooLong),
  dbIntOutOfRange: (column: string, maximum: number) => badRequest(M.dbIntOutOfRange(column, maximum)),
  deleteImageNotFound: (imageId: string) => notFound(M.deleteImageNotFound(imageId)),
  deleteProtectedImage: (imageId: string) => forbidden(M.deleteProtectedImage(imageId)),
  createOwnedByOtherForbidden: (owner: string | null) => forbidden(`${M.createOwnedByOther(owner)}.`),
  createOwnedByOtherDenied: (owner: string | null) => withDetail(403, M.accessDenied, M.createOwnedByOther(owner)),
  publicizeForbidden: () => forbidden(M.policyForbidden('publicize_image')),
  schemaMismatch: (schema: string, reason: readonly string[]) => inPieces(400, [M.schemaMismatch(schema, ''), ...reason]),
  invalidMemberStatusFilter: (value: string) => badRequest(M.invalidMemberStatusFilter(value)),
  invalidVisibilityFilter: (value: string) => badRequest(M.invalidVisibilityFilter(value)),
  sortSyntaxMixed: () => badRequest(M.sortSyntaxMixed),
  invalidSortKey: (key: string, keys: readonly string[]) => badRequest(M.invalidSortKey(key, keys)),
  invalidSortDirection: (dir: string) => badRequest(M.invalidSortDirection(dir)),
  limitNotInteger: () => badRequest(M.limitNotInteger),
  limitNegative: () => badRequest(M.limitNegative),
  invalidOsHidden: (value: string) => badRequest(M.invalidOsHidden(value)),
  rangeNotNumeric: () => badRequest(M.rangeNotNumeric),

  patchOldFormat: () => badRequest(M.patchOldFormat),
  patchNotArray: () => badRequest(M.patchNotArray),
  patchOperationNotObject: () => badRequest(M.patchOperationNotObject),
  patchOpMissing: () => badRequest(M.patchOpMissing),
  patchOpInvalid: (op: string) => badRequest(M.patchOpInvalid(op)),
  patchPathMissing: () => badRequest(M.patchPathMissing),
  patchValueMissing: (op: string) => badRequest(M.patchValueMissing(op)),
  patchPointerNotRooted: (pointer: string) => badRequest(M.patchPointerNotRooted(pointer)),
  patchPointerAdjacentSlashes: (pointer: string) => badRequest(M.patchPointerAdjacentSlashes(pointer)),
  patchPointerTrailingSlash: (pointer: string) => badRequest(M.patchPointerTrailingSlash(pointer)),
  patchPointerBadEscape: (pointer: string) => badRequest(M.patchPointerBadEscape(pointer)),
  patchPathUnsupported: (path: string) => badRequest(M.patchPathUnsupported(path)),

  uploadForbidden: (imageId: string) => forbidden(M.uploadForbidden(imageId)),
  statusTransition: (from: string, to: string) => new GlanceError(409, M.statusTransition(from, to)),
  formatsRequired: (missing: string[]) => badRequest(M.formatsRequired(missing)),
  imageTooLarge: () => tooLarge(M.imageTooLarge),
  storageQuotaFull: (size: number | 'None', remaining: number) => tooLarge(M.storageQuotaFull(size, remaining)),
  mockBodyTooLarge: (limit: number) => tooLarge(M.mockBodyTooLarge(limit)),
  mockMemoryFull: (limit: number) => tooLarge(M.mockMemoryFull(limit)),
  imageGoneDuringUpload: (imageId: string) => new GlanceError(410, M.imageGoneDuringUpload(imageId)),
  imageDeactivated: () => forbidden(M.imageDeactivated),
  multipleRanges: () => badRequest(M.multipleRanges),
  invalidRange: () => withDetail(416, M.rangeNotAvailable, M.invalidRange),
  invalidContentRange: () => withDetail(416, M.rangeNotAvailable, M.invalidContentRange),
  rangeStartBeyond: (header: 'Range' | 'Content-Range', last: number) =>
    withDetail(416, M.rangeNotAvailable, M.rangeStartBeyond(header, last)),
  contentRangeStopBeyond: (last: number) => withDetail(416, M.rangeNotAvailable, M.contentRangeStopBeyond(last)),

  tagUpdateForbidden: (imageId: string) => forbidden(M.tagUpdateForbidden(imageId)),
  tagDeleteForbidden: (imageId: string) => forbidden(M.tagDeleteForbidden(imageId)),
  tagLimitExceeded: (imageId: string, attempted: number, maximum: number) => tooLarge(M.tagLimitExceeded(imageId, attempted, maximum)),
  tagLimitExceededOnImage: (attempted: number, maximum: number) => tooLarge(M.tagLimitExceededOnImage(attempted, maximum)),
  actionInStatusForbidden: (action: 'deactivate' | 'reactivate', status: string) => forbidden(M.actionInStatusForbidden(action, status)),
};

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
