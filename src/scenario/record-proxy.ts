import { startForwardingProxy } from '../wire/forwarding-proxy';
import type { Exchange } from '../wire/types';

export interface RecordingProxyOptions {
  /** Where requests go: the mock or a real Glance (with its Keystone under `/identity`, or not). */
  target: string;
  host?: string;
  port?: number;
  /** Called with each exchange as it completes. */
  onExchange?: (exchange: Exchange) => void;
}

export interface RecordingProxy {
  url: string;
  port: number;
  /** Every exchange so far, in the order they completed. */
  exchanges: Exchange[];
  close(): Promise<void>;
}

/** `glance-mock record`'s proxy: every exchange as it passed, for scenarioFromExchanges. */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const proxy = await startForwardingProxy({
    ...options,
    name: 'glance-mock record',
    onExchange: (exchange) => {
      exchanges.push(exchange);
      options.onExchange?.(exchange);
    },
  });
  return { ...proxy, exchanges };
}
