/**
 * Keystone's errors, worded as Keystone Zed (22.x) words them: a JSON body
 * `{"error": {"code", "message", "title"}}`, or Flask's HTML page for paths
 * and methods Keystone has no route for.
 */
export class KeystoneError extends Error {
  constructor(
    readonly code: 400 | 401 | 403 | 404 | 405 | 500,
    readonly title: string,
    message: string,
    /** Extra members of the `error` object (the supported methods of an unsupported-method 401). */
    readonly extra: Record<string, unknown> = {},
    /** Flask's own HTML page instead of Keystone's JSON body. */
    readonly flaskHtml = false,
  ) {
    super(message);
    this.name = 'KeystoneError';
  }
}

const CLIENT_ERROR =
  'The server could not comply with the request since it is either malformed or otherwise incorrect. ' +
  'The client is assumed to be in error.';

/** keystone.exception.ValidationError: "Expecting to find {attribute} in {target}. …" */
const expecting = (attribute: string, target: string) =>
  new KeystoneError(400, 'Bad Request', `Expecting to find ${attribute} in ${target}. ${CLIENT_ERROR}`);

export const KeystoneErrors = {
  /** Every failed authentication, whatever the reason (Keystone hides it without insecure_debug). */
  unauthorized: () => new KeystoneError(401, 'Unauthorized', 'The request you have made requires authentication.'),
  unsupportedMethod: (methods: string[]) =>
    new KeystoneError(401, 'Unauthorized', 'Attempted to authenticate with an unsupported method.', { identity: { methods } }),
  forbidden: (action: string) => new KeystoneError(403, 'Forbidden', `You are not authorized to perform the requested action: ${action}.`),
  malformedJson: () => expecting('valid JSON', 'request body'),
  notJson: () => expecting('application/json', 'Content-Type header'),
  expecting,
  /** The auth body's JSON Schema failures: Keystone prints jsonschema's report; the mock, its first line. */
  invalidInput: (field: string, problem: string) =>
    new KeystoneError(400, 'Bad Request', field === '' ? problem : `Invalid input for field '${field}': ${problem}`),
  userIdOrName: () => new KeystoneError(400, 'Bad Request', 'Invalid input for field identity/password/user: id or name must be present.'),
  tokenNotRecognized: () => new KeystoneError(404, 'Not Found', 'Could not recognize Fernet token'),
  tokenExpired: () => new KeystoneError(404, 'Not Found', 'Failed to validate token'),
  noSubjectToken: () => new KeystoneError(404, 'Not Found', 'No token in the request'),
  projectNotFound: (id: string) => new KeystoneError(404, 'Not Found', `Could not find project: ${id}.`),
  domainNotFound: (id: string) => new KeystoneError(404, 'Not Found', `Could not find domain: ${id}.`),
  unexpected: () =>
    new KeystoneError(500, 'Internal Server Error', 'An unexpected error prevented the server from fulfilling your request.'),
  /** Flask's own page for an exception Keystone does not handle (a RecursionError in json.loads). */
  flaskServerError: () =>
    new KeystoneError(
      500,
      'Internal Server Error',
      'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
      {},
      true,
    ),
  routeNotFound: () =>
    new KeystoneError(
      404,
      'Not Found',
      'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      {},
      true,
    ),
  methodNotAllowed: () => new KeystoneError(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.', {}, true),
};
