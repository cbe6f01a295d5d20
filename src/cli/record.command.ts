import { Command, InvalidArgumentError, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliIo } from '../cli';

interface RecordCliOptions {
  target: string;
  host: string;
  port: number;
  out: string;
  name?: string;
  actors: 'trusted' | 'keystone';
}

/** `glance-mock record`: a recording proxy in front of a Glance that writes what passes as a scenario. */
export function registerRecord(program: Command, io: CliIo): void {
  program
    .command('record')
    .description('forward requests to a Glance (or the mock) and write them as a scenario, until SIGINT or SIGTERM')
    .requiredOption('--target <url>', 'where requests go')
    .requiredOption('--out <file>', 'the scenario file (YAML), rewritten after every exchange')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 0)
    .option('--name <name>', 'the scenario name (default: from the file name)')
    .addOption(
      new Option(
        '--actors <how>',
        'trusted: callers with a token from a recorded login play as trusted headers; keystone: they log in again',
      )
        .choices(['trusted', 'keystone'])
        .default('trusted'),
    )
    .action(async (opts: RecordCliOptions) => {
      // Loaded when run: the scenario writer brings yaml, which `serve` does not need.
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { scenarioFromExchanges, scenarioToYaml } = require('../scenario/record') as typeof import('../scenario/record');
      const { startRecordingProxy } = require('../scenario/record-proxy') as typeof import('../scenario/record-proxy');
      /* eslint-enable @typescript-eslint/no-require-imports */
      try {
        new URL(opts.target);
      } catch {
        throw new Error(`--target: not a URL: ${opts.target}`);
      }
      const name = opts.name ?? basename(opts.out).replace(/(\.scenario)?\.(ya?ml|json)$/, '');
      const write = () => writeFileSync(opts.out, scenarioToYaml(scenarioFromExchanges(proxy.exchanges, { name, actors: opts.actors })));
      const proxy = await startRecordingProxy({ target: opts.target, host: opts.host, port: opts.port, onExchange: () => write() });
      io.out(`glance-mock recording on ${proxy.url} -> ${opts.target}, writing ${opts.out}`);
      const signal = await io.untilStopped();
      await proxy.close();
      if (proxy.exchanges.length) write();
      io.out(`glance-mock record stopped (${signal}): ${proxy.exchanges.length} exchanges`);
    });
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('must be between 0 and 65535');
  return Number(value);
}
