import { performance } from 'node:perf_hooks';
import type { Interceptor, WireRequest, WireResponse } from '../wire/types';
import type { MockControl } from './control';
import { DEFAULT_HANG_MS, faultAnswer } from './faults';
import { journalEntry, type JournalEntry } from './journal';
export { requestPath } from './request-path';

export interface InterceptorDeps {
  control: MockControl;
  /** Requests to the control API itself are neither journaled nor faulted. */
  controlPrefix?: string;
  projectOf(request: WireRequest): string | null;
  requestId(): string;
  /** The route template of a path, for an answer a fault gave in the service's place. */
  routeOf?(request: WireRequest): string;
  /** Called with each entry once recorded (the request log). */
  onEntry?(entry: JournalEntry): void;
}

const faultsSeen = new WeakMap<WireRequest, { fault?: string; rules: string[] }>();

/** Outermost: every request and its answer into the journal and the metrics, faults included. */
export function journalInterceptor(deps: InterceptorDeps): Interceptor {
  return async (request, next) => {
    if (isControl(deps, request)) return next();
    const started = performance.now();
    const response = await next();
    const durationMs = performance.now() - started;
    const meta = response.meta ?? {};
    const project = meta.project !== undefined ? meta.project : safeProject(deps, request);
    const seen = faultsSeen.get(request);
    const recorded = deps.control.journal.record(
      {
        request,
        response: { ...response, meta: { ...meta, project }, ...(seen?.fault && { fault: seen.fault as WireResponse['fault'] }) },
        durationMs,
        namespace: request.namespace ?? '',
      },
      seen?.rules,
    );
    deps.control.recorded(recorded);
    // The entry is built now only for a listener (the request log); else when the journal is read.
    if (deps.onEntry) deps.onEntry(journalEntry(recorded));
    return response;
  };
}

/** Inside the journal: the fault rules' delays, and their answers in place of the service's. */
export function faultInterceptor(deps: InterceptorDeps): Interceptor {
  return async (request, next) => {
    if (isControl(deps, request)) return next();
    const action = deps.control.faultRules.pick(request, () => safeProject(deps, request));
    if (!action) return next();
    faultsSeen.set(request, {
      rules: action.ruleIds,
      ...(action.response && 'fault' in action.response && { fault: action.response.fault }),
    });
    if (action.delayMs > 0) await sleep(action.delayMs);
    if (!action.response) return next();
    if ('fault' in action.response && action.response.fault === 'hang') {
      // Held for the rule's bound, then closed without a byte: the client sees its own timeout first.
      await sleep(action.response.hangMs ?? DEFAULT_HANG_MS);
      return withMeta({ status: 0, reason: '', headers: [], body: undefined, fault: 'empty-response' }, deps.routeOf?.(request));
    }
    return withMeta(faultAnswer(action.response, request, deps.requestId()), deps.routeOf?.(request));
  };
}

const withMeta = (response: WireResponse, route?: string): WireResponse => ({
  ...response,
  meta: { service: 'fault', ...(route !== undefined && { route }), ...response.meta },
});

const isControl = (deps: InterceptorDeps, request: WireRequest) =>
  deps.controlPrefix !== undefined && request.base.endsWith(deps.controlPrefix);

function safeProject(deps: InterceptorDeps, request: WireRequest): string | null {
  try {
    return deps.projectOf(request);
  } catch {
    return null;
  }
}

/** A timer that never keeps the process alive on its own (a server closed mid-delay just ends). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
