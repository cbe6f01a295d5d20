import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrontDoor } from '../wire/front-door';
import { writeResponse } from '../wire/writer';
import { NAMESPACE_HEADER, selectNamespace } from './namespace-name';
import { namespacesControl } from './namespaces.control';
import { ProblemError, problemResponse } from './problem';
import type { NamespaceRegistry } from './registry';

/** Where the control routes over namespaces are served. */
export const CONTROL_PREFIX = '/_mock';

export type Dispatch = (req: IncomingMessage, res: ServerResponse, mountPath?: string) => void;

/**
 * In front of a mock's instances: `/_ns/{name}/...` (or the header
 * X-Glance-Mock-Namespace) goes to that namespace's front door, which takes the
 * prefix as part of its mount path, so that every href its services build and
 * the built-in Keystone's catalog point back into the namespace; anything else
 * goes to the default instance. Each instance has its own front door, so its
 * interceptors (journal, faults) see its own requests only.
 */
export function namespaceDispatch<T extends { frontDoor: FrontDoor }>(root: T, registry: NamespaceRegistry<T>): Dispatch {
  return (req, res, mountPath = '') => {
    const method = req.method ?? 'GET';
    try {
      const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
      const selection = selectNamespace(url.slice(mountPath.length) || '/', req.headers[NAMESPACE_HEADER.toLowerCase()]);
      const path = selection.rest.split('?')[0];
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
        const control = namespacesControl(registry, method, path.slice(CONTROL_PREFIX.length));
        if (control) return writeResponse(res, control, method, 0);
      }
      const target = selection.name === undefined ? root : registry.get(selection.name, selection.prefix ? 'namespace' : NAMESPACE_HEADER);
      target.frontDoor.handle(req, res, `${mountPath}${selection.prefix}`);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      writeResponse(res, problemResponse(error), method, 0);
    }
  };
}
