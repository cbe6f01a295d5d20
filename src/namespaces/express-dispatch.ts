import express, { type Express, type Response } from 'express';
import type { WireResponse } from '../wire/types';
import { NAMESPACE_HEADER, selectNamespace } from './namespace-name';
import { namespacesControl } from './namespaces.control';
import { ProblemError, problemResponse } from './problem';
import type { NamespaceRegistry } from './registry';

/** Where the control routes over namespaces are served. */
export const CONTROL_PREFIX = '/_mock';

/**
 * The app in front of a mock's instances: `/_ns/{name}/...` (or the header
 * X-Glance-Mock-Namespace) goes to that namespace's app, which then sees the
 * prefix as part of its mount path, so that every href it builds and the
 * built-in Keystone's catalog point back into the namespace; anything else goes
 * to the default instance.
 */
export function namespaceDispatch<T extends { app: Express }>(root: T, registry: NamespaceRegistry<T>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res, next) => {
    try {
      const selection = selectNamespace(req.url, req.headers[NAMESPACE_HEADER.toLowerCase()]);
      const path = selection.rest.split('?')[0];
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
        const control = namespacesControl(registry, req.method, path.slice(CONTROL_PREFIX.length));
        if (control) return writeWire(res, control);
      }
      const target = selection.name === undefined ? root : registry.get(selection.name, selection.prefix ? 'namespace' : NAMESPACE_HEADER);
      if (selection.prefix) {
        req.url = selection.rest;
        req.baseUrl = `${req.baseUrl}${selection.prefix}`;
      }
      target.app(req, res, next);
    } catch (error) {
      if (error instanceof ProblemError) return writeWire(res, problemResponse(error));
      next(error);
    }
  });
  return app;
}

function writeWire(res: Response, wire: WireResponse): void {
  res.writeHead(wire.status, wire.reason || undefined, wire.headers.flat());
  res.end(wire.body === undefined ? undefined : Buffer.isBuffer(wire.body) ? wire.body : Buffer.concat(wire.body));
}
