import { GlanceClient, plainError } from './helpers/glance';
import { personas } from './helpers/personas';
import { parsePythonJson } from '../src/shared/json-parse';

const KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const json = { ...personas.owner, 'Content-Type': 'application/json' };

describe('body keys named like JavaScript built-ins', () => {
  it('when parsed, then every such key is an ordinary own key of an object without a prototype', () => {
    const parsed = parsePythonJson(`{${KEYS.map((k) => `"${k}": "${k}-value"`).join(', ')}, "nested": {"__proto__": 1}}`, {
      maxDepth: 10,
      objectHook: true,
    }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.keys(parsed)).toEqual([...KEYS, 'nested']);
    for (const key of KEYS) expect(Object.getOwnPropertyDescriptor(parsed, key)?.value).toBe(`${key}-value`);
    expect(Object.hasOwn(parsed.nested as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when an image is created with them as properties, then 201 and the image keeps each of them', async () => {
    const glance = new GlanceClient();
    const body = `{${KEYS.map((k) => `"${k}": "${k}-value"`).join(', ')}}`;
    const created = await glance.post('/v2/images', body, json);
    expect(created.status).toBe(201);
    const shown = await glance.get(`/v2/images/${created.body.id}`);
    for (const key of KEYS) expect(shown.text).toContain(`"${key}": "${key}-value"`);
  });

  it.each(['__proto__', 'constructor'])(
    'when %s holds a non-string, then the schema refuses it as any other property (400)',
    async (key) => {
      const glance = new GlanceClient();
      const res = await glance.post('/v2/images', `{"${key}": 1}`, { ...json, Accept: 'text/plain' });
      expect(res.status).toBe(400);
      expect(res.text).toBe(
        plainError(
          '400 Bad Request',
          `Provided object does not match schema 'image': 1 is not of type 'string'  Failed validating 'type' in schema['additionalProperties']:     {'type': 'string'}  On instance['${key}']:     1`,
        ),
      );
    },
  );
});
