import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import type { RequestContext } from './domain/context';
import { ImageLookup } from './domain/image-lookup';
import { ImageService } from './domain/image-service';
import { memberPolicies } from './domain/member-policy';
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
import { applySeed } from './seed/apply-seed';
import type { SeedData } from './seed/seed-types';
import { MemoryStore } from './store/memory-store';
import { ImageDataStore } from './store/image-data-store';
import { imageDataAndTagRoutes } from './http/image-data-wiring';

/** One mock instance: its own store, tokens, clock and ids, and the front door over them. */
export interface GlanceMock {
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

export function createGlanceMock(options: GlanceMockOptions = {}): GlanceMock {
  const resolved = resolveOptions(options);
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
  const data = new ImageDataStore(resolved.dataMemoryLimit);
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
  const mounts: Mount[] = [
    { prefix: '', service: createGlanceService(glanceParts), streamsBody },
    { prefix: IMAGE_PREFIX, service: createGlanceService(glanceParts, IMAGE_PREFIX), streamsBody },
    ...(noauth ? [] : [{ prefix: IDENTITY_PREFIX, service: keystone.service }]),
  ];
  const frontDoor = new FrontDoor({ mounts });
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
  return { app, handle, frontDoor, options: resolved, seed, reset };
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
