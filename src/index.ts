import type { Express } from 'express';
import { createGlanceMock } from './mock';
import type { GlanceMockOptions } from './options';

export { createGlanceMock, type GlanceMock } from './mock';
export { startGlanceMock, type RunningGlanceMock, type StartOptions } from './server';
export { type GlanceMockOptions, type AuthMode, DEFAULT_MEMBER_QUOTA } from './options';
export type {
  SeedData,
  SeedDomain,
  SeedImage,
  SeedMember,
  SeedProject,
  SeedRole,
  SeedRoleAssignment,
  SeedToken,
  SeedUser,
} from './seed/seed-types';
export { loadSeedFile, validateSeed, SeedError } from './seed/load-seed';
export { FixedClock, systemClock, type Clock } from './runtime/clock';
export { seededIds, randomIds, type IdSource } from './runtime/ids';
export { GlanceMessages } from './domain/glance-errors';
export type { DbProfileName, PolicyName } from './domain/profiles';

/** The Express app of a fresh mock instance, for supertest or your own server. */
export function createApp(options: GlanceMockOptions = {}): Express {
  return createGlanceMock(options).app;
}
