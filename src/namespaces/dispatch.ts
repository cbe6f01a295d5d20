import type { IncomingMessage, ServerResponse } from 'node:http';
import { controlTokenCheck } from '../control/control-token';
import { ControlProblem, problemResponse } from '../control/problem';
import type { FrontDoor } from '../wire/front-door';
import { writeResponse } from '../wire/writer';
import { NAMESPACE_HEADER, selectNamespace } from './namespace-name';
import { isNamespacesPath, namespacesControl } from './namespaces.control';
import type { NamespaceRegistry } from './registry';

export interface NamespaceControlOptions {
  /** Where the control API is served (default `/_mock`); false: no control routes over namespaces. */
  prefix?: string | false;
  /** When set, the control routes need `Authorization: Bearer <token>`. */
  token?: string;
}

export type Dispatch = (req: IncomingMessage, res: ServerResponse, mountPath?: string) => void;

/**
 * In front of a mock's instances: `/_ns/{name}/...` (or the header
 * X-Glance-Mock-Namespace) goes to that namespace's front door, which takes the
 * prefix as part of its mount path, so that every href its services build and
 * the built-in Keystone's catalog point back into the namespace; anything else
 * goes to the default instance. Each instance has its own front door, so its
 * interceptors (journal, faults) see its own requests only.
 */
export function namespaceDispatch<T extends { frontDoor: FrontDoor }>(
  root: T,
  registry: NamespaceRegistry<T>,
  control: NamespaceControlOptions = {},
): Dispatch {
  const prefix = control.prefix ?? '/_mock';
  const checkToken = controlTokenCheck(control.token);
  return (req, res, mountPath = '') => {
    const method = req.method ?? 'GET';
    try {
      const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
      const selection = selectNamespace(url.slice(mountPath.length) || '/', req.headers[NAMESPACE_HEADER.toLowerCase()]);
      const path = selection.rest.split('?')[0];
      if (prefix !== false && (path === prefix || path.startsWith(`${prefix}/`))) {
        const below = path.slice(prefix.length);
        if (isNamespacesPath(below)) {
          checkToken(req.headers.authorization);
          return writeResponse(res, namespacesControl(registry, method, below)!, method, 0);
        }
      }
      const target = selection.name === undefined ? root : registry.get(selection.name, selection.prefix ? 'namespace' : NAMESPACE_HEADER);
      target.frontDoor.handle(req, res, `${mountPath}${selection.prefix}`);
    } catch (error) {
      if (!(error instanceof ControlProblem)) throw error;
      writeResponse(res, problemResponse(error), method, 0);
    }
  };
}
