import type { TokenRegistry } from '../identity/tokens';
import type { Clock } from '../runtime/clock';
import type { IdSource } from '../runtime/ids';
import { KeystoneDirectory } from './directory';
import type { Service } from '../wire/types';
import { createKeystoneHttpService } from './keystone.routes';
import { KeystoneService } from './keystone-service';
import { keystoneIds } from './token-ids';

/** The built-in Keystone of one mock instance: its directory (filled by the seed) and the service behind the front door. */
export interface Keystone {
  directory: KeystoneDirectory;
  service: Service;
}

/** Tokens it issues go into the instance's TokenRegistry, the one identity seam Glance's routes read. */
export function createKeystone(deps: { tokens: TokenRegistry; clock: Clock; ids: IdSource }): Keystone {
  const directory = new KeystoneDirectory();
  const service = new KeystoneService({ directory, tokens: deps.tokens, clock: deps.clock, ids: keystoneIds(deps.ids) });
  return { directory, service: createKeystoneHttpService({ service, directory, clock: deps.clock, ids: deps.ids }) };
}
