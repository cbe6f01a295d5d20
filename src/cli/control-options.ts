import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE } from '../control/journal';
import { DEFAULT_CONTROL_PREFIX } from '../control/service';
import { DEFAULT_MAX_REQUEST_BODY } from '../wire/read-body';
import { MAX_REQUEST_BODY_LIMIT, type GlanceMockOptions } from '../options';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, requestLogger, type LogLevel } from './request-log';

export interface ControlCliOptions {
  control: boolean;
  controlPrefix: string;
  controlToken?: string;
  journalSize: number;
  maxRequestBody: number;
  logLevel: LogLevel;
}

/** The `serve` options of the control plane and the request log. */
export function addControlOptions(command: Command): Command {
  return command
    .option('--control-prefix <path>', 'where the control API is served', DEFAULT_CONTROL_PREFIX)
    .option('--no-control', 'serve no control API')
    .option('--control-token <token>', 'require Authorization: Bearer <token> on every control call (use it beyond loopback)')
    .option('--journal-size <n>', 'requests the journal keeps (the oldest are dropped)', parseJournalSize, DEFAULT_JOURNAL_SIZE)
    .option(
      '--max-request-body <bytes>',
      'most bytes of a request body read (uploads aside); beyond it a 413',
      parseBodyLimit,
      DEFAULT_MAX_REQUEST_BODY,
    )
    .addOption(new Option('--log-level <level>', 'one line per request at info').choices([...LOG_LEVELS]).default(DEFAULT_LOG_LEVEL));
}

/** The mock's options from these flags; the request log writes with `out`. */
export function controlOptionsFrom(opts: ControlCliOptions, out: (line: string) => void, human: boolean): GlanceMockOptions {
  return {
    control: opts.control,
    controlPrefix: opts.controlPrefix,
    ...(opts.controlToken !== undefined && { controlToken: opts.controlToken }),
    journalSize: opts.journalSize,
    maxRequestBody: opts.maxRequestBody,
    ...(opts.logLevel !== 'silent' && { onRequest: requestLogger(opts.logLevel, out, human) }),
  };
}

function parseBodyLimit(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_REQUEST_BODY_LIMIT)) throw new InvalidArgumentError(`must be an integer from 1 to ${MAX_REQUEST_BODY_LIMIT}`);
  return n;
}

function parseJournalSize(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_JOURNAL_SIZE)) throw new InvalidArgumentError(`must be an integer from 1 to ${MAX_JOURNAL_SIZE}`);
  return n;
}
