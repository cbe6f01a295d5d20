/**
 * A Glance error answer: its status, webob's title and Glance's own message,
 * read from whichever of webob's three formats the server chose (JSON for
 * `Accept: application/json`, HTML, or plain text).
 */
export class GlanceApiError extends Error {
  override readonly name = 'GlanceApiError';

  constructor(
    /** The HTTP status, such as 409. */
    readonly status: number,
    /** webob's title, such as `Conflict` (`Request Entity Too Large` for 413). */
    readonly title: string,
    /** Glance's message, such as `Member p2 is duplicated for image 6e4c…`; '' when the body had none. */
    readonly glanceMessage: string,
    /** The body as received. */
    readonly body: string,
    /** The request that failed, such as `POST /v2/images/6e4c…/members`. */
    readonly request: string,
  ) {
    super(`${request}: ${status} ${title}${glanceMessage ? `: ${glanceMessage}` : ''}`);
  }
}

export interface ParsedGlanceError {
  title: string;
  message: string;
}

/**
 * Reads webob's error body. Its template puts the explanation, `<br /><br />`
 * and a detail (often empty) into the body; JSON carries it in `message` with
 * the status line in `code`, HTML in the `<body>` after the `<h1>`, plain text
 * after the status line.
 */
export function parseGlanceError(status: number, contentType: string | null, body: string): ParsedGlanceError {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const parsed = parseJson(body);
    if (parsed && typeof parsed.message === 'string') {
      return {
        title: typeof parsed.title === 'string' ? parsed.title : titleOf(status, parsed.code),
        message: joinParts(parsed.message.split(/<br\s*\/?>/i)),
      };
    }
    // Keystone's shape: {"error": {"code": 401, "title": "...", "message": "..."}}
    const error = parsed?.error as Record<string, unknown> | undefined;
    if (error && typeof error.message === 'string') {
      return { title: typeof error.title === 'string' ? error.title : '', message: error.message.trim() };
    }
  }
  if (type.startsWith('text/html') || /^\s*<html/i.test(body)) {
    const title = /<title>\s*\d{3}\s+([^<]*)<\/title>/i.exec(body)?.[1]?.trim() ?? '';
    const inner = /<\/h1>([\s\S]*?)<\/body>/i.exec(body)?.[1] ?? '';
    return { title, message: joinParts(inner.split(/<br\s*\/?>/i), (part) => unescapeHtml(part.replace(/<[^>]*>/g, ''))) };
  }
  const statusLine = new RegExp(`^${status}\\s+([^\\n]*)\\n\\n`).exec(body);
  if (statusLine) return { title: statusLine[1].trim(), message: joinParts(body.slice(statusLine[0].length).split('\n\n')) };
  return { title: '', message: body.trim() };
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function titleOf(status: number, code: unknown): string {
  if (typeof code === 'string' && code.startsWith(`${status} `)) return code.slice(String(status).length + 1);
  return '';
}

/** The explanation and, when webob's detail is not empty, the detail after it. */
function joinParts(parts: string[], clean: (text: string) => string = (text) => text): string {
  return parts
    .map((part) => clean(part).trim())
    .filter((part) => part !== '')
    .join(' ');
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
