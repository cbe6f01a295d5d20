import type { SeedData } from '../seed/seed-types';

/** A scripted flow against Glance: the format of `scenarios/*.yaml` (see scenario.schema.json). */
export interface Scenario {
  name: string;
  description?: string;
  /** Where it applies; elsewhere it is skipped with the reason. */
  requires?: ScenarioRequirements;
  /** State for the embedded mock: a seed document, or a path relative to the scenario file. */
  seed?: SeedData | string;
  /** Seed of the `${faker.…}` values; default: derived from the name. */
  fakerSeed?: number;
  variables?: Record<string, unknown>;
  actors?: Record<string, Actor>;
  steps: Step[];
}

export interface ScenarioRequirements {
  db?: 'mysql' | 'sqlite';
  policy?: 'legacy' | 'secure-rbac';
  auth?: 'keystone' | 'noauth';
}

export type Actor = TrustedActor | TokenActor | KeystoneActor | HeadersActor;

/** Sent as the trusted headers keystonemiddleware hands to Glance. */
export interface TrustedActor {
  project: string;
  roles?: string[];
  user?: string;
  headers?: Record<string, string>;
}

export interface TokenActor {
  token: string;
  headers?: Record<string, string>;
}

/** Logs in with a password through Keystone v3 and sends the token it gets. */
export interface KeystoneActor {
  keystone: { username: string; password: string; project?: string; domain?: string };
  headers?: Record<string, string>;
}

export interface HeadersActor {
  headers?: Record<string, string>;
}

export interface Step {
  name: string;
  actor?: string;
  repeat?: number;
  request: StepRequest;
  expect?: StepExpectation;
  /** Variable name → `$.json.path` of the response body, or `header:Name`. */
  capture?: Record<string, string>;
}

export interface StepRequest {
  method: string;
  path: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** JSON, or a string sent as it is. */
  body?: unknown;
}

export interface StepExpectation {
  status?: number | number[];
  headers?: Record<string, unknown>;
  /** A subset of the JSON body; values may be matchers. */
  body?: unknown;
  /** The whole JSON body; values may be matchers. */
  bodyEquals?: unknown;
  /** The body as text: a string (exact) or a matcher. */
  text?: unknown;
}

/** A scenario as read from a file. */
export interface LoadedScenario {
  scenario: Scenario;
  /** The file it came from, for messages and relative seed paths. */
  file?: string;
}
