import { writeFileSync } from 'node:fs';
import type { Exchange, Interceptor } from '../wire/types';
import { scenarioFromExchanges, scenarioToYaml, type RecordOptions } from './record';

/** An interceptor that hands every exchange to `onExchange` once answered (the answer unchanged). */
export function exchangeRecorder(onExchange: (exchange: Exchange) => void): Interceptor {
  return async (request, next) => {
    const started = Date.now();
    const response = await next();
    onExchange({ request, response, durationMs: Date.now() - started, namespace: request.namespace ?? '' });
    return response;
  };
}

/**
 * `serve --record-scenario FILE`: every exchange the mock answers goes into a scenario,
 * rewritten after each one. Each namespace is a cloud of its own, so its exchanges make a
 * scenario of their own, played alone: the default namespace's go to `file`, namespace
 * `gw0`'s to `file` with `.gw0` before its extension (`flow.scenario.yaml` → `flow.gw0.scenario.yaml`).
 */
export function scenarioFileRecorder(file: string, options: RecordOptions = {}): { interceptor: Interceptor; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const byNamespace = new Map<string, Exchange[]>();
  const interceptor = exchangeRecorder((exchange) => {
    exchanges.push(exchange);
    const { namespace } = exchange;
    const own = byNamespace.get(namespace) ?? [];
    byNamespace.set(namespace, own);
    own.push(exchange);
    const named = namespace ? { ...options, name: `${options.name ?? 'recorded flow'} (namespace ${namespace})` } : options;
    writeFileSync(namespaceFile(file, namespace), scenarioToYaml(scenarioFromExchanges(own, named)));
  });
  return { interceptor, exchanges };
}

/** Where a namespace's scenario goes: `.{namespace}` before the file's extension ('' : the file itself). */
export function namespaceFile(file: string, namespace: string): string {
  if (!namespace) return file;
  const extension = /(\.scenario)?\.(ya?ml|json)$/.exec(file)?.[0] ?? '';
  return `${file.slice(0, file.length - extension.length)}.${namespace}${extension}`;
}
