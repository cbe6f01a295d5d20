import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import type { RequestContext } from './domain/context';
import { ImageLookup } from './domain/image-lookup';
import { ImageService } from './domain/image-service';
import { memberPolicies } from './domain/member-policy';
import { MembersService } from './domain/members';
import { dbProfiles } from './domain/profiles';
import { createGlanceService, glanceBodyTooLarge, IMAGE_PREFIX } from './http/glance-service';
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
import { applySeed } from './seed/apply-seed';
import type { SeedData } from './seed/seed-types';
import { MemoryStore } from './store/memory-store';
import { ImageDataStore, MemoryBudget } from './store/image-data-store';
import { imageDataAndTagRoutes } from './http/image-data-wiring';
import { namespaceDispatch } from './namespaces/dispatch';
import { NamespaceRegistry, type NamespaceInfo } from './namespaces/registry';

/** One mock instance: its own store, tokens, clock and ids, and the front door over them. */
export interface GlanceMockInstance {
  /** The Express app: mountable in an app of your own (`app.use('/glance', mock.app)`), the mount path honoured. */
  app: Express;
  /** A plain Node request listener: `http.createServer(mock.handle)`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Where every request comes in: `frontDoor.use(interceptor)` sees and may change every exchange. */
  frontDoor: FrontDoor;
  options: ResolvedOptions;
  /** Add seed data to the current state. */
  seed(data: SeedData): void;
  /** Forget everything, then load the start-up seed again. */
  reset(): void;
}

/**
 * A mock: its default instance, and its namespaces (isolated instances selected
 * by `/_ns/{name}` or a header). `app`, `handle` serve them all; `frontDoor` is
 * the default namespace's (a namespace's own is on `namespace(name).frontDoor`).
 */
export interface GlanceMock extends GlanceMockInstance {
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
  const root = createInstance(resolved, budget);
  // A namespace is made from the options as given, so that a seed for ids gives each its own streams.
  const registry = new NamespaceRegistry(
    () => createInstance(resolveOptions(options), budget),
    resolved.maxNamespaces,
    (dropped) => releaseData.get(dropped)?.(),
  );
  const dispatch = namespaceDispatch(root, registry);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res) => dispatch(req, res, req.baseUrl));
  return {
    ...root,
    app,
    handle: (req, res) => dispatch(req, res),
    namespace: (name) => registry.get(name, 'name'),
    namespaces: () => registry.list(),
    dropNamespace: (name) => registry.drop(name),
  };
}

/** How a dropped namespace gives its image data's bytes back to the shared budget. */
const releaseData = new WeakMap<GlanceMockInstance, () => void>();

function createInstance(resolved: ResolvedOptions, budget: MemoryBudget): GlanceMockInstance {
  const instance = createOneInstance(resolved, budget);
  releaseData.set(instance.mock, () => instance.data.clear());
  return instance.mock;
}

function createOneInstance(resolved: ResolvedOptions, budget: MemoryBudget): { mock: GlanceMockInstance; data: ImageDataStore } {
  const db = dbProfiles[resolved.dbProfile];
  const store = new MemoryStore(db.collate);
  const tokens = new TokenRegistry();
  const { clock, ids } = resolved;
  const images = new ImageLookup(store, db);
  const members = contextFirst(
    new MembersService({
      store,
      images,
      db,
      policy: memberPolicies[resolved.policy],
      memberQuota: resolved.memberQuota,
      clock,
    }),
  );
  const data = new ImageDataStore(budget);
  const imageService = contextFirst(
    new ImageService({ store, images, clock, ids, policy: resolved.policy, data, tagQuota: resolved.imageTagQuota, db }),
  );
  const router = glanceRouter([
    ...memberRoutes(members),
    ...imageRoutes(imageService),
    ...imageDataAndTagRoutes({ store, images, data, clock, policy: resolved.policy }, resolved),
    ...schemaRoutes(),
  ]);
  const keystone = createKeystone({ tokens, clock, ids });
  // A Glance deployed without Keystone has no Keystone beside it either: `/identity` is Glance's.
  const noauth = resolved.auth === 'noauth';
  const glanceParts = {
    router,
    identity: noauth ? unauthenticatedResolver : createIdentityResolver(tokens, clock),
    ids,
    imageCache: resolved.imageCache,
  };
  const streamsBody = isImageUpload;
  const refuseBody = glanceBodyTooLarge;
  const mounts: Mount[] = [
    { prefix: '', service: createGlanceService(glanceParts), streamsBody, refuseBody },
    { prefix: IMAGE_PREFIX, service: createGlanceService(glanceParts, IMAGE_PREFIX), streamsBody, refuseBody },
    ...(noauth ? [] : [{ prefix: IDENTITY_PREFIX, service: keystone.service }]),
  ];
  const frontDoor = new FrontDoor({ mounts, maxBodyBytes: resolved.maxRequestBody });
  const handle = (req: IncomingMessage, res: ServerResponse) => frontDoor.handle(req, res);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res) => frontDoor.handle(req, res, req.baseUrl));
  const seed = (data: SeedData) => applySeed({ store, tokens, db, clock, ids, directory: keystone.directory }, data);
  const reset = () => {
    store.clear();
    data.clear();
    tokens.clear();
    keystone.directory.clear();
    ids.rewind?.();
    if (resolved.seed) seed(resolved.seed);
  };
  if (resolved.seed) seed(resolved.seed);
  return { mock: { app, handle, frontDoor, options: resolved, seed, reset }, data };
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
