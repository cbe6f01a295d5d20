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

interface ErrorFormat {
  status: number;
  statusMessage: string;
  contentType: string;
  headers: Record<string, string>;
}

export interface FormattedError extends ErrorFormat {
  body: string;
}

/** The body in pieces whose concatenation is the body (see GlanceError's pieces). */
export interface FormattedErrorPieces extends ErrorFormat {
  pieces: readonly string[];
}

/**
 * A GlanceError rendered as webob's HTTPException renders it: the format
 * follows Accept, the body comes from webob's body template (explanation,
 * `<br /><br />`, empty detail and comment lines), plain text strips the tags.
 */
export function formatError(error: GlanceError, accept: string | undefined): FormattedError {
  const { pieces, ...format } = formatErrorPieces(error, accept);
  return { ...format, body: pieces.join('') };
}

/** formatError in pieces: an explanation made of a long value's pieces is escaped or stripped piece by piece. */
export function formatErrorPieces(error: GlanceError, accept: string | undefined): FormattedErrorPieces {
  const title = statusTitle(error.status);
  const statusLine = `${error.status} ${title}`;
  const base = { status: error.status, statusMessage: title, headers: error instanceof WebobError ? error.headers : {} };
  switch (errorFormatFor(accept)) {
    case 'json':
      return {
        ...base,
        contentType: 'application/json',
        pieces: [pythonJson({ message: bodyOf(error, noEscape).join(''), code: statusLine, title })],
      };
    case 'html':
      return {
        ...base,
        contentType: 'text/html; charset=UTF-8',
        pieces: [
          `<html>\n <head>\n  <title>${statusLine}</title>\n </head>\n <body>\n  <h1>${statusLine}</h1>\n  `,
          ...bodyOf(error, htmlEscape),
          '\n </body>\n</html>',
        ],
      };
    default:
      return { ...base, contentType: 'text/plain; charset=UTF-8', pieces: [`${statusLine}\n\n`, ...plainBody(error)] };
  }
}

/** webob's body template; escaping works character by character, so each piece is escaped on its own. */
function bodyOf(error: GlanceError, escape: (text: string) => string): string[] {
  const explanation = error.pieces.map(escape);
  const detail = escape(error.detail);
  // webob.exc.HTTPMethodNotAllowed and HTTPUnsupportedMediaType have templates of their own.
  if (error.status === 405) return [...explanation, ` <br /><br />\n${detail}`];
  if (error.status === 415) return [...explanation, `\n<br /><br />\n${detail}`];
  return [...explanation, `<br /><br />\n${detail}\n\n`];
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
 * fewer passes over what may be a long detail (a schema error prints the value),
 * and an explanation in pieces piece by piece when no `-->` can span two of them.
 */
function plainBody(error: GlanceError): string[] {
  const { pieces, detail } = error;
  if (error.status === 405 || error.status === 415 || pieces.some((piece) => piece.includes('<')) || detail.includes('<'))
    return [stripTags(bodyOf(error, noEscape).join(''))];
  const explanation = strippedApart(pieces) ? pieces.map(stripText) : [stripText(pieces.join(''))];
  return [...explanation, `\n\n ${stripText(detail)}  `];
}

/**
 * Whether stripping pieces one by one strips as the whole does: a `-->` (once
 * `\r` is gone) can only span two pieces where one ends with `-` or `\r`, or
 * the next starts with `-`, `>` or `\r`.
 */
function strippedApart(pieces: readonly string[]): boolean {
  for (let i = 1; i < pieces.length; i++) {
    const last = pieces[i - 1].at(-1);
    const first = pieces[i][0];
    if (last === undefined || first === undefined || last === '-' || last === '\r' || first === '-' || first === '>' || first === '\r')
      return false;
  }
  return true;
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
