import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import type { CliIo } from '../cli';
import type { BrokerOptions, VerifyOptions } from '../pact/verify';

interface VerifyCliOptions {
  pact?: string[];
  providerBaseUrl?: string;
  realGlance?: boolean;
  controlToken?: string;
  trustedHeaders?: boolean;
  tokenMap?: string;
  provider: string;
  memberQuota?: number;
  brokerUrl?: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  consumerVersionSelectors?: string;
  consumerVersionTags?: string[];
  publishVerificationResults?: boolean;
  providerVersion?: string;
  providerVersionBranch?: string;
  providerVersionTags?: string[];
  enablePending?: boolean;
  includeWipPactsSince?: string;
  logLevel?: VerifyOptions['logLevel'];
}

/** `glance-mock verify`: pacts against the mock (embedded or running) or a real Glance. */
export function registerVerifyCommand(program: Command, io: CliIo, fail: (code: number) => never): void {
  program
    .command('verify')
    .description('verify Pact files (or a Pact Broker) against an embedded mock, a running mock or a real Glance')
    .option('--pact <file|dir...>', 'pact files, or folders of *.json pacts')
    .option('--provider-base-url <url>', 'a running mock or Glance (default: an embedded mock)')
    .option('--real-glance', 'set provider states up through the public API (default when the target has no mock control plane)')
    .option('--control-token <token>', "a running mock's control token (its --control-token)")
    .option('--trusted-headers', "send the pacts' X-Project-Id/X-Roles headers as they are (default)")
    .option('--token-map <file>', 'JSON {"<project id>": "<token>", "admin": "<admin token for the states>"}: send tokens instead')
    .option('--provider <name>', "the provider's name in the pacts", 'Glance')
    .option('--member-quota <n>', "the embedded mock's image_member_quota", parseInteger)
    .option('--broker-url <url>', 'a Pact Broker to fetch pacts from')
    .option('--broker-token <token>', "the broker's bearer token (or PACT_BROKER_TOKEN)")
    .option('--broker-username <name>', "the broker's basic auth user (or PACT_BROKER_USERNAME)")
    .option('--broker-password <password>', "the broker's basic auth password (or PACT_BROKER_PASSWORD)")
    .option('--consumer-version-selectors <json>', 'JSON list of selectors, e.g. [{"mainBranch": true}]')
    .option('--consumer-version-tags <tag...>', 'consumer version tags (older brokers)')
    .option('--publish-verification-results', 'publish the results to the broker (needs --provider-version)')
    .option('--provider-version <version>', 'the provider version the results are published for')
    .option('--provider-version-branch <branch>', 'the provider branch the results are published for')
    .option('--provider-version-tags <tag...>', 'provider version tags')
    .option('--enable-pending', "pending pacts: a new consumer expectation does not fail the provider's build")
    .option('--include-wip-pacts-since <date>', 'include work-in-progress pacts since this date (YYYY-MM-DD)')
    .option('--log-level <level>', "pact's log level (trace, debug, info, warn, error)")
    .action(async (opts: VerifyCliOptions) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when run: the verifier and its provider states
      const { formatSummary, verifyPacts } = require('../pact/verify') as typeof import('../pact/verify');
      const summary = await verifyPacts(verifyOptions(opts, io));
      for (const line of formatSummary(summary)) io.out(line);
      if (!summary.ok) fail(1);
    });
}

function verifyOptions(opts: VerifyCliOptions, io: CliIo): VerifyOptions {
  if (!opts.pact && !opts.brokerUrl) throw new Error('verify needs --pact FILE|DIR or --broker-url URL');
  if (opts.trustedHeaders && opts.tokenMap) throw new Error('--trusted-headers and --token-map exclude each other');
  if (opts.realGlance && !opts.providerBaseUrl) throw new Error('--real-glance needs --provider-base-url');
  if (opts.publishVerificationResults && !opts.providerVersion) throw new Error('--publish-verification-results needs --provider-version');
  return {
    pacts: opts.pact,
    provider: opts.provider,
    providerBaseUrl: opts.providerBaseUrl,
    realGlance: opts.realGlance,
    controlToken: opts.controlToken,
    tokenMap: opts.tokenMap ? readTokenMap(opts.tokenMap) : undefined,
    mock: opts.memberQuota !== undefined ? { memberQuota: opts.memberQuota } : undefined,
    broker: opts.brokerUrl ? brokerOptions(opts) : undefined,
    logLevel: opts.logLevel,
    log: io.error,
  };
}

function brokerOptions(opts: VerifyCliOptions): BrokerOptions {
  return {
    pactBrokerUrl: opts.brokerUrl as string,
    pactBrokerToken: opts.brokerToken ?? process.env.PACT_BROKER_TOKEN,
    pactBrokerUsername: opts.brokerUsername ?? process.env.PACT_BROKER_USERNAME,
    pactBrokerPassword: opts.brokerPassword ?? process.env.PACT_BROKER_PASSWORD,
    consumerVersionSelectors: opts.consumerVersionSelectors ? parseSelectors(opts.consumerVersionSelectors) : undefined,
    consumerVersionTags: opts.consumerVersionTags,
    publishVerificationResult: opts.publishVerificationResults,
    providerVersion: opts.providerVersion,
    providerVersionBranch: opts.providerVersionBranch,
    providerVersionTags: opts.providerVersionTags,
    enablePending: opts.enablePending,
    includeWipPactsSince: opts.includeWipPactsSince,
  };
}

function parseSelectors(json: string): BrokerOptions['consumerVersionSelectors'] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('--consumer-version-selectors must be a JSON list, e.g. [{"mainBranch": true}]');
  }
  if (!Array.isArray(value) || !value.every((one) => typeof one === 'object' && one !== null && !Array.isArray(one))) {
    throw new Error('--consumer-version-selectors must be a JSON list of objects, e.g. [{"mainBranch": true}]');
  }
  return value as BrokerOptions['consumerVersionSelectors'];
}

function readTokenMap(file: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--token-map ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`--token-map ${file}: must be a JSON object {"<project id>": "<token>"}`);
  }
  for (const [project, token] of Object.entries(value)) {
    if (typeof token !== 'string') throw new Error(`--token-map ${file}: the token of "${project}" must be a string`);
  }
  return value as Record<string, string>;
}

function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('must be an integer');
  return Number(value);
}
