import type { ProviderState } from './states';

/** Where provider states are set up: the mock (a seed document) or a real Glance (its public API). */
export interface StateTarget {
  /** What the summary calls it. */
  readonly description: string;
  /** Before an interaction's first state, or before its request when it has none. */
  begin(): Promise<void>;
  /** Sets one state up; resolves with the values the request takes through `fromProviderState`. */
  apply(state: ProviderState): Promise<Record<string, string>>;
  /** After an interaction's states, right before its request. */
  ready(): Promise<void>;
  /** The request's path with the pact's ids replaced by those that stand for them, when they differ. */
  rewritePath?(url: string): string;
}
