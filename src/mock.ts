import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { RequestContext } from './domain/context';
import { ImageLookup } from './domain/image-lookup';
import { ImageService } from './domain/image-service';
import { glancePolicies } from './domain/policy/policies';
import { MembersService } from './domain/members';
import { dbProfiles } from './domain/profiles';
import { createGlanceService, IMAGE_PREFIX } from './http/glance-service';
import { schemaRoutes } from './http/discovery.routes';
import { imageRoutes } from './http/images.routes';
import { memberRoutes } from './http/members.routes';
import { glanceRouter } from './http/router';
import { isImageUpload } from './http/upload-body';
import { createIdentityResolver, unauthenticatedResolver } from './identity/identity';
import { TokenRegistry } from './identity/tokens';
import { createKeystone } from './keystone/keystone';
import { IDENTITY_PREFIX } from './keystone/keystone.routes';
import { FrontDoor, type Mount } from './wire/front-door';
import { resolveOptions, type GlanceMockOptions, type ResolvedOptions } from './options';
import { applySeed, type SeedApplied } from './seed/apply-seed';
import { exportState, replaceState } from './seed/state';
import type { SeedData } from './seed/seed-types';
import { keptSeed } from './seed/kept-seed';
import { MemoryStore } from './store/memory-store';
import { MemoryBudget, MemoryImageDataStore } from './store/image-data-store';
import { namespaceDispatch } from './namespaces/dispatch';
import { NamespaceRegistry, type NamespaceInfo } from './namespaces/registry';
import { imageDataAndTagRoutes } from './http/image-data-wiring';
import { decodePath, type GlanceRouter } from './http/router';
import { errorResponse } from './http/reply';
import { GlanceErrors } from './domain/glance-errors';
import { UNMATCHED } from './shared/router';
import { ControlledClock } from './control/clock';
import { startingConfig, type RuntimeConfig } from './control/config';
import { MockControl, type ControlTarget } from './control/control';
import { faultInterceptor, journalInterceptor, requestPath } from './control/interceptors';
import { createControlService } from './control/service';
import type { Interceptor, Service, WireRequest } from './wire/types';

/** One mock instance: its own store, tokens, clock and ids, and the front door over them. */
export interface GlanceMockInstance {
  /** The Express app: mountable in an app of your own (`app.use('/glance', mock.app)`), the mount path honoured. */
  app: Express;
  /** A plain Node request listener: `http.createServer(mock.handle)`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Where every request comes in: `frontDoor.use(interceptor)` sees and may change every exchange. */
  frontDoor: FrontDoor;
  options: ResolvedOptions;
  /** Add seed data to the current state, all or nothing; returns what was created, with generated ids. */
  seed(data: SeedData): SeedApplied;
  /** The whole state as a seed document: put into a fresh mock with the same options, it answers alike. */
  exportState(): SeedData;
  /** Replace the whole state with a seed document (as `exportState` gives); a bad one changes nothing. */
  replaceState(data: unknown): SeedApplied;
  /** Forget everything (journal, faults, clock and run-time options too), then load the start-up seed again. */
  reset(): void;
  /** The control plane: the same as `/_mock` over HTTP. */
  control: MockControl;
  /** What the front door runs: the control API (when on) and the interceptors around Glance and Keystone. */
  controlService?: Service;
  interceptors: Interceptor[];
}

/**
 * A mock: its default instance, and its namespaces (isolated instances selected
 * by `/_ns/{name}` or a header). `app`, `handle` and `use` serve them all; `frontDoor` is
 * the default namespace's (a namespace's own is on `namespace(name).frontDoor`).
 */
export interface GlanceMock extends GlanceMockInstance {
  /**
   * Adds an interceptor around every request of every namespace, the default one, those that
   * exist and those made later (inside each one's journal and faults); `request.namespace` says
   * whose request it is.
   */
  use(interceptor: Interceptor): GlanceMock;
  /** Removes an interceptor added with `use`, from every namespace. */
  remove(interceptor: Interceptor): GlanceMock;
  /** The namespace of that name, made from the start-up seed on first use. Throws for a bad name or past `maxNamespaces`. */
  namespace(name: string): GlanceMockInstance;
  namespaces(): NamespaceInfo[];
  /** Forget a namespace and everything in it; false when there was none. */
  dropNamespace(name: string): boolean;
}

export function createGlanceMock(options: GlanceMockOptions = {}): GlanceMock {
  const resolved = resolveOptions(options);
  // Namespaces share the bound on image data: together they never hold more than dataMemoryLimit.
  const budget = new MemoryBudget(resolved.dataMemoryLimit);
  const root = createOneInstance(resolved, budget, '').mock;
  // Applied, so checked, by now: from here on the start-up seed is read through `startSeed`, not the caller's object.
  const startSeed = resolved.seed === undefined ? undefined : keptSeed(resolved.seed);
  readSeedFrom(resolved, startSeed);
  const withoutSeed: GlanceMockOptions = { ...options, seed: undefined };
  const everywhere: Interceptor[] = [];
  // A namespace is made from the options as given, so that a seed for ids gives each its own streams.
  const registry = new NamespaceRegistry(
    (name) => {
      const instance = createInstance(readSeedFrom(resolveOptions(withoutSeed), startSeed), budget, name);
      for (const interceptor of everywhere) instance.frontDoor.use(interceptor);
      return instance;
    },
    resolved.maxNamespaces,
    (dropped) => releaseData.get(dropped)?.(),
  );
  const dispatch = namespaceDispatch(root, registry, {
    prefix: resolved.control ? resolved.controlPrefix : false,
    token: resolved.controlToken,
  });
  const instances = () => [root, ...registry.instances()];
  const mock: GlanceMock = withExpressApp(
    {
      ...root,
      handle: (req: IncomingMessage, res: ServerResponse) => dispatch(req, res),
      use: (interceptor: Interceptor) => {
        everywhere.push(interceptor);
        for (const instance of instances()) instance.frontDoor.use(interceptor);
        return mock;
      },
      remove: (interceptor: Interceptor) => {
        const index = everywhere.indexOf(interceptor);
        if (index >= 0) everywhere.splice(index, 1);
        for (const instance of instances()) instance.frontDoor.remove(interceptor);
        return mock;
      },
      namespace: (name: string) => registry.get(name, 'name'),
      namespaces: () => registry.list(),
      dropNamespace: (name: string) => registry.drop(name),
    },
    (req, res) => dispatch(req, res, req.baseUrl),
  );
  return mock;
}

/**
 * `app` is made on first use: a mock served through `handle` (`startGlanceMock`, the CLI)
 * never loads Express.
 */
function withExpressApp<T extends object>(target: T, listener: (req: Request, res: Response) => void): T & { app: Express } {
  let app: Express | undefined;
  return Object.defineProperty(target, 'app', {
    enumerable: true,
    get: () => (app ??= expressApp(listener)),
  }) as T & { app: Express };
}

function expressApp(listener: (req: Request, res: Response) => void): Express {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const express = require('express') as typeof import('express');
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(listener);
  return app;
}

/** Options whose `seed` reads the kept start-up seed, when there is one. */
function readSeedFrom(resolved: ResolvedOptions, startSeed: (() => SeedData) | undefined): ResolvedOptions {
  if (startSeed) Object.defineProperty(resolved, 'seed', { get: startSeed, enumerable: true, configurable: true });
  return resolved;
}

/** How a dropped namespace gives its image data's bytes back to the shared budget. */
const releaseData = new WeakMap<GlanceMockInstance, () => void>();

function createInstance(resolved: ResolvedOptions, budget: MemoryBudget, namespace: string): GlanceMockInstance {
  const { mock, data } = createOneInstance(resolved, budget, namespace);
  const instance = withExpressApp(mock, (req, res) => mock.frontDoor.handle(req, res, req.baseUrl));
  releaseData.set(instance, () => data.clear());
  return instance;
}

function createOneInstance(
  resolved: ResolvedOptions,
  budget: MemoryBudget,
  namespace: string,
): { mock: Omit<GlanceMockInstance, 'app'>; data: MemoryImageDataStore } {
  const db = dbProfiles[resolved.dbProfile];
  const store = new MemoryStore(db.collate);
  const tokens = new TokenRegistry();
  const { ids } = resolved;
  // Every part reads this one clock, so freezing or moving it moves every timestamp and expiry.
  const clock = new ControlledClock(resolved.clock);
  const startConfig = startingConfig(resolved, resolved.journalSize);
  // The limits a test may change at run time: read on every request.
  const live: RuntimeConfig = { ...startConfig };
  const images = new ImageLookup(store, db);
  const policy = glancePolicies[resolved.policy];
  const members = contextFirst(
    new MembersService({
      store,
      images,
      db,
      policy,
      get memberQuota() {
        return live.memberQuota;
      },
      clock,
    }),
  );
  const data = new MemoryImageDataStore(budget);
  const imageService = contextFirst(
    new ImageService({
      store,
      images,
      clock,
      ids,
      policy,
      data,
      get tagQuota() {
        return live.imageTagQuota;
      },
      db,
    }),
  );
  const router = glanceRouter([
    ...memberRoutes(members),
    ...imageRoutes(imageService),
    ...imageDataAndTagRoutes({ store, images, data, clock, policy }, live),
    ...schemaRoutes(),
  ]);
  const keystone = createKeystone({ tokens, clock, ids });
  // A Glance deployed without Keystone has no Keystone beside it either: `/identity` is Glance's.
  const noauth = resolved.auth === 'noauth';
  const identity = noauth ? unauthenticatedResolver : createIdentityResolver(tokens, clock);
  const glanceParts = { router, identity, ids, imageCache: resolved.imageCache };
  const streamsBody = isImageUpload;
  const mounts: Mount[] = [
    { prefix: '', service: createGlanceService(glanceParts), streamsBody },
    { prefix: IMAGE_PREFIX, service: createGlanceService(glanceParts, IMAGE_PREFIX), streamsBody },
    ...(noauth ? [] : [{ prefix: IDENTITY_PREFIX, service: keystone.service }]),
  ];
  const frontDoor = new FrontDoor({
    mounts,
    namespace,
    maxBodyBytes: resolved.maxRequestBody,
    bodyTooLarge: (request) =>
      errorResponse(GlanceErrors.mockBodyTooLarge(resolved.maxRequestBody), request.headers.accept, request.method === 'HEAD'),
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => frontDoor.handle(req, res);
  const state = { store, tokens, db, clock, ids, directory: keystone.directory, data };
  const seed = (seedData: SeedData) => applySeed(state, seedData);
  const resetState = () => {
    store.clear();
    data.clear();
    tokens.clear();
    keystone.directory.clear();
    ids.rewind?.();
    if (resolved.seed) seed(resolved.seed);
  };
  const target: ControlTarget = {
    resetState,
    applySeed: (input) => applySeed(state, input),
    exportState: () => exportState(state),
    replaceState: (input) => replaceState(state, input),
    counts: () => countsOf(store),
    projectOf: (request) => identity.resolve(request.headers)?.projectId ?? null,
    applyConfig: (config) => Object.assign(live, config),
  };
  const control = new MockControl({ target, clock, startConfig });
  const controlService = resolved.control
    ? createControlService(control, { prefix: resolved.controlPrefix, token: resolved.controlToken })
    : undefined;
  if (controlService) frontDoor.mount({ prefix: resolved.controlPrefix, service: controlService });
  const interceptorDeps = {
    control,
    controlPrefix: resolved.controlPrefix,
    projectOf: target.projectOf,
    requestId: () => ids.requestId(),
    routeOf: (request: WireRequest) => routeTemplate(router, requestPath(request), !noauth),
    onEntry: resolved.onRequest,
  };
  const interceptors = [journalInterceptor(interceptorDeps), faultInterceptor(interceptorDeps)];
  for (const interceptor of interceptors) frontDoor.use(interceptor);
  if (resolved.seed) seed(resolved.seed);
  return {
    mock: {
      handle,
      frontDoor,
      options: resolved,
      seed,
      reset: () => control.reset(),
      exportState: () => exportState(state),
      replaceState: (document: unknown) => replaceState(state, document),
      control,
      controlService,
      interceptors,
    },
    data,
  };
}

function countsOf(store: MemoryStore): { images: number; members: number } {
  let images = 0;
  let members = 0;
  for (const image of store.images()) {
    images++;
    members += store.countMembers(image.id);
  }
  return { images, members };
}

/** The route template of a path a fault answered in Glance's or Keystone's place. */
function routeTemplate(router: GlanceRouter, path: string, keystone: boolean): string {
  if (keystone && (path === IDENTITY_PREFIX || path.startsWith(`${IDENTITY_PREFIX}/`))) return IDENTITY_PREFIX;
  const decoded = decodePath(path);
  const imagePrefix = decoded === IMAGE_PREFIX || decoded.startsWith(`${IMAGE_PREFIX}/`) ? IMAGE_PREFIX : '';
  const inner = decoded.slice(imagePrefix.length) || '/';
  return router.find(inner)?.template ?? UNMATCHED;
}

/**
 * Glance's controllers read the caller's context before anything else (their
 * repositories and policies are built from it), so a context that cannot be
 * read fails a call before the image is even looked up.
 */
function contextFirst<T extends object>(service: T): T {
  return new Proxy(service, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const [context] = args;
        if (typeof context === 'object' && context !== null) void (context as RequestContext).isAdmin;
        return (value as (...all: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
