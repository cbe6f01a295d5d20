import { readFileSync } from 'node:fs';
import type { Persona } from './types';

/** How the suite acts as each persona: the project it stands for and the headers it sends. */
export interface Identities {
  project(persona: Persona): string;
  headers(persona: Persona): Record<string, string>;
  /** Whether the persona can be acted as (default: every one). */
  supports?(persona: Persona): boolean;
}

const ROLES: Record<Persona, string> = {
  owner: 'member,reader',
  member: 'member,reader',
  member2: 'member,reader',
  stranger: 'member,reader',
  admin: 'admin,member,reader',
  noroles: '',
  none: '',
};

/**
 * Trusted headers, as keystonemiddleware hands a request to Glance: works
 * against the mock and against a Glance without authtoken. Projects carry the
 * run id so runs against a long-lived server never meet each other's data.
 */
export function trustedHeaderIdentities(run: string): Identities {
  const project = (persona: Persona) => `${persona === 'noroles' ? 'stranger' : persona}-${run}`;
  return {
    project,
    headers(persona): Record<string, string> {
      if (persona === 'none') return {};
      return {
        'X-Identity-Status': 'Confirmed',
        'X-Project-Id': project(persona),
        'X-User-Id': `user-${project(persona)}`,
        'X-Roles': ROLES[persona],
      };
    },
  };
}

const REQUIRED_PERSONAS = ['owner', 'member', 'member2', 'stranger', 'admin'] as const;

/**
 * Tokens for a cloud behind Keystone: a JSON file mapping each persona to
 * `{ "token": "...", "project": "<project id>" }`. `noroles` is optional: it
 * stands for the stranger's project with none of the admin, member and reader
 * roles, so its project must be the stranger's; without it, its cases are left
 * out (`supports('noroles')` is false).
 */
export function tokenIdentities(file: string): Identities {
  const tokens = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<Persona, { token: string; project: string }>>;
  for (const persona of REQUIRED_PERSONAS) {
    const found = tokens[persona];
    if (!found || typeof found.token !== 'string' || typeof found.project !== 'string') {
      throw new Error(`${file} has no token for the persona "${persona}" ({"token": "...", "project": "<project id>"})`);
    }
  }
  if (tokens.noroles && tokens.noroles.project !== tokens.stranger?.project) {
    throw new Error(
      `${file}: "noroles" must be scoped to the stranger's project ${tokens.stranger?.project} (got ${tokens.noroles.project})`,
    );
  }
  const entry = (persona: Persona) => {
    const found = tokens[persona];
    if (!found) throw new Error(`${file} has no token for the persona "${persona}"`);
    return found;
  };
  return {
    project: (persona) => (persona === 'none' ? 'none' : entry(persona).project),
    headers: (persona): Record<string, string> => (persona === 'none' ? {} : { 'X-Auth-Token': entry(persona).token }),
    supports: (persona) => persona === 'none' || tokens[persona] !== undefined,
  };
}
