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
export { GlanceError, GlanceMessages, type GlanceStatus, type GlanceErrorExtras } from './domain/glance-errors';
export type { DbProfileName, PolicyName } from './domain/profiles';
// The front door: requests and answers as values, and the interceptors that see them.
export type { WireRequest, WireResponse, ExchangeMeta, Exchange, Service, Interceptor } from './wire/types';
export type { FrontDoor, Mount, ServiceSet, ServiceSetResolver } from './wire/front-door';
// The conformance suite: its cases, the runner, the recorded expectations and the report.
export { allCases, casesOf, CASE_SETS, type CaseSetName } from './conformance/cases';
export { runCases, differences, type RunOptions, type Outcome } from './conformance/runner';
export { compareAll, buildReport, formatReport, type Comparison, type ConformanceReport } from './conformance/report';
export { trustedHeaderIdentities, tokenIdentities, type Identities } from './conformance/identities';
export {
  expectationsFile,
  readExpectations,
  recordingName,
  writeExpectations,
  type RecordedExpectations,
} from './conformance/expectations';
export type { ConformanceCase, CaseBody, ImageFixture, FixtureVisibility, Observed, Persona } from './conformance/types';

/** The Express app of a fresh mock instance, for supertest or your own server. */
export function createApp(options: GlanceMockOptions = {}): Express {
  return createGlanceMock(options).app;
}
// A typed client of Glance's image sharing, and its error.
export * from './client';
// Pact: provider verification with the provider-state vocabulary, and pacts recorded from exchanges.
export { verifyPacts, formatSummary, type VerifyOptions, type VerifySummary, type BrokerOptions } from './pact/verify';
export { pactFromExchanges, type PactFile, type PactParticipants } from './pact/record';
export { pactRecorder, type PactRecorder } from './pact/pact-recorder';
export { startRecordingProxy, type RecordingProxy, type RecordingProxyOptions } from './pact/recording-proxy';
export { STATE_NAMES, parseProviderState, ProviderStateError, type ProviderState, type StateName } from './pact/states';
