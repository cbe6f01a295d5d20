/**
 * Property names, filters and patch paths that JavaScript objects inherit
 * (`toString`, `constructor`, `valueOf`, `hasOwnProperty`, `__proto__`) are
 * names like any other, as they are to Glance (probed on Glance Zed).
 */
import { ClockedGlance } from './helpers/images';
import { identity } from './helpers/personas';
import { createGlanceMock } from '../src';
import request from 'supertest';

const BUILTINS = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__'];
const plain = (line: string, message: string) => `${line}\n\n${message}\n\n   `;

describe('property names of JavaScript built-ins', () => {
  let glance: ClockedGlance;
  beforeEach(() => {
    glance = new ClockedGlance();
  });

  it('when one is created with a number, then 400 from the schema, as for any property', async () => {
    const res = await glance.post('/v2/images', '{"name": "x", "toString": 1}');
    expect(res.status).toBe(400);
    expect(res.text).toContain("1 is not of type 'string'");
    expect(res.text).toContain("On instance['toString']:");
  });

  it('when each is created with a string, then it is kept and shown, __proto__ included', async () => {
    const body = `{${BUILTINS.map((key) => `"${key}": "v-${key}"`).join(', ')}}`;
    const res = await glance.post('/v2/images', body);
    expect(res.status).toBe(201);
    expect(
      res.text.startsWith(
        '{"toString": "v-toString", "constructor": "v-constructor", "valueOf": "v-valueOf", ' +
          '"hasOwnProperty": "v-hasOwnProperty", "__proto__": "v-__proto__", "name": null,',
      ),
    ).toBe(true);
    const shown = await glance.get(`/v2/images/${res.body.id}`);
    expect(shown.text).toContain('"__proto__": "v-__proto__"');
  });

  it('when an absent one is replaced or removed, then 409 "Property … does not exist."', async () => {
    const id = await glance.createImage();
    for (const key of BUILTINS) {
      for (const op of [
        { op: 'replace', path: `/${key}`, value: 'x' },
        { op: 'remove', path: `/${key}` },
      ]) {
        const res = await glance.patch(`/v2/images/${id}`, [op]);
        expect([res.status, res.text]).toEqual([
          409,
          `409 Conflict\n\nThere was a conflict when trying to complete your request.\n\n Property ${key} does not exist.  `,
        ]);
      }
    }
  });

  it('when one is added by a patch, then it is a property that can be replaced and removed', async () => {
    const id = await glance.createImage();
    const added = await glance.patch(`/v2/images/${id}`, [
      { op: 'add', path: '/__proto__', value: 'a' },
      { op: 'add', path: '/toString', value: 'b' },
    ]);
    expect(added.text.startsWith('{"__proto__": "a", "toString": "b", "name": "fixture",')).toBe(true);
    const removed = await glance.patch(`/v2/images/${id}`, [
      { op: 'replace', path: '/__proto__', value: 'c' },
      { op: 'remove', path: '/toString' },
    ]);
    expect(removed.text.startsWith('{"__proto__": "c", "name": "fixture",')).toBe(true);
  });

  it('when the list is filtered by one, then only images with that property match', async () => {
    await glance.createLater({ name: 'plain' });
    await glance.createLater({ name: 'with', constructor: 'x' } as Record<string, unknown>);
    const names = async (query: string) =>
      (await glance.get(`/v2/images?${query}`)).body.images.map((image: { name: string }) => image.name);
    expect(await names('constructor=x')).toEqual(['with']);
    expect(await names('toString=x')).toEqual([]);
    expect(await names('__proto__=x')).toEqual([]);
  });
});

describe('seeds and tokens named like built-ins', () => {
  it('when a seed gives such properties, then they are kept as given', async () => {
    const seed = JSON.parse(
      '{"images": [{"id": "11111111-1111-4111-8111-111111111111", "owner": "p", "properties": {"__proto__": "x", "toString": "y"}}]}',
    );
    const mock = createGlanceMock({ seed });
    const res = await request(mock.app).get('/v2/images/11111111-1111-4111-8111-111111111111').set(identity('p'));
    expect(res.text.startsWith('{"__proto__": "x", "toString": "y", "name": null,')).toBe(true);
  });

  it('when a token named like a built-in is presented, then it is unknown (401)', async () => {
    const mock = createGlanceMock();
    for (const token of BUILTINS) {
      const res = await request(mock.app).get('/v2/images').set('X-Auth-Token', token);
      expect(res.status).toBe(401);
    }
  });
});

describe('a patch body naming a built-in as its operation', () => {
  it('when the old media type names `constructor`, then it is no operation', async () => {
    const glance = new ClockedGlance();
    const id = await glance.createImage();
    const res = await request(glance.app)
      .patch(`/v2/images/${id}`)
      .set(identity('owner-project'))
      .set('Content-Type', 'application/openstack-images-v2.0-json-patch')
      .send('[{"constructor": "/name"}]');
    expect([res.status, res.text]).toEqual([
      400,
      plain('400 Bad Request', 'Operation objects must contain exactly one member named "add", "remove", or "replace".'),
    ]);
  });
});
