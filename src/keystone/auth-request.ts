import { KeystoneErrors } from './keystone-errors';
import { PythonFloat, pythonRepr } from '../domain/python-values';

/** A user, project or domain named by id, or by name (within a domain, for users and projects). */
export interface Reference {
  id?: string;
  name?: string;
  domain?: { id?: string; name?: string };
}

/** `POST /v3/auth/tokens`, once Keystone's schema (keystone.auth.schema.token_issue) has accepted it. */
export interface AuthRequest {
  /** In the order sent, duplicates dropped. */
  methods: string[];
  identity: Record<string, unknown>;
  password?: { user?: Reference & { password?: string } };
  token?: { id: string };
  scope?: { project?: Reference; domain?: Reference; system?: unknown; unscoped?: unknown } | 'unscoped';
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PythonFloat);

/** Python's repr of a JSON scalar, as jsonschema prints the offending instance. */
function repr(value: unknown): string {
  if (Array.isArray(value)) return '[...]';
  if (isObject(value)) return '{...}';
  return pythonRepr(value);
}

function expectType(value: unknown, type: 'object' | 'string' | 'array', field: string): void {
  const ok = type === 'object' ? isObject(value) : type === 'array' ? Array.isArray(value) : typeof value === 'string';
  if (!ok) throw KeystoneErrors.invalidInput(field, `${repr(value)} is not of type '${type}'`);
}

function checkReference(value: unknown, field: string, keys: string[]): void {
  expectType(value, 'object', field);
  for (const key of keys) {
    const item = (value as Json)[key];
    if (item === undefined) continue;
    if (key === 'domain') checkReference(item, `${field}/domain`, ['id', 'name']);
    else expectType(item, 'string', `${field}/${key}`);
  }
}

/**
 * Keystone's checks of the auth body, in its order: the JSON Schema, then
 * "id or name" of the password user, then the payload of every method named.
 */
export function parseAuthRequest(body: unknown): AuthRequest {
  const auth = isObject(body) ? body.auth : undefined;
  // No `auth` skips the schema and fails later, in AuthInfo.
  if (auth === undefined || auth === null) throw KeystoneErrors.expecting('auth', 'request body');
  if (!isObject(auth)) throw KeystoneErrors.invalidInput('', `${repr(auth)} is not of type 'object'`);
  if (!('identity' in auth)) throw KeystoneErrors.invalidInput('', "'identity' is a required property");
  const identity = auth.identity;
  expectType(identity, 'object', 'identity');
  const id = identity as Json;
  if (!('methods' in id)) throw KeystoneErrors.invalidInput('identity', "'methods' is a required property");
  expectType(id.methods, 'array', 'identity/methods');
  (id.methods as unknown[]).forEach((m, i) => expectType(m, 'string', `identity/methods/${i}`));
  if (id.password !== undefined) {
    expectType(id.password, 'object', 'identity/password');
    const user = (id.password as Json).user;
    if (user !== undefined) checkReference(user, 'identity/password/user', ['id', 'name', 'password', 'domain']);
  }
  if (id.token !== undefined) {
    expectType(id.token, 'object', 'identity/token');
    if (!('id' in (id.token as Json))) throw KeystoneErrors.invalidInput('identity/token', "'id' is a required property");
    expectType((id.token as Json).id, 'string', 'identity/token/id');
  }
  const scope = auth.scope;
  if (scope !== undefined && typeof scope !== 'string') {
    expectType(scope, 'object', 'scope');
    for (const key of ['project', 'domain'] as const) {
      const ref = (scope as Json)[key];
      if (ref !== undefined) checkReference(ref, `scope/${key}`, key === 'project' ? ['id', 'name', 'domain'] : ['id', 'name']);
    }
  }
  const user = isObject(id.password) ? id.password.user : undefined;
  if (isObject(user) && user.id === undefined && user.name === undefined) throw KeystoneErrors.userIdOrName();
  const methods = [...new Set(id.methods as string[])];
  return {
    methods,
    identity: id,
    password: id.password as AuthRequest['password'],
    token: id.token as AuthRequest['token'],
    scope: scope as AuthRequest['scope'],
  };
}
