import type { WireResponse } from '../wire/types';
import type { NamespaceRegistry } from './registry';
import { ControlProblem, jsonResponse, noContent, problemResponse } from '../control/problem';

const ROUTE = /^\/namespaces(?:\/([^/]*))?\/?$/;

/** Whether a path below the control prefix is one of these routes. */
export const isNamespacesPath = (path: string) => ROUTE.test(path);

/**
 * The control routes over namespaces, for the control service to mount under its
 * prefix: `GET /namespaces` lists them, `DELETE /namespaces/{name}` drops one,
 * `DELETE /namespaces` drops all. `path` is what follows the control prefix.
 * Answers undefined for a path that is not theirs.
 */
export function namespacesControl<T>(registry: NamespaceRegistry<T>, method: string, path: string): WireResponse | undefined {
  const match = ROUTE.exec(path);
  if (!match) return undefined;
  try {
    return answer(registry, method, match[1]);
  } catch (error) {
    if (error instanceof ControlProblem) return problemResponse(error);
    throw error;
  }
}

function answer<T>(registry: NamespaceRegistry<T>, method: string, rawName: string | undefined): WireResponse {
  if (rawName === undefined || rawName === '') {
    if (method === 'GET' || method === 'HEAD') return jsonResponse(200, { namespaces: registry.list(), limit: registry.limit });
    if (method === 'DELETE') {
      registry.clear();
      return noContent();
    }
    throw notAllowed(method, 'GET, HEAD, DELETE', '/namespaces');
  }
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = rawName;
  }
  if (method !== 'DELETE') throw notAllowed(method, 'DELETE', '/namespaces/{name}');
  if (!registry.drop(name)) {
    throw new ControlProblem(404, `name: there is no namespace ${JSON.stringify(name)}.`, 'name');
  }
  return noContent();
}

const notAllowed = (method: string, allow: string, route: string) =>
  new ControlProblem(405, `method: ${method} is not allowed on ${route} (allowed: ${allow}).`, 'method', {}, [['Allow', allow]]);
