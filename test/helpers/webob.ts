/**
 * The error bodies a real Glance Zed sends, rebuilt from the rules observed on
 * the real server: webob's HTTPException templates (webob/exc.py, WSGIHTTPException:
 * plain text unless the request's Accept prefers text/html or application/json). Written independently of the mock's formatter so the
 * tests do not merely repeat the implementation; every rule here is pinned
 * against literal bodies captured from the real server in the tests.
 */
import type { Response } from 'supertest';

export type ErrorFormat = 'plain' | 'json' | 'html';

/** webob's titles (413 is "Request Entity Too Large", not Node's "Payload Too Large"). */
export const TITLES: Record<number, string> = {
  300: 'Multiple Choices',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

export const statusLine = (status: number) => `${status} ${TITLES[status]}`;

export const CONTENT_TYPES: Record<ErrorFormat, string> = {
  plain: 'text/plain; charset=UTF-8',
  json: 'application/json',
  html: 'text/html; charset=UTF-8',
};

/** Accept headers that select each format (pinned on the real server). */
export const ACCEPT: Record<ErrorFormat, string | undefined> = {
  plain: undefined,
  json: 'application/json',
  html: 'text/html',
};

/** The Accept header (none for plain) that selects a format. */
export function acceptFor(format: ErrorFormat): Record<string, string> {
  const accept = ACCEPT[format];
  return accept === undefined ? {} : { Accept: accept };
}

/** webob's generic explanations, used when Glance raises the bare exception class. */
export const WEBOB = {
  unauthorized:
    'This server could not verify that you are authorized to access the document you requested. ' +
    'Either you supplied the wrong credentials (e.g., bad password), or your browser does not ' +
    'understand how to supply the credentials required.',
  resourceNotFound: 'The resource could not be found.',
  serverError: 'The server has either erred or is incapable of performing the requested operation.',
  accessDenied: 'Access was denied to this resource.',
  conflict: 'There was a conflict when trying to complete your request.',
};

/** Python's json.dumps for a str (ensure_ascii=True): `"`, `\`, control chars and non-ASCII escaped. */
export function pyJsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** html.escape(quote=True) followed by the xmlcharrefreplace of non-ASCII characters. */
export function htmlEscape(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  let out = '';
  for (const ch of escaped) {
    const cp = ch.codePointAt(0) as number;
    out += cp > 0x7f ? `&#${cp};` : ch;
  }
  return out;
}

/** webob.util.strip_tags: newlines to spaces, `<br>` to newlines, comment markers and tags removed. */
export function stripTags(text: string): string {
  return text
    .replace(/\n/g, ' ')
    .replace(/\r/g, '')
    .replace(/<br.*?>/gi, '\n')
    .replace(/<!--|-->/g, '')
    .replace(/<.*?>/g, '');
}

/**
 * The body of a Glance error (webob's default template), given the explanation
 * (Glance's message) and an optional detail.
 */
export function errorBody(format: ErrorFormat, status: number, message: string, detail = ''): string {
  const line = statusLine(status);
  switch (format) {
    case 'plain':
      return `${line}\n\n${stripTags(`${message}<br /><br />\n${detail}\n\n`)}`;
    case 'json':
      return `{"message": ${pyJsonString(`${message}<br /><br />\n${detail}\n\n`)}, "code": ${pyJsonString(line)}, "title": ${pyJsonString(TITLES[status])}}`;
    case 'html':
      return (
        `<html>\n <head>\n  <title>${line}</title>\n </head>\n <body>\n  <h1>${line}</h1>\n  ` +
        `${htmlEscape(message)}<br /><br />\n${htmlEscape(detail)}\n\n\n </body>\n</html>`
      );
  }
}

/** webob.exc.HTTPMethodNotAllowed's own template. */
export function methodNotAllowedBody(format: ErrorFormat, method: string): string {
  const message = `The method ${method} is not allowed for this resource.`;
  const line = statusLine(405);
  switch (format) {
    case 'plain':
      return `${line}\n\n${message} \n\n `;
    case 'json':
      return `{"message": ${pyJsonString(`${message} <br /><br />\n`)}, "code": "${line}", "title": "Method Not Allowed"}`;
    case 'html':
      return `<html>\n <head>\n  <title>${line}</title>\n </head>\n <body>\n  <h1>${line}</h1>\n  ${message} <br /><br />\n\n </body>\n</html>`;
  }
}

/** webob.exc.HTTPUnsupportedMediaType's own template (PATCH with a wrong Content-Type). */
export function unsupportedMediaTypeBody(format: ErrorFormat, mediaType: string): string {
  const message = `The request media type ${mediaType} is not supported by this server.`;
  const line = statusLine(415);
  switch (format) {
    case 'plain':
      return `${line}\n\n${message} \n\n `;
    case 'json':
      return `{"message": ${pyJsonString(`${message}\n<br /><br />\n`)}, "code": "${line}", "title": "Unsupported Media Type"}`;
    case 'html':
      return `<html>\n <head>\n  <title>${line}</title>\n </head>\n <body>\n  <h1>${line}</h1>\n  ${message}\n<br /><br />\n\n </body>\n</html>`;
  }
}

export const ACCEPT_PATCH = 'application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch';

/** The plain-text body of an error with a detail: `<status>\n\n<explanation>\n\n <detail>  `. */
export const plainDetailError = (status: number, explanation: string, detail: string) =>
  `${statusLine(status)}\n\n${explanation}\n\n ${detail}  `;

type Res = Pick<Response, 'status' | 'text' | 'headers'>;

/** Status, Content-Type and the exact body bytes of a Glance error in the given format. */
export function expectGlanceError(res: Res, status: number, message: string, format: ErrorFormat = 'plain', detail = '') {
  expect({ status: res.status, contentType: res.headers['content-type'], body: res.text }).toEqual({
    status,
    contentType: CONTENT_TYPES[format],
    body: errorBody(format, status, message, detail),
  });
}

/** A request id as oslo.context generates it. */
export const GENERATED_REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The header names of a response in wire order, without the ones Node's HTTP
 * server adds on its own (Date, Connection, Keep-Alive).
 */
export function headerOrder(res: Response): string[] {
  const raw = (res as unknown as { res: { rawHeaders: string[] } }).res.rawHeaders;
  const names: string[] = [];
  for (let i = 0; i < raw.length; i += 2) names.push(raw[i].toLowerCase());
  return names.filter((name) => !['date', 'connection', 'keep-alive'].includes(name));
}

/**
 * jsonschema's ValidationError text inside Glance's 400 (newlines kept, as the
 * JSON and HTML bodies show them; the plain body turns each newline into a space).
 */
export function schemaMismatch(
  reason: string,
  validator: string,
  schemaPath: string,
  schemaRepr: string,
  instancePath: string,
  instanceRepr: string,
) {
  return (
    `Provided object does not match schema 'image': ${reason}\n\n` +
    `Failed validating '${validator}' in schema${schemaPath}:\n    ${schemaRepr}\n\n` +
    `On instance${instancePath}:\n    ${instanceRepr}`
  );
}

/** pformat of the image schema's `visibility` property, as jsonschema prints it. */
export const VISIBILITY_SCHEMA_REPR =
  "{'description': 'Scope of image accessibility',\n     'enum': ['community', 'public', 'private', 'shared'],\n     'type': 'string'}";
export const NAME_SCHEMA_REPR =
  "{'description': 'Descriptive name for the image',\n     'maxLength': 255,\n     'type': ['null', 'string']}";
export const ID_PATTERN = '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$';
export const ID_SCHEMA_REPR = `{'description': 'An identifier for the image',\n     'pattern': '${ID_PATTERN}',\n     'type': 'string'}`;

export const visibilityEnumError = (valueRepr: string) =>
  schemaMismatch(
    `${valueRepr} is not one of ['community', 'public', 'private', 'shared']`,
    'enum',
    "['properties']['visibility']",
    VISIBILITY_SCHEMA_REPR,
    "['visibility']",
    valueRepr,
  );

export const extraPropertyTypeError = (key: string, valueRepr: string) =>
  schemaMismatch(`${valueRepr} is not of type 'string'`, 'type', "['additionalProperties']", "{'type': 'string'}", `['${key}']`, valueRepr);
