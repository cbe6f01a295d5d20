import type { SeedApplied } from '../seed/apply-seed';
import type { SeedData } from '../seed/seed-types';
import type { WireRequest } from '../wire/types';
import { ControlledClock, type ClockChange, type ClockState } from './clock';
import { checkConfigChange, type RuntimeConfig } from './config';
import { FaultRules, type FaultRule, type FaultRuleInput } from './faults';
import { Journal, journalFilter, observation, type JournalEntry, type Recorded, type RequestFilterInput } from './journal';
import { MockMetrics } from './metrics';
import { ControlProblem } from './problem';
import { verificationFailed, verify, type VerifyPattern, type VerifyResult } from './verify';

/** What a seed created, with the ids generated for it. */
export type SeedCreated = SeedApplied;

/** The parts of a mock instance its control plane works on. */
export interface ControlTarget {
  /** Forget the store, tokens and identities; rewind seeded ids; load the start-up seed. */
  resetState(): void;
  /** Apply a seed all or nothing; a bad one throws a SeedError naming the field. */
  applySeed(seed: unknown): SeedCreated;
  exportState?(): SeedData;
  replaceState?(state: unknown): SeedApplied;
  counts(): { images: number; members: number };
  /** The caller's project as the identity layer sees it, null when none or unknown. */
  projectOf(request: WireRequest): string | null;
  /** Apply run-time options to the live instance. */
  applyConfig(config: RuntimeConfig): void;
}

export interface ControlParts {
  target: ControlTarget;
  clock: ControlledClock;
  startConfig: RuntimeConfig;
}

/**
 * The control plane of one mock instance: the one implementation behind both
 * `/_mock/...` over HTTP and `mock.control` in process.
 */
export class MockControl {
  readonly journal: Journal;
  readonly faultRules = new FaultRules();
  readonly metrics: MockMetrics;
  private current: RuntimeConfig;

  constructor(private readonly parts: ControlParts) {
    this.current = { ...parts.startConfig };
    this.journal = new Journal(this.current.journalSize);
    this.metrics = new MockMetrics({
      images: () => parts.target.counts().images,
      members: () => parts.target.counts().members,
      journalSize: () => this.journal.size,
      activeFaults: () => this.faultRules.active,
    });
  }

  /** Forget everything (store, journal, faults, clock, run-time options) and load the start-up seed. */
  reset(): void {
    this.parts.clock.system();
    this.faultRules.reset();
    this.current = { ...this.parts.startConfig };
    this.parts.target.applyConfig(this.current);
    this.journal.reset(this.current.journalSize);
    this.metrics.reset();
    this.parts.target.resetState();
  }

  /** Add a seed document to the current state, all or nothing. */
  seed(data: SeedData | unknown): SeedCreated {
    return this.parts.target.applySeed(data);
  }

  /** The whole state as a seed document. */
  state(): SeedData {
    if (!this.parts.target.exportState) throw new ControlProblem(501, 'this build cannot export its state');
    return this.parts.target.exportState();
  }

  /** Replace the whole state with a document read from `state()`. */
  replaceState(state: SeedData | unknown): SeedApplied {
    if (!this.parts.target.replaceState) throw new ControlProblem(501, 'this build cannot replace its state');
    return this.parts.target.replaceState(state);
  }

  /** Journal entries, oldest first. */
  requests(filter: RequestFilterInput = {}): JournalEntry[] {
    return this.journal.find(journalFilter(filter));
  }

  clearRequests(): number {
    return this.journal.clear();
  }

  /** `ok` and the count; when it fails, why and the near misses. */
  verify(pattern: VerifyPattern | VerifyPattern[] | { inOrder: VerifyPattern[] }): VerifyResult {
    return verify(pattern, this.journal.all());
  }

  /** Like `verify`, but a failure throws the 422 problem (its message says why). */
  assert(pattern: VerifyPattern | VerifyPattern[] | { inOrder: VerifyPattern[] }): VerifyResult {
    const result = this.verify(pattern);
    if (!result.ok) throw verificationFailed(result);
    return result;
  }

  readonly faults = {
    add: (rule: FaultRuleInput): FaultRule => this.faultRules.add(rule),
    list: (): FaultRule[] => this.faultRules.list(),
    get: (id: string): FaultRule | undefined => this.faultRules.get(id),
    remove: (id: string): boolean => this.faultRules.remove(id),
    clear: (): number => this.faultRules.clear(),
  };

  readonly clock = {
    now: (): Date => this.parts.clock.now(),
    state: (): ClockState => this.parts.clock.state(),
    /** Stand still at `at` (default: now). */
    freeze: (at?: string | number | Date): ClockState => {
      this.parts.clock.freeze(at);
      return this.parts.clock.state();
    },
    advance: (ms: number): ClockState => this.parts.clock.apply({ advanceBy: ms }),
    system: (): ClockState => this.parts.clock.apply({ system: true }),
    set: (change: ClockChange): ClockState => this.parts.clock.apply(change),
  };

  /** The run-time options; with a change, checked in full, then applied. */
  config(change?: Partial<RuntimeConfig>): RuntimeConfig {
    if (change !== undefined) {
      const checked = checkConfigChange(change);
      this.current = { ...this.current, ...checked };
      if (checked.journalSize !== undefined) this.journal.resize(checked.journalSize);
      this.parts.target.applyConfig(this.current);
    }
    return { ...this.current };
  }

  metricsText(): Promise<string> {
    return this.metrics.text();
  }

  /** Called by the front door for each request it answered (the control plane's own excepted). */
  recorded(recorded: Recorded): void {
    this.metrics.observe(observation(recorded));
  }
}
