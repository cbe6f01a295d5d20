import type { Logger } from 'pino';
import type { JournalEntry } from '../control/journal';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** At the default level requests are not logged: stdout holds the URL line alone. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';
const INFO_AND_BELOW: readonly LogLevel[] = ['info', 'debug', 'trace'];

/**
 * One structured line per request (pino): JSON, or on a terminal a compact
 * human line, at `info`.
 */
export function requestLogger(level: LogLevel, write: (line: string) => void, human: boolean): (entry: JournalEntry) => void {
  // Requests are logged at info: above it nothing is ever written, and pino is not loaded.
  if (!INFO_AND_BELOW.includes(level)) return () => {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pino = require('pino') as typeof import('pino');
  const destination = { write: (line: string) => write(human ? humanLine(line) : line.trimEnd()) };
  const logger: Logger = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  return (entry) => {
    if (!logger.isLevelEnabled('info')) return;
    const fields = {
      method: entry.method,
      path: entry.path,
      ...(entry.query && { query: entry.query }),
      status: entry.status,
      durationMs: entry.durationMs,
      route: entry.route,
      project: entry.project,
      requestId: entry.requestId,
      ...(entry.namespace && { namespace: entry.namespace }),
      ...(entry.fault && { fault: entry.fault }),
      ...(entry.faultRules && { faultRules: entry.faultRules }),
    };
    logger.info(fields, 'request');
  };
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** `12:00:01.123 INFO  GET /v2/images 200 1.2 ms project=p1 req-…` */
function humanLine(json: string): string {
  try {
    const r = JSON.parse(json) as Record<string, unknown>;
    const time = typeof r.time === 'string' ? r.time.slice(11, 23) : '';
    const query = r.query ? `?${String(r.query)}` : '';
    const extras = [
      r.namespace && `ns=${String(r.namespace)}`,
      r.project && `project=${String(r.project)}`,
      r.fault && `fault=${String(r.fault)}`,
      r.requestId,
    ].filter(Boolean);
    const level = (LEVEL_NAMES[r.level as number] ?? '').padEnd(5);
    return `${time} ${level} ${String(r.method)} ${String(r.path)}${query} ${String(r.status)} ${String(r.durationMs)} ms ${extras.join(' ')}`.trimEnd();
  } catch {
    return json.trimEnd();
  }
}
