import type { Express } from 'express';
import { createGlanceMock } from './mock';
import type { GlanceMockOptions } from './options';

export { createGlanceMock, type GlanceMock, type GlanceMockInstance } from './mock';
export { startGlanceMock, type RunningGlanceMock, type RunningNamespace, type StartOptions } from './server';
export { NAMESPACE_HEADER, NAMESPACE_PREFIX } from './namespaces/namespace-name';
export type { NamespaceInfo } from './namespaces/registry';
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
export type { SeedIdStreams, SeedImageStatus } from './seed/seed-types';
export { loadSeedFile, parseSeed, validateSeed, SeedError, type SeedProblem } from './seed/load-seed';
export type { SeedApplied } from './seed/apply-seed';
export {
  applySeedToGlance,
  trustedHeadersActor,
  tokenActor,
  type GlanceActor,
  type GlanceSeedApplied,
  type GlanceSeedOptions,
} from './seed/apply-to-glance';
export { loadNamedState, namedStates } from './seed/named-states';
export { generateSeed, type GenerateSeedOptions } from './seed/generate';
export { FixedClock, systemClock, type Clock } from './runtime/clock';
// The control plane: `mock.control`, the same as `/_mock` over HTTP.
export { MockControl, type SeedCreated } from './control/control';
export { ControlProblem } from './control/problem';
export type { JournalEntry, RequestFilterInput } from './control/journal';
export type { VerifyPattern, VerifyResult, NearMiss } from './control/verify';
export type { FaultRule, FaultRuleInput, FaultResponse } from './control/faults';
export type { LatencySpec } from './control/latency';
export type { ClockState, ClockChange } from './control/clock';
export type { RuntimeConfig } from './control/config';
export { seededIds, randomIds, type IdSource } from './runtime/ids';
export { GlanceError, GlanceMessages, type GlanceStatus, type GlanceErrorExtras } from './domain/glance-errors';
export type { DbProfileName, PolicyName } from './domain/profiles';
// The front door: requests and answers as values, and the interceptors that see them.
export type { WireRequest, WireResponse, ExchangeMeta, Exchange, Service, Interceptor } from './wire/types';
export type { FrontDoor, Mount } from './wire/front-door';
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
// Scenarios: read, play and record scripted flows.
export { playScenario, type PlayOptions, type TargetProfile, type ScenarioResult, type StepResult } from './scenario/play';
export { loadScenarioFile, parseScenario, validateScenario, scenarioFiles, ScenarioError } from './scenario/load-scenario';
export { prettyReport, jsonReport, junitReport } from './scenario/reporters';
export { scenarioFromExchanges, scenarioToYaml, type RecordOptions } from './scenario/record';
export { startRecordingProxy, type RecordingProxy, type RecordingProxyOptions } from './scenario/record-proxy';
export { exchangeRecorder, scenarioFileRecorder } from './scenario/record-interceptor';
export type { Mismatch } from './scenario/match';
export type { Scenario, Step, StepRequest, StepExpectation, Actor, LoadedScenario } from './scenario/types';
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
export {
  startRecordingProxy as startPactRecordingProxy,
  type RecordingProxy as PactRecordingProxy,
  type RecordingProxyOptions as PactRecordingProxyOptions,
} from './pact/recording-proxy';
export { STATE_NAMES, parseProviderState, ProviderStateError, type ProviderState, type StateName } from './pact/states';
