import { STATUS_CODES } from 'node:http';
import type { GlanceError } from '../domain/glance-errors';
import { errorFormatFor } from './accept';
import { pythonJson } from '../shared/python-json';
import { WebobError } from './webob-errors';

/** webob's titles, which differ from Node's for some codes (413 is "Request Entity Too Large"). */
const WEBOB_TITLES: Record<number, string> = {
  300: 'Multiple Choices',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  416: 'Request Range Not Satisfiable',
  500: 'Internal Server Error',
  // Statuses Glance itself does not answer here, which an injected fault may ask for.
  414: 'Request-URI Too Long',
  424: 'Failed Dependency',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
};

export const statusTitle = (status: number): string => WEBOB_TITLES[status] ?? STATUS_CODES[status] ?? '';

export interface FormattedError {
  status: number;
  statusMessage: string;
  contentType: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * A GlanceError rendered as webob's HTTPException renders it: the format
 * follows Accept, the body comes from webob's body template (explanation,
 * `<br /><br />`, empty detail and comment lines), plain text strips the tags.
 */
export function formatError(error: GlanceError, accept: string | undefined): FormattedError {
  const title = statusTitle(error.status);
  const statusLine = `${error.status} ${title}`;
  const base = { status: error.status, statusMessage: title, headers: error instanceof WebobError ? error.headers : {} };
  switch (errorFormatFor(accept)) {
    case 'json':
      return {
        ...base,
        contentType: 'application/json',
        body: pythonJson({ message: bodyOf(error, noEscape), code: statusLine, title }),
      };
    case 'html':
      return {
        ...base,
        contentType: 'text/html; charset=UTF-8',
        body:
          `<html>\n <head>\n  <title>${statusLine}</title>\n </head>\n <body>\n` +
          `  <h1>${statusLine}</h1>\n  ${bodyOf(error, htmlEscape)}\n </body>\n</html>`,
      };
    default:
      return {
        ...base,
        contentType: 'text/plain; charset=UTF-8',
        body: `${statusLine}\n\n${plainBody(error)}`,
      };
  }
}

function bodyOf(error: GlanceError, escape: (text: string) => string): string {
  // webob.exc.HTTPMethodNotAllowed and HTTPUnsupportedMediaType have templates of their own.
  if (error.status === 405) return `${escape(error.explanation)} <br /><br />\n${escape(error.detail)}`;
  if (error.status === 415) {
    return `${escape(error.explanation)}\n<br /><br />\n${escape(error.detail)}`;
  }
  return `${escape(error.explanation)}<br /><br />\n${escape(error.detail)}\n\n`;
}

const noEscape = (text: string) => text;

function htmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#x27;')
      // eslint-disable-next-line no-control-regex -- every code point outside ASCII becomes a character reference
      .replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`)
  );
}

/**
 * strip_tags of the plain template. When neither text holds a `<`, the only tags
 * are the template's two `<br />`, so each text is stripped on its own, in
 * fewer passes over what may be a long detail (a schema error prints the value).
 */
function plainBody(error: GlanceError): string {
  const { explanation, detail } = error;
  if (error.status === 405 || error.status === 415 || explanation.includes('<') || detail.includes('<'))
    return stripTags(bodyOf(error, noEscape));
  return `${stripText(explanation)}\n\n ${stripText(detail)}  `;
}

/** strip_tags of a text without `<`: newlines become spaces, `\r` and comment ends go. */
const stripText = (text: string) => text.replace(/\n/g, ' ').replace(/\r/g, '').replace(/-->/g, '');

/** webob.exc.strip_tags: only the `<!--` and `-->` markers of a comment go, not what is between them. */
function stripTags(value: string): string {
  return value
    .replace(/\n/g, ' ')
    .replace(/\r/g, '')
    .replace(/<br.*?>/gis, '\n')
    .replace(/<!--|-->/g, '')
    .replace(/<.*?>/gs, '');
}
