import type { RawResponse } from './http-client';
import type { Observed } from './types';

export interface NormaliseContext {
  baseUrl: string;
  run: string;
  tag: string;
  imageIds: string[];
  /** The personas' projects: `<owner>`, `<member>`… whether they came from the run or from tokens. */
  projects: Record<string, string>;
  /** More response headers to compare, for the cases that ask. */
}

const COMPARED_HEADERS = ['allow', 'location', 'accept-patch'];

/**
 * What two servers may legitimately differ in is replaced by placeholders:
 * the case's image ids, the personas' projects, the run id, timestamps,
 * request ids, other UUIDs and the server's own address. Image lists are put in name order, since Glance
 * orders images created within the same second at random.
 */
export function normalise(res: RawResponse, ctx: NormaliseContext, extraHeaders: string[] = []): Observed {
  const headers: Record<string, string> = {};
  for (const name of [...COMPARED_HEADERS, ...extraHeaders])
    if (res.headers[name] !== undefined) headers[name] = placeholders(res.headers[name], ctx);
  return {
    status: res.status,
    contentType: res.headers['content-type'] ?? null,
    headers,
    body: placeholders(sortImageLists(res.body), ctx),
  };
}

function placeholders(text: string, ctx: NormaliseContext): string {
  let out = text;
  const origin = new URL(ctx.baseUrl);
  out = out.split(`${origin.protocol}//${origin.host}`).join('<base>');
  ctx.imageIds.forEach((id, i) => {
    out = out.split(id).join(i === 0 ? '<image>' : `<image${i + 1}>`);
    out = out.split(id.toUpperCase()).join(i === 0 ? '<IMAGE>' : `<IMAGE${i + 1}>`);
  });
  const projects = Object.entries(ctx.projects).sort(([, a], [, b]) => b.length - a.length);
  for (const [persona, project] of projects) out = out.split(project).join(`<${persona}>`);
  for (const [persona, project] of projects) out = out.split(project.toUpperCase()).join(`<${persona.toUpperCase()}>`);
  out = out.split(ctx.tag).join('<tag>').split(ctx.run).join('<run>');
  out = out.split(ctx.tag.toUpperCase()).join('<TAG>').split(ctx.run.toUpperCase()).join('<RUN>');
  return out
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<time>')
    .replace(/req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<request-id>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

function sortImageLists(body: string): string {
  if (!body.startsWith('{"images": [')) return body;
  try {
    const parsed = JSON.parse(body) as { images: Array<{ name: string | null; id: string }> };
    const names = parsed.images.map((image) => `${image.name ?? ''}`);
    const sorted = [...names].sort();
    if (names.every((name, i) => name === sorted[i])) return body;
    // Re-serialise only the order; every image keeps its own bytes.
    const pieces = splitImages(body);
    if (!pieces) return body;
    const order = names.map((name, i) => ({ name, i })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.i - b.i));
    return `${pieces.head}${order.map(({ i }) => pieces.images[i]).join(', ')}${pieces.tail}`;
  } catch {
    return body;
  }
}

/** Split `{"images": [A, B], ...}` into the image texts without parsing them again. */
function splitImages(body: string): { head: string; images: string[]; tail: string } | undefined {
  const head = '{"images": [';
  const images: string[] = [];
  let depth = 0;
  let start = head.length;
  let inString = false;
  for (let i = head.length; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        images.push(body.slice(start, i + 1));
        start = i + 3; // skip ", "
      }
    } else if (c === ']' && depth === 0) return { head, images, tail: body.slice(i) };
  }
  return undefined;
}
