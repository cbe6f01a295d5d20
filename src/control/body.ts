import type { WireRequest } from '../wire/types';
import { ControlProblem } from './problem';

/** The largest body the control API reads (a seed or a state of many thousand images fits). */
export const MAX_CONTROL_BODY = 64 * 1024 * 1024;

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** The request's JSON body (YAML too where `yaml` is allowed); an empty body is `undefined`. */
export function readBody(request: WireRequest, { yaml = false } = {}): unknown {
  const bytes = request.body ?? Buffer.alloc(0);
  if (bytes.length > MAX_CONTROL_BODY) throw new ControlProblem(413, `the body is larger than ${MAX_CONTROL_BODY} bytes`);
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const isYaml = YAML_TYPES.includes(type);
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json') && !isYaml) {
    throw new ControlProblem(
      415,
      `Content-Type must be application/json${yaml ? ' or application/yaml' : ''} (got ${type})`,
      'Content-Type',
    );
  }
  if (isYaml && !yaml)
    throw new ControlProblem(415, 'Content-Type must be application/json here (YAML is for seed and state)', 'Content-Type');
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- YAML is loaded only for a YAML body
    return isYaml ? (require('yaml') as typeof import('yaml')).parse(text) : JSON.parse(text);
  } catch (err) {
    const what = isYaml ? 'YAML' : 'JSON';
    throw new ControlProblem(400, `the body is not valid ${what}: ${(err as Error).message.split('\n')[0]}`, '/');
  }
}

export function requireBody(request: WireRequest, options: { yaml?: boolean } = {}): unknown {
  const value = readBody(request, options);
  if (value === undefined) throw new ControlProblem(400, 'a body is required', '/');
  return value;
}
