import { ControlProblem } from '../control/problem';

/** The path prefix and the header that select a namespace. */
export const NAMESPACE_PREFIX = '/_ns';
export const NAMESPACE_HEADER = 'X-Glance-Mock-Namespace';

/** Short, URL-safe names, such as pytest-xdist's `gw3` or Jest's worker `2`. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const RULE = "1 to 63 characters among letters, digits, '-', '_' and '.', starting with a letter or a digit";

/** The name itself, or a 400 naming where it came from. */
export function checkNamespaceName(name: unknown, field: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name) : String(name);
    throw new ControlProblem(400, `${field}: the namespace name ${shown} is not valid: ${RULE}.`, field);
  }
  return name;
}

export interface NamespaceSelection {
  /** The namespace asked for; undefined for the default one. */
  name?: string;
  /** `/_ns/{name}` as it was written in the path ('' when selected by the header or not at all). */
  prefix: string;
  /** The path and query after the prefix. */
  rest: string;
}

/**
 * Which namespace a request asks for: the path prefix `/_ns/{name}` (the rest of
 * the path follows it) or the header. Both at once must agree.
 */
export function selectNamespace(url: string, header: string | string[] | undefined): NamespaceSelection {
  const fromHeader =
    header === undefined ? undefined : checkNamespaceName(Array.isArray(header) ? header.join(', ') : header, NAMESPACE_HEADER);
  const match = /^\/_ns(?=[/?]|$)(?:\/([^/?]*))?/.exec(url);
  if (!match) return { name: fromHeader, prefix: '', rest: url };
  let decoded: string | undefined;
  try {
    decoded = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  } catch {
    decoded = match[1];
  }
  if (decoded === undefined || decoded === '') {
    throw new ControlProblem(400, `namespace: a name must follow ${NAMESPACE_PREFIX}/ (${RULE}).`, 'namespace');
  }
  const name = checkNamespaceName(decoded, 'namespace');
  if (fromHeader !== undefined && fromHeader !== name) {
    throw new ControlProblem(
      400,
      `${NAMESPACE_HEADER}: names the namespace ${JSON.stringify(fromHeader)} but the path names ${JSON.stringify(name)}.`,
      NAMESPACE_HEADER,
    );
  }
  const rest = url.slice(match[0].length);
  return { name, prefix: match[0], rest: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
}
