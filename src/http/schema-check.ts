import { GlanceErrors } from '../domain/glance-errors';
import { isPythonInt, isPythonNumber, PythonFloat, pythonReprPieces } from '../domain/python-values';
import { pformatDepth } from './pformat-depth';
import { pythonPformat, pythonPformatPieces, pythonRepr } from '../shared/python-repr';

/** The subset of JSON Schema (draft 4) that Glance's image schema uses. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  maxLength?: number;
  pattern?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  [keyword: string]: unknown;
}

interface Failure {
  validator: string;
  /** In pieces: the failing value may be a long string, printed again below the message. */
  message: string[];
  /** The value's repr in pieces, made once for both places it is printed. */
  repr: string[];
  schema: SchemaNode;
  schemaPath: Array<string | number>;
  instance: unknown;
  instancePath: Array<string | number>;
}

/**
 * glance.schema.Schema.validate: the first failure, worded as Python's
 * jsonschema prints a ValidationError, inside Glance's 400 text. `stackLeft`
 * is how many Python frames the caller's stack leaves for printing the failing
 * value: a value nested deeper makes Glance hit RecursionError, its generic 500.
 */
export function checkAgainstSchema(schemaName: string, schema: SchemaNode, instance: Record<string, unknown>, stackLeft = Infinity): void {
  const failure = firstFailure(schema, instance);
  if (!failure) return;
  if (pformatDepth(failure.instance) > stackLeft) throw GlanceErrors.serverError();
  throw GlanceErrors.schemaMismatch(schemaName, describe(failure));
}

function firstFailure(schema: SchemaNode, instance: Record<string, unknown>): Failure | undefined {
  const known = schema.properties ?? {};
  for (const [name, subschema] of Object.entries(known)) {
    if (!Object.hasOwn(instance, name)) continue;
    const failure = checkValue(subschema, instance[name], ['properties', name], [name]);
    if (failure) return failure;
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    for (const [name, value] of Object.entries(instance)) {
      if (Object.hasOwn(known, name)) continue;
      const failure = checkValue(extra, value, ['additionalProperties'], [name]);
      if (failure) return failure;
    }
  }
  return undefined;
}

function checkValue(
  schema: SchemaNode,
  value: unknown,
  schemaPath: Array<string | number>,
  instancePath: Array<string | number>,
): Failure | undefined {
  // Every message jsonschema words here starts with the value's repr.
  const fail = (validator: string, rest: string): Failure => {
    const repr = pythonReprPieces(value);
    return { validator, message: [...repr, rest], repr, schema, schemaPath, instance: value, instancePath };
  };
  for (const keyword of Object.keys(schema)) {
    if (keyword === 'type' && schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some((type) => isOfType(value, type))) {
        return fail('type', ` is not of type ${types.map((t) => pythonRepr(t)).join(', ')}`);
      }
    } else if (keyword === 'enum' && schema.enum && !schema.enum.some((option) => option === value)) {
      return fail('enum', ` is not one of ${pythonRepr(schema.enum)}`);
    } else if (keyword === 'maxLength' && typeof value === 'string' && longerThan(value, schema.maxLength!)) {
      return fail('maxLength', ' is too long');
    } else if (keyword === 'pattern' && typeof value === 'string' && !new RegExp(schema.pattern!, 'u').test(value)) {
      return fail('pattern', ` does not match ${pythonRepr(schema.pattern)}`);
    } else if (keyword === 'items' && Array.isArray(value) && schema.items) {
      for (let i = 0; i < value.length; i++) {
        const failure = checkValue(schema.items, value[i], [...schemaPath, 'items'], [...instancePath, i]);
        if (failure) return failure;
      }
    }
  }
  return undefined;
}

function isOfType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      // jsonschema counts a whole float (1.0, 1e3) as an integer.
      return isPythonInt(value) || (value instanceof PythonFloat && Number.isFinite(value.value));
    case 'number':
      return isPythonNumber(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !isPythonNumber(value);
    default:
      return true;
  }
}

/** Python's `len(text) > max`, without making an array of a long string. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length > max;
}

/** jsonschema's `ValidationError.__str__`, in pieces (the failing value's repr stays one string, however long). */
function describe(failure: Failure): string[] {
  const path = (parts: Array<string | number>) => parts.map((p) => `[${pythonRepr(p)}]`).join('');
  const indent = (text: string) => text.replace(/\n/g, '\n    ');
  return [
    ...failure.message,
    `\n\nFailed validating ${pythonRepr(failure.validator)} in schema${path(failure.schemaPath)}:\n` +
      `    ${indent(pythonPformat(failure.schema))}\n\n` +
      `On instance${path(failure.instancePath)}:\n    `,
    ...pythonPformatPieces(failure.instance, failure.repr).map(indent),
  ];
}
