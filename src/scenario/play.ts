import { dirname, resolve } from 'node:path';
import type { DbProfileName, PolicyName } from '../domain/profiles';
import type { AuthMode, GlanceMockOptions } from '../options';
import { loadSeedFile } from '../seed/load-seed';
import type { SeedData } from '../seed/seed-types';
import { startGlanceMock, type RunningGlanceMock } from '../server';
import { call, type CallResult } from './http-call';
import { seedOf, Variables } from './interpolate';
import { parsePath, valueAt } from './jsonpath';
import { loadScenarioFile } from './load-scenario';
import { isMatcher, match, render, type Mismatch } from './match';
import type { Actor, LoadedScenario, Scenario, Step } from './types';

/** What the target is, for `requires`: the mock's defaults unless told. */
export interface TargetProfile {
  db?: DbProfileName;
  policy?: PolicyName;
  auth?: AuthMode;
}

export interface PlayOptions {
  /** A running Glance (or mock) to play against; without one, a fresh embedded mock per scenario. */
  target?: string;
  /** Keystone v3 for `keystone` actors; default `<target or mock>/identity/v3`. */
  identityUrl?: string;
  /** The target's deployment; also how the embedded mock is started. */
  profile?: TargetProfile;
  /** More options for the embedded mock. */
  mockOptions?: GlanceMockOptions;
  /** Called as each step ends. */
  onStep?: (step: StepResult, scenario: ScenarioResult) => void;
  /** Bound on each request (ms), default 30 000. */
  timeoutMs?: number;
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  /** 1-based. */
  index: number;
  name: string;
  status: Outcome;
  /** How many times it ran (a `repeat` step runs many). */
  iterations: number;
  /** 0-based iteration that failed, for a repeated step. */
  failedIteration?: number;
  durationMs: number;
  request?: { method: string; url: string };
  response?: { status: number; headers: Record<string, string>; text: string };
  mismatches: Mismatch[];
  /** Why the step could not be played (a bad variable, a refused connection, a failed login). */
  error?: string;
}

export interface ScenarioResult {
  name: string;
  file?: string;
  status: Outcome;
  /** Why it was skipped. */
  reason?: string;
  /** Where it was played: the target URL or `embedded mock`. */
  target: string;
  steps: StepResult[];
  durationMs: number;
}

/** Play one scenario: a file path, a scenario as read, or a scenario object. */
export async function playScenario(input: string | LoadedScenario | Scenario, options: PlayOptions = {}): Promise<ScenarioResult> {
  const loaded: LoadedScenario = typeof input === 'string' ? loadScenarioFile(input) : 'scenario' in input ? input : { scenario: input };
  const { scenario, file } = loaded;
  const started = Date.now();
  const result: ScenarioResult = {
    name: scenario.name,
    ...(file ? { file } : {}),
    status: 'passed',
    target: options.target ?? 'embedded mock',
    steps: [],
    durationMs: 0,
  };
  const skip = skipReason(scenario, options);
  if (skip) {
    result.status = 'skipped';
    result.reason = skip;
    result.steps = scenario.steps.map((step, i) => skippedStep(step, i));
    return result;
  }
  let mock: RunningGlanceMock | undefined;
  try {
    let base = options.target?.replace(/\/+$/, '');
    if (!base) {
      mock = await startGlanceMock({
        ...options.mockOptions,
        host: '127.0.0.1',
        port: 0,
        ...(options.profile?.db ? { dbProfile: options.profile.db } : {}),
        ...(options.profile?.policy ? { policy: options.profile.policy } : {}),
        ...(options.profile?.auth ? { auth: options.profile.auth } : {}),
        ...(scenario.seed !== undefined ? { seed: resolveSeed(scenario.seed, file) } : {}),
      });
      base = mock.url;
    }
    await new Playback(scenario, base, options, result).run();
  } catch (err) {
    result.status = 'failed';
    result.reason = (err as Error).message;
  } finally {
    await mock?.close();
    result.durationMs = Date.now() - started;
  }
  return result;
}

function skipReason(scenario: Scenario, options: PlayOptions): string | undefined {
  const profile = { db: 'mysql', policy: 'legacy', auth: 'keystone', ...options.profile };
  for (const [key, wanted] of Object.entries(scenario.requires ?? {})) {
    const actual = profile[key as keyof typeof profile];
    if (wanted !== actual) return `requires ${key} ${String(wanted)}; the target's is ${String(actual)}`;
  }
  if (scenario.seed !== undefined && options.target)
    return `needs a seed, which only the embedded mock loads (played without --target); not against ${options.target}`;
  return undefined;
}

function resolveSeed(seed: SeedData | string, file: string | undefined): SeedData {
  if (typeof seed !== 'string') return seed;
  return loadSeedFile(file ? resolve(dirname(file), seed) : seed);
}

function skippedStep(step: Step, i: number): StepResult {
  return { index: i + 1, name: step.name, status: 'skipped', iterations: 0, durationMs: 0, mismatches: [] };
}

class Playback {
  private readonly vars: Variables;
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly scenario: Scenario,
    private readonly base: string,
    private readonly options: PlayOptions,
    private readonly result: ScenarioResult,
  ) {
    this.vars = new Variables(scenario.fakerSeed ?? seedOf(scenario.name));
  }

  async run(): Promise<void> {
    try {
      // In the order written, so that a variable may use the ones before it.
      for (const [name, value] of Object.entries(this.scenario.variables ?? {})) this.vars.set(name, this.vars.deep(value));
    } catch (err) {
      this.result.status = 'failed';
      this.result.reason = `variables: ${(err as Error).message}`;
      this.result.steps = this.scenario.steps.map((step, i) => skippedStep(step, i));
      return;
    }
    let failed = false;
    for (const [i, step] of this.scenario.steps.entries()) {
      const stepResult = failed ? skippedStep(step, i) : await this.step(step, i);
      if (stepResult.status === 'failed') failed = true;
      this.result.steps.push(stepResult);
      this.options.onStep?.(stepResult, this.result);
    }
    if (failed) this.result.status = 'failed';
  }

  private async step(step: Step, i: number): Promise<StepResult> {
    const started = Date.now();
    const out: StepResult = { index: i + 1, name: step.name, status: 'passed', iterations: 0, durationMs: 0, mismatches: [] };
    const times = step.repeat ?? 1;
    for (let n = 0; n < times; n++) {
      this.vars.set('index', n);
      out.iterations = n + 1;
      try {
        await this.once(step, out);
      } catch (err) {
        out.error = (err as Error).message;
      }
      if (out.error || out.mismatches.length) {
        out.status = 'failed';
        if (times > 1) out.failedIteration = n;
        break;
      }
    }
    out.durationMs = Date.now() - started;
    return out;
  }

  private async once(step: Step, out: StepResult): Promise<void> {
    const req = step.request;
    const method = req.method.toUpperCase();
    let url = `${this.base}${String(this.vars.string(req.path))}`;
    if (req.query) {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(req.query)) query.append(k, String(typeof v === 'string' ? this.vars.string(v) : v));
      url += `${url.includes('?') ? '&' : '?'}${query.toString()}`;
    }
    const headers: Record<string, string> = { ...(await this.actorHeaders(step.actor)) };
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = String(this.vars.string(v));
    let body: Buffer | undefined;
    if (req.body !== undefined) {
      const value = this.vars.deep(req.body);
      if (typeof req.body === 'string') body = Buffer.from(String(value), 'utf8');
      else {
        body = Buffer.from(JSON.stringify(value), 'utf8');
        headers['content-type'] ??= 'application/json';
      }
    }
    out.request = { method, url };
    const res = await call(method, url, headers, body, this.options.timeoutMs);
    const text = res.body.toString('utf8');
    out.response = { status: res.status, headers: res.headers, text };
    // Captured first, so that the step's own expectations may use them (`id: ${image}`).
    const missing = this.capture(step, res, text);
    out.mismatches = [...this.check(step, res, text), ...missing];
  }

  private check(step: Step, res: CallResult, text: string): Mismatch[] {
    const expect = step.expect;
    if (!expect) return [];
    const out: Mismatch[] = [];
    if (expect.status !== undefined) {
      const wanted = Array.isArray(expect.status) ? expect.status : [expect.status];
      if (!wanted.includes(res.status)) out.push({ path: 'status', expected: wanted.join(' or '), actual: String(res.status) });
    }
    for (const [name, raw] of Object.entries(expect.headers ?? {})) {
      const wanted = this.vars.deep(raw);
      const actual = res.headers[name.toLowerCase()];
      if (typeof wanted === 'string' || !isMatcher(wanted)) {
        const value = String(wanted);
        if (actual !== value)
          out.push({ path: `header ${name}`, expected: render(value), actual: actual === undefined ? '(absent)' : render(actual) });
      } else out.push(...match(wanted, actual, `header ${name}`));
    }
    if (expect.body !== undefined || expect.bodyEquals !== undefined) {
      const exact = expect.bodyEquals !== undefined;
      const wanted = this.vars.deep(exact ? expect.bodyEquals : expect.body);
      const json = parseJson(text);
      if (json === NOT_JSON) out.push({ path: '$', expected: `JSON ${render(wanted)}`, actual: text === '' ? '(no body)' : render(text) });
      else out.push(...match(wanted, json, '$', exact ? 'exact' : 'subset'));
    }
    if (expect.text !== undefined) {
      const wanted = this.vars.deep(expect.text);
      if (isMatcher(wanted)) out.push(...match(wanted, text, 'text'));
      else if (text !== String(wanted)) out.push({ path: 'text', expected: render(String(wanted), 2000), actual: render(text, 2000) });
    }
    return out;
  }

  private capture(step: Step, res: CallResult, text: string): Mismatch[] {
    const missing: Mismatch[] = [];
    let json: unknown;
    for (const [name, from] of Object.entries(step.capture ?? {})) {
      let value: unknown;
      if (from.startsWith('header:')) value = res.headers[from.slice('header:'.length).trim().toLowerCase()];
      else {
        json ??= parseJson(text);
        const path = parsePath(from);
        value = json === NOT_JSON || !path ? undefined : valueAt(json, path);
      }
      if (value === undefined) missing.push({ path: `capture ${name}`, expected: `a value at ${from}`, actual: '(absent)' });
      else this.vars.set(name, value);
    }
    return missing;
  }

  private async actorHeaders(name: string | undefined): Promise<Record<string, string>> {
    if (name === undefined) return {};
    const actor = (this.scenario.actors ?? {})[name] as Actor;
    const headers: Record<string, string> = {};
    if ('token' in actor) headers['x-auth-token'] = String(this.vars.string(actor.token));
    else if ('keystone' in actor) headers['x-auth-token'] = await this.login(name, actor.keystone);
    else if ('project' in actor) {
      headers['x-identity-status'] = 'Confirmed';
      headers['x-project-id'] = String(this.vars.string(actor.project));
      if (actor.roles) headers['x-roles'] = actor.roles.map((r) => String(this.vars.string(r))).join(',');
      if (actor.user) headers['x-user-id'] = String(this.vars.string(actor.user));
    }
    for (const [k, v] of Object.entries(actor.headers ?? {})) headers[k.toLowerCase()] = String(this.vars.string(v));
    return headers;
  }

  private async login(name: string, login: { username: string; password: string; project?: string; domain?: string }): Promise<string> {
    const known = this.tokens.get(name);
    if (known) return known;
    const domain = { name: login.domain ? String(this.vars.string(login.domain)) : 'Default' };
    const body = {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: String(this.vars.string(login.username)), password: String(this.vars.string(login.password)), domain },
          },
        },
        ...(login.project ? { scope: { project: { name: String(this.vars.string(login.project)), domain } } } : {}),
      },
    };
    const url = `${(this.options.identityUrl ?? `${this.base}/identity/v3`).replace(/\/+$/, '')}/auth/tokens`;
    let res: CallResult;
    try {
      res = await call('POST', url, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body)), this.options.timeoutMs);
    } catch (err) {
      throw new Error(`actor ${name}: cannot log in at ${url} (${(err as Error).message})`, { cause: err });
    }
    const token = res.headers['x-subject-token'];
    if (res.status !== 201 || !token)
      throw new Error(
        `actor ${name}: logging in at ${url} as ${body.auth.identity.password.user.name} got ${res.status} ${render(res.body.toString('utf8'))}`,
      );
    this.tokens.set(name, token);
    return token;
  }
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
