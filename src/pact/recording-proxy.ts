import { startForwardingProxy } from '../wire/forwarding-proxy';
import type { Exchange, ExchangeMeta } from '../wire/types';

export interface RecordingProxy {
  url: string;
  /** Every exchange so far, in the order the answers came. */
  readonly exchanges: Exchange[];
  /** Stops listening, once every exchange so far is kept. */
  close(): Promise<void>;
}

export interface RecordingProxyOptions {
  /** The mock (or a Glance with a Keystone under `/identity`) to forward to. */
  target: string;
  host?: string;
  port?: number;
}

type Identity = Pick<ExchangeMeta, 'project' | 'roles'>;

/**
 * An HTTP proxy that keeps every request and answer as an Exchange, for
 * pactFromExchanges: clients point at it as they would at the cloud (the Host
 * header goes through, so the catalog's endpoints are the proxy's). A token's
 * project and roles are asked of the target's Keystone, as keystonemiddleware
 * would, so that the pact can speak trusted headers.
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const target = new URL(options.target);
  const exchanges: Exchange[] = [];
  const identities = new Map<string, Promise<Identity>>();
  const identify = (token: string) => {
    if (!identities.has(token)) identities.set(token, askKeystone(target, token));
    return identities.get(token) as Promise<Identity>;
  };
  // Each exchange is kept once its caller is known, in the order the answers came.
  let kept = Promise.resolve();
  const proxy = await startForwardingProxy({
    ...options,
    name: 'glance-mock pact recording proxy',
    onExchange: (exchange) => {
      const keystone = exchange.request.base === '/identity';
      const token = exchange.request.headers['x-auth-token'];
      const identity = typeof token === 'string' && !keystone ? identify(token) : Promise.resolve({});
      kept = kept.then(async () => {
        exchange.response.meta = { service: keystone ? 'keystone' : 'glance', ...(await identity) };
        exchanges.push(exchange);
      });
    },
  });
  return {
    url: proxy.url,
    exchanges,
    close: async () => {
      await proxy.close();
      await kept;
    },
  };
}

/** Keystone's own answer about a token (a user may validate its own token). */
async function askKeystone(target: URL, token: string): Promise<Identity> {
  try {
    const res = await fetch(new URL('/identity/v3/auth/tokens', target), { headers: { 'X-Auth-Token': token, 'X-Subject-Token': token } });
    if (!res.ok) return { project: null, roles: [] };
    const body = (await res.json()) as { token?: { project?: { id?: string }; roles?: Array<{ name?: string }> } };
    return {
      project: body.token?.project?.id ?? null,
      roles: (body.token?.roles ?? []).map((role) => role.name ?? '').filter((name) => name !== ''),
    };
  } catch {
    return { project: null, roles: [] };
  }
}
