import type { Express } from 'express';
import type { RequestContext } from './domain/context';
import { ImageLookup } from './domain/image-lookup';
import { ImageService } from './domain/image-service';
import { memberPolicies } from './domain/member-policy';
import { MembersService } from './domain/members';
import { dbProfiles } from './domain/profiles';
import { buildExpressApp } from './http/app';
import { schemaRoutes } from './http/discovery.routes';
import { imageRoutes } from './http/images.routes';
import { memberRoutes } from './http/members.routes';
import { Router } from './http/router';
import { createIdentityResolver, unauthenticatedResolver } from './identity/identity';
import { TokenRegistry } from './identity/tokens';
import { createKeystone } from './keystone/keystone';
import { resolveOptions, type GlanceMockOptions, type ResolvedOptions } from './options';
import { applySeed } from './seed/apply-seed';
import type { SeedData } from './seed/seed-types';
import { MemoryStore } from './store/memory-store';
import { ImageDataStore } from './store/image-data-store';
import { imageDataAndTagRoutes } from './http/image-data-wiring';
import { decodePath } from './http/router';
import { ControlledClock } from './control/clock';
import { startingConfig, type RuntimeConfig } from './control/config';
import { MockControl, type ControlTarget } from './control/control';
import { controlBridge } from './control/express-bridge';
import { faultInterceptor, journalInterceptor } from './control/interceptors';
import { seedReport } from './control/seed-report';
import { createControlService } from './control/service';
import type { Interceptor, Service } from './wire/types';

/** One mock instance: its own store, tokens, clock and ids, and the Express app over them. */
export interface GlanceMock {
  app: Express;
  options: ResolvedOptions;
  /** Add seed data to the current state. */
  seed(data: SeedData): void;
  /** Forget everything (journal, faults, clock and run-time options too), then load the start-up seed again. */
  reset(): void;
  /** The control plane: the same as `/_mock` over HTTP. */
  control: MockControl;
  /** What the front door runs: the control API (when on) and the interceptors around Glance and Keystone. */
  controlService?: Service;
  interceptors: Interceptor[];
}

export function createGlanceMock(options: GlanceMockOptions = {}): GlanceMock {
  const resolved = resolveOptions(options);
  const db = dbProfiles[resolved.dbProfile];
  const store = new MemoryStore(db.collate);
  const tokens = new TokenRegistry();
  const { ids } = resolved;
  // Every part reads this one clock, so freezing or moving it moves every timestamp and expiry.
  const clock = new ControlledClock(resolved.clock);
  const startConfig = startingConfig(resolved, resolved.journalSize);
  const live: RuntimeConfig = { ...startConfig };
  const images = new ImageLookup(store, db);
  const members = contextFirst(
    new MembersService({
      store,
      images,
      db,
      policy: memberPolicies[resolved.policy],
      get memberQuota() {
        return live.memberQuota;
      },
      clock,
    }),
  );
  const data = new ImageDataStore(resolved.dataMemoryLimit);
  const imageService = contextFirst(
    new ImageService({
      store,
      images,
      clock,
      ids,
      policy: resolved.policy,
      data,
      get tagQuota() {
        return live.imageTagQuota;
      },
      db,
    }),
  );
  const router = new Router([
    ...memberRoutes(members),
    ...imageRoutes(imageService),
    ...imageDataAndTagRoutes({ store, images, data, clock, policy: resolved.policy }, live),
    ...schemaRoutes(),
  ]);
  const keystone = createKeystone({ tokens, clock, ids });
  // A Glance deployed without Keystone has no Keystone beside it either: `/identity` is Glance's.
  const noauth = resolved.auth === 'noauth';
  const identity = noauth ? unauthenticatedResolver : createIdentityResolver(tokens, clock);
  const seed = (data: SeedData) => applySeed({ store, tokens, db, clock, ids, directory: keystone.directory }, data);
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
    applySeed: (input) => seedReport(store, keystone.directory, input, () => seed(input as SeedData)),
    counts: () => countsOf(store),
    projectOf: (request) => identity.resolve(request.headers)?.projectId ?? null,
    applyConfig: (config) => Object.assign(live, config),
  };
  const control = new MockControl({ target, clock, startConfig });
  const routeOf = (request: { rawPath: string }) => routeTemplate(router, request.rawPath, !noauth);
  const interceptorDeps = { control, projectOf: target.projectOf, requestId: () => ids.requestId(), routeOf, onEntry: resolved.onRequest };
  const interceptors = [journalInterceptor(interceptorDeps), faultInterceptor(interceptorDeps)];
  const controlService = resolved.control
    ? createControlService(control, { prefix: resolved.controlPrefix, token: resolved.controlToken })
    : undefined;
  const app = buildExpressApp({
    router,
    identity,
    ids,
    keystone: noauth ? undefined : keystone.handle,
    imageCache: resolved.imageCache,
    maxRequestBody: resolved.maxRequestBody,
    front: controlBridge({
      control: controlService && { service: controlService, prefix: resolved.controlPrefix },
      interceptors,
      routeOf: (_method, rawPath) => routeOf({ rawPath }),
    }),
  });
  if (resolved.seed) seed(resolved.seed);
  return { app, options: resolved, seed, reset: () => control.reset(), control, controlService, interceptors };
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

/** The route template of a path, as the journal and the metrics name it. */
function routeTemplate(router: Router, rawPath: string, keystone: boolean): string {
  if (keystone && (rawPath === '/identity' || rawPath.startsWith('/identity/'))) return '/identity/...';
  const path = decodePath(rawPath);
  const imagePrefix = path === '/image' || path.startsWith('/image/') ? '/image' : '';
  const inner = path.slice(imagePrefix.length) || '/';
  if (inner === '/healthcheck' || inner === '/' || inner === '/versions') return `${imagePrefix}${inner}`;
  const template = router.templateOf(inner);
  return template === undefined ? 'unmatched' : `${imagePrefix}${template}`;
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
