/**
 * Glance prints a value too long for the schema twice (in jsonschema's message
 * and under "On instance"): a 20 MiB name is a 40 MiB answer. The mock keeps
 * the value as one string and puts its bytes on the wire once, sent twice.
 */
import { GlanceError } from '../src';
import { errorResponse } from '../src/http/reply';
import { checkAgainstSchema } from '../src/http/schema-check';

const NAME_SCHEMA = { properties: { name: { type: ['null', 'string'], maxLength: 255 } } };

function schemaError(instance: Record<string, unknown>): GlanceError {
  try {
    checkAgainstSchema('image', NAME_SCHEMA, instance);
  } catch (error) {
    if (error instanceof GlanceError) return error;
  }
  throw new Error('no schema error');
}

const chunksOf = (body: Buffer | Buffer[] | undefined) => (body === undefined ? [] : Array.isArray(body) ? body : [body]);

describe('a schema error printing a long value', () => {
  it('when a 1 MiB name is too long, then the answer is the text Glance sends, with the name bytes held once', () => {
    const name = 'n'.repeat(1024 * 1024);
    const answer = errorResponse(schemaError({ name }), undefined, false);
    const chunks = chunksOf(answer.body);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe(
      `400 Bad Request\n\nProvided object does not match schema 'image': '${name}' is too long  ` +
        "Failed validating 'maxLength' in schema['properties']['name']:     {'maxLength': 255, 'type': ['null', 'string']}  " +
        `On instance['name']:     '${name}'\n\n   `,
    );
    expect(answer.headers).toContainEqual(['Content-Length', String(Buffer.byteLength(text))]);
    const held = new Set(chunks.map((chunk) => chunk.buffer));
    const heldBytes = [...held].reduce((sum, buffer) => sum + buffer.byteLength, 0);
    expect(heldBytes).toBeLessThan(1.5 * name.length);
  });

  it('when a name needing escapes is too long, then both reprs escape it as Python does', () => {
    const name = `it's"${'x'.repeat(300)}"\\é`;
    const text = Buffer.concat(chunksOf(errorResponse(schemaError({ name }), undefined, false).body)).toString('utf8');
    const repr = `'it\\'s"${'x'.repeat(300)}"\\\\é'`;
    expect(text).toBe(
      `400 Bad Request\n\nProvided object does not match schema 'image': ${repr} is too long  ` +
        "Failed validating 'maxLength' in schema['properties']['name']:     {'maxLength': 255, 'type': ['null', 'string']}  " +
        `On instance['name']:     ${repr}\n\n   `,
    );
  });
});
