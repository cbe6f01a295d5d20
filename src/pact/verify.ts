import type { RequestHandler } from 'express';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsumerVersionSelector } from '@pact-foundation/pact-core';
import { startGlanceMock, type RunningGlanceMock } from '../server';
import type { GlanceMockOptions } from '../options';
import { controlPlaneSeeder } from './control-plane';
import { GlanceStateTarget } from './glance-states';
import { MockStateTarget } from './mock-states';
import type { StateTarget } from './state-target';
import { parseProviderState, ProviderStateError } from './states';

export interface BrokerOptions {
  pactBrokerUrl: string;
  pactBrokerToken?: string;
  pactBrokerUsername?: string;
  pactBrokerPassword?: string;
  consumerVersionSelectors?: ConsumerVersionSelector[];
  consumerVersionTags?: string[];
  publishVerificationResult?: boolean;
  providerVersion?: string;
  providerVersionBranch?: string;
  providerVersionTags?: string[];
  enablePending?: boolean;
  includeWipPactsSince?: string;
}

export interface VerifyOptions {
  /** Pact files, or folders whose `*.json` files are pacts. */
  pacts?: string[];
  broker?: BrokerOptions;
  /** The provider's name in the pacts (default `Glance`). */
  provider?: string;
  /** A running mock or Glance; without it an embedded mock is started. */
  providerBaseUrl?: string;
  /** Set states up through the public API even when the target is a mock with a control plane. */
  realGlance?: boolean;
  /** The running mock's `--control-token`, for its control plane. */
  controlToken?: string;
  /** Send each request's project as its Keystone token (project id → token; `admin` for the states). */
  tokenMap?: Record<string, string>;
  /** Options of the embedded mock. */
  mock?: GlanceMockOptions;
  /** Where progress and the summary go. */
  log?: (line: string) => void;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

export interface InteractionResult {
  consumer: string;
  description: string;
  ok: boolean;
  /** What failed, for a failed interaction. */
  failures: string[];
}

export interface VerifySummary {
  ok: boolean;
  target: string;
  interactions: InteractionResult[];
  /** Failures that belong to no interaction (a pact that cannot be read, a broker error). */
  errors: string[];
}

/** A response that never comes from Glance: the request was not sent because a provider state failed. */
export const STATE_FAILURE_STATUS = 599;
const SETUP_PATH = '/_pactSetup';
/** What JavaScript itself asks of an object (pact logs its options as JSON): never state names. */
const NOT_STATES = new Set(['toJSON', 'then', 'constructor', 'valueOf', 'toString', 'inspect']);

/** Verifies pacts against the mock or a Glance, with the provider-state vocabulary of states.ts. */
export async function verifyPacts(options: VerifyOptions): Promise<VerifySummary> {
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const pactUrls = options.pacts ? pactFiles(options.pacts) : [];
  if (pactUrls.length === 0 && !options.broker) throw new Error('no pact to verify: give pact files, a folder of them or a broker');
  let embedded: RunningGlanceMock | undefined;
  let baseUrl = options.providerBaseUrl;
  let target: StateTarget;
  if (baseUrl === undefined) {
    embedded = await startGlanceMock({ ...options.mock, onWarning: () => undefined });
    baseUrl = embedded.url;
    const running = embedded;
    target = new MockStateTarget({
      description: `an embedded glance-mock at ${running.url}`,
      memberQuota: options.mock?.memberQuota ?? 128,
      reset: running.reset,
      seed: (data) => {
        running.seed(data);
      },
    });
  } else {
    const control = options.realGlance ? undefined : await controlPlaneSeeder(baseUrl, options.controlToken);
    const admin = options.tokenMap?.admin;
    target = control ? new MockStateTarget(control) : new GlanceStateTarget(baseUrl, admin ? { token: admin } : undefined);
  }
  const interaction = new InteractionStates(target, log);
  try {
    // Loaded here, not at the top: pact's native core is only needed by this command, not by `serve`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Verifier } = require('@pact-foundation/pact') as typeof import('@pact-foundation/pact');
    const verifier = new Verifier({
      provider: options.provider ?? 'Glance',
      providerBaseUrl: baseUrl,
      ...(pactUrls.length > 0 ? { pactUrls } : {}),
      ...definedOnly(options.broker ?? {}),
      logLevel: options.logLevel ?? 'error',
      stateHandlers: interaction.handlers(),
      requestFilter: interaction.requestFilter(options.tokenMap),
    });
    const raw = await verifier.verifyProvider().then(
      (result) => ({ ok: true, json: String(result) }),
      (err: Error) => ({ ok: false, json: err.message }),
    );
    return summarise(raw.ok, raw.json, pactUrls, target.description, interaction.failures);
  } finally {
    await embedded?.close();
  }
}

/**
 * Follows pact's calls: every state of an interaction comes to the state
 * handlers in order, then its request comes through the request filter. pact
 * swallows a failing state handler's error, so a failed state is kept and the
 * request is answered with it instead of being sent: the interaction fails,
 * naming the state.
 */
class InteractionStates {
  private settingUp = false;
  private failure: string | undefined;
  /** The failed states, in the order their interactions ran. */
  readonly failures: string[] = [];

  constructor(
    private readonly target: StateTarget,
    private readonly log: (line: string) => void,
  ) {}

  private async beginIfNew(): Promise<void> {
    if (this.settingUp) return;
    this.settingUp = true;
    this.failure = undefined;
    await this.target.begin();
  }

  private async setUp(name: string, params: unknown): Promise<Record<string, string> | undefined> {
    await this.beginIfNew();
    // pact announces an interaction without states as the state ''.
    if (this.failure || name === '') return undefined;
    try {
      return await this.target.apply(parseProviderState(name, params));
    } catch (err) {
      this.failure = err instanceof ProviderStateError ? err.message : `provider state "${name}": ${(err as Error).message}`;
      this.log(`  ! ${this.failure}`);
      return undefined;
    }
  }

  /** Every state name finds a handler here, so that an unknown one fails instead of being skipped with a warning. */
  handlers(): Record<string, (params?: unknown) => Promise<Record<string, string> | undefined>> {
    return new Proxy(
      {},
      {
        get: (_target, name) =>
          typeof name === 'string' && !NOT_STATES.has(name) ? (params?: unknown) => this.setUp(name, params) : undefined,
        has: () => true,
      },
    );
  }

  requestFilter(tokenMap: Record<string, string> | undefined): RequestHandler {
    return (req, res, next) => {
      if (req.path === SETUP_PATH) return next();
      void (async () => {
        try {
          await this.beginIfNew();
          this.settingUp = false;
          if (!this.failure) await this.target.ready();
        } catch (err) {
          this.failure = `the provider states could not be applied: ${(err as Error).message}`;
        }
        const failure = this.failure ?? (tokenMap ? useToken(req.headers, tokenMap) : undefined);
        if (failure) {
          this.failures.push(failure);
          res.status(STATE_FAILURE_STATUS).type('text/plain').send(failure);
          return;
        }
        if (this.target.rewritePath) req.url = this.target.rewritePath(req.url);
        next();
      })();
    };
  }
}

/** Replaces keystonemiddleware's trusted headers by the token of their project. */
function useToken(headers: Record<string, string | string[] | undefined>, tokenMap: Record<string, string>): string | undefined {
  const project = headers['x-project-id'] ?? headers['x-tenant-id'];
  if (project === undefined) return undefined;
  const token = tokenMap[String(project)];
  if (token === undefined) return `the token map has no token for the project "${String(project)}"`;
  for (const name of ['x-identity-status', 'x-project-id', 'x-tenant-id', 'x-user-id', 'x-roles']) delete headers[name];
  headers['x-auth-token'] = token;
  return undefined;
}

/** Files as given; a folder's `*.json` files in name order. */
export function pactFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path, { throwIfNoEntry: false })) throw new Error(`${path}: no such file or folder`);
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
  });
}

interface VerifierJson {
  result?: boolean;
  errors?: Array<{ interaction?: string; mismatch?: unknown }>;
  output?: string[];
}

function summarise(ok: boolean, json: string, pactUrls: string[], target: string, stateFailures: string[]): VerifySummary {
  let parsed: VerifierJson;
  try {
    parsed = JSON.parse(json) as VerifierJson;
  } catch {
    return { ok: false, target, interactions: [], errors: [json] };
  }
  const failures = new Map<string, string[]>();
  const unexplained = [...stateFailures];
  for (const error of parsed.errors ?? []) {
    const description = error.interaction ?? '(no interaction)';
    let lines = mismatchLines(error.mismatch);
    // A request that was not sent (a failed state, no token): say why instead of what came back.
    if (lines.some((line) => line.includes(`but was ${STATE_FAILURE_STATUS}`)) && unexplained.length > 0) {
      lines = [`request not sent: ${unexplained.shift() as string}`];
    }
    failures.set(description, [...(failures.get(description) ?? []), ...lines]);
  }
  const listed = pactUrls.flatMap(interactionsOf);
  // pact names an interaction `Verifying a pact between <consumer> and <provider> [Given …] - <description>`.
  const keyOf = (one: { consumer: string; description: string }) =>
    [...failures.keys()].find(
      (key) => key.startsWith(`Verifying a pact between ${one.consumer} and `) && key.endsWith(` - ${one.description}`),
    );
  const matched = new Set<string>();
  const interactions = listed.map((one) => {
    const key = keyOf(one);
    if (key) matched.add(key);
    return { ...one, ok: !key, failures: key ? (failures.get(key) ?? []) : [] };
  });
  const errors = [...failures.entries()].filter(([key]) => !matched.has(key)).map(([key, lines]) => `${key}: ${lines.join('; ')}`);
  return { ok: ok && parsed.result !== false, target, interactions, errors };
}

function mismatchLines(mismatch: unknown): string[] {
  if (typeof mismatch !== 'object' || mismatch === null) return [String(mismatch)];
  const m = mismatch as { type?: string; message?: string; mismatches?: Array<Record<string, unknown>> };
  if (Array.isArray(m.mismatches)) {
    return m.mismatches.map((one) =>
      typeof one.mismatch === 'string'
        ? `${String(one.type ?? '')} ${one.path ? `${String(one.path)} ` : ''}${one.mismatch}`.trim()
        : JSON.stringify(one),
    );
  }
  return [m.message ?? JSON.stringify(mismatch)];
}

function interactionsOf(file: string): Array<{ consumer: string; description: string }> {
  try {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { consumer?: { name?: string }; interactions?: Array<{ description?: string }> };
    const consumer = pact.consumer?.name ?? '';
    return (pact.interactions ?? []).map((one) => ({ consumer, description: one.description ?? '' }));
  } catch {
    return [];
  }
}

/** Pact's Verifier refuses an option set to undefined. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The summary as lines: one per interaction, its failures below it, then the totals. */
export function formatSummary(summary: VerifySummary): string[] {
  const lines = [`verified against ${summary.target}`];
  let consumer: string | undefined;
  for (const one of summary.interactions) {
    if (one.consumer !== consumer) lines.push(`${(consumer = one.consumer)}:`);
    lines.push(`${one.ok ? '  ok    ' : '  FAILED'} ${one.description}`);
    for (const failure of one.failures) lines.push(`           ${failure}`);
  }
  for (const error of summary.errors) lines.push(`  ERROR  ${error}`);
  const failed = summary.interactions.filter((one) => !one.ok).length;
  lines.push(
    `${summary.interactions.length - failed} passed, ${failed} failed${summary.errors.length ? `, ${summary.errors.length} errors` : ''}`,
  );
  return lines;
}
