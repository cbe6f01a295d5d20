import { regexAt } from './check';

/**
 * A path to match: a template such as `/v2/images/{image_id}/members`
 * (`{name}` stands for one non-empty segment; `*` for any path), or a regular
 * expression when it starts with `^`. A template also matches the route
 * template the service reported, so `/v2/images/{image_id}` matches whatever
 * names the route uses.
 */
export interface PathPattern {
  source: string;
  matches(path: string, route?: string): boolean;
}

export function pathPattern(source: string, field: string): PathPattern {
  if (source === '*') return { source, matches: () => true };
  if (source.startsWith('^')) {
    const regex = regexAt(source, field);
    return { source, matches: (path) => regex.test(path) };
  }
  const segments = source.split('/');
  const normalised = segments.map((s) => (isParam(s) ? '{}' : s)).join('/');
  return {
    source,
    matches(path, route) {
      if (
        route !== undefined &&
        route
          .split('/')
          .map((s) => (isParam(s) ? '{}' : s))
          .join('/') === normalised
      )
        return true;
      const actual = path.split('/');
      if (actual.length !== segments.length) return false;
      return segments.every((s, i) => (isParam(s) ? actual[i] !== '' : s === actual[i]));
    },
  };
}

const isParam = (segment: string) => /^\{[^{}]*\}$/.test(segment) || segment.startsWith(':');
