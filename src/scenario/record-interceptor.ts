import { writeFileSync } from 'node:fs';
import type { Exchange, Interceptor } from '../wire/types';
import { scenarioFromExchanges, scenarioToYaml, type RecordOptions } from './record';

/** An interceptor that hands every exchange to `onExchange` once answered (the answer unchanged). */
export function exchangeRecorder(onExchange: (exchange: Exchange) => void): Interceptor {
  return async (request, next) => {
    const started = Date.now();
    const response = await next();
    onExchange({ request, response, durationMs: Date.now() - started, namespace: '' });
    return response;
  };
}

/**
 * `serve --record-scenario FILE`: every exchange the mock answers goes into a scenario,
 * rewritten to `file` after each one.
 */
export function scenarioFileRecorder(file: string, options: RecordOptions = {}): { interceptor: Interceptor; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const interceptor = exchangeRecorder((exchange) => {
    exchanges.push(exchange);
    writeFileSync(file, scenarioToYaml(scenarioFromExchanges(exchanges, options)));
  });
  return { interceptor, exchanges };
}
