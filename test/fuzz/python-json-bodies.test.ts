/**
 * Bodies are read as Python's json module reads them, as the real Glance Zed
 * showed: invalid UTF-8 is malformed JSON (400), keys that name JavaScript
 * internals are ordinary keys, a float keeps its `.0`, `Infinity` is a number,
 * PyMySQL binds a one-element list as its element, and nesting past Python's
 * recursion limit is Glance's 500.
 */
import fc from 'fast-check';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config';
import { HOSTILE_KEYS, serialize, obj, str } from './support/json-doc';
import { callers, startTarget, type Target } from './support/requests';

const MALFORMED = '400 Bad Request\n\nMalformed JSON in request body.\n\n   ';
const NOT_SPECIFIED = '400 Bad Request\n\nMember to be added not specified\n\n   ';
const SERVER_ERROR =
  '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ';

/** Byte sequences Python's strict UTF-8 decoder refuses (overlong forms, surrogates, stray continuations, past U+10FFFF). */
const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xfe],
  [0x80],
  [0xbf],
  [0xc0, 0xaf],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
);
const projectish = fc.stringMatching(/^[a-z0-9-]{1,24}$/);
const hostileKey = fc.constantFrom(...HOSTILE_KEYS);

describe.each(['mysql', 'sqlite'] as const)('bodies as Python reads them, %s profile', (profile) => {
  let target: Target;
  let counter = 0;
  beforeAll(async () => {
    target = await startTarget(profile);
  });
  afterAll(() => target.mock.stop());

  const addMember = (body: string | Buffer) =>
    target.mock.send({ method: 'POST', path: `/v2/images/${target.imageId}/members`, headers: callers.owner, body });
  /** A fresh image for each run, so the member quota never interferes. */
  async function freshImage(): Promise<void> {
    const created = await target.mock.send({
      method: 'POST',
      path: '/v2/images',
      headers: callers.owner,
      body: '{"visibility": "shared"}',
    });
    target = { ...target, imageId: (JSON.parse(created.text) as { id: string }).id };
  }

  it(
    'when a member value carries invalid UTF-8 anywhere, then 400 Malformed JSON and no member is added',
    async () => {
      await fc.assert(
        fc.asyncProperty(projectish, invalidUtf8, projectish, async (before, bad, after) => {
          await freshImage();
          const body = Buffer.concat([Buffer.from(`{"member": "${before}`), Buffer.from(bad), Buffer.from(`${after}"}`)]);
          const answer = await addMember(body);
          expect({ status: answer.status, text: answer.text }).toEqual({ status: 400, text: MALFORMED });
          const list = await target.mock.send({ method: 'GET', path: `/v2/images/${target.imageId}/members`, headers: callers.owner });
          expect(JSON.parse(list.text).members).toEqual([]);
        }),
        fuzzParams(25),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when keys such as __proto__ or toString surround the member, then they are ordinary keys and the member is added',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(hostileKey, fc.oneof(projectish, fc.constant('x'))), { minLength: 1, maxLength: 4 }),
          projectish,
          fc.nat(4),
          async (extras, member, at) => {
            const entries = extras.map(([k, v]) => [k, str(v)] as [string, ReturnType<typeof str>]);
            entries.splice(Math.min(at, entries.length), 0, ['member', str(`m-${member}-${counter++}`)]);
            const wanted = `m-${member}-${counter - 1}`;
            const answer = await addMember(serialize(obj(entries)));
            expect(answer.status).toBe(200);
            expect((JSON.parse(answer.text) as { member_id: string }).member_id).toBe(wanted);
          },
        ),
        fuzzParams(30),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when the member is only inside a __proto__ or constructor object, then 400 Member to be added not specified',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileKey, projectish, async (key, member) => {
          const answer = await addMember(`{"${key}": {"member": "${member}"}}`);
          expect({ status: answer.status, text: answer.text }).toEqual({ status: 400, text: NOT_SPECIFIED });
        }),
        fuzzParams(15),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when an image is created with properties named like JavaScript internals, then 201 and each property comes back as sent',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(hostileKey, projectish), { minLength: 1, maxLength: 4, selector: ([k]) => k }),
          async (props) => {
            const answer = await target.mock.send({
              method: 'POST',
              path: '/v2/images',
              headers: callers.owner,
              body: serialize(obj(props.map(([k, v]) => [k, str(v)]))),
            });
            expect(answer.status).toBe(201);
            const image = JSON.parse(answer.text) as Record<string, unknown>;
            for (const [k, v] of props) expect(Object.getOwnPropertyDescriptor(image, k)?.value).toBe(v);
          },
        ),
        fuzzParams(20),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when the member is a non-zero float written with .0, then 200 and the answer echoes it with its .0',
    async () => {
      await freshImage();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: -100_000, max: 100_000 }).filter((n) => n !== 0),
          async (n) => {
            const answer = await addMember(`{"member": ${n}.0}`);
            if (answer.status === 409) return; // the same number drawn twice
            expect(answer.status).toBe(200);
            expect(answer.text).toContain(`"member_id": ${n}.0, `);
            await target.mock.send({ method: 'DELETE', path: `/v2/images/${target.imageId}/members/${n}.0`, headers: callers.owner });
          },
        ),
        fuzzParams(25),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "when an extra key holds lists nested 1000 to 3000 deep, then Glance's 500 (RecursionError); 1 to 200 deep, then 200",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.integer({ min: 1000, max: 3000 }), fc.integer({ min: 1, max: 200 })),
          fc.constantFrom('[', '{"a": '),
          async (depth, open) => {
            await freshImage();
            const close = open === '[' ? ']' : '}';
            const answer = await addMember(
              `{"member": "deep", "x": ${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}}`,
            );
            if (depth >= 1000) expect({ status: answer.status, text: answer.text }).toEqual({ status: 500, text: SERVER_ERROR });
            else expect(answer.status).toBe(200);
          },
        ),
        fuzzParams(16),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "when an image is created with a property nested 300 to 1200 deep, then Glance's 500 (jsonschema's RecursionError); 1 to 100 deep, then 400",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.integer({ min: 300, max: 1200 }), fc.integer({ min: 1, max: 100 })),
          fc.constantFrom('[', '{"a": '),
          async (depth, open) => {
            const close = open === '[' ? ']' : '}';
            const body = `{"name": "deep", "x": ${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}}`;
            const answer = await target.mock.send({ method: 'POST', path: '/v2/images', headers: callers.owner, body });
            if (depth >= 300) expect({ status: answer.status, text: answer.text }).toEqual({ status: 500, text: SERVER_ERROR });
            else expect(answer.status).toBe(400);
          },
        ),
        fuzzParams(10),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('member values only one database binds', () => {
  it('when the member is a one-element list of a number on mysql, then 200 echoing the list (PyMySQL binds its element)', async () => {
    const target = await startTarget('mysql');
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), async (n) => {
          const answer = await target.mock.send({
            method: 'POST',
            path: `/v2/images/${target.imageId}/members`,
            headers: callers.owner,
            body: `{"member": [${n}]}`,
          });
          if (answer.status === 409) return;
          expect(answer.status).toBe(200);
          expect(answer.text).toContain(`"member_id": [${n}], `);
          await target.mock.send({ method: 'DELETE', path: `/v2/images/${target.imageId}/members/${n}`, headers: callers.owner });
        }),
        fuzzParams(10),
      );
    } finally {
      await target.mock.stop();
    }
  });

  it('when the member is Infinity or -Infinity on sqlite, then 200 echoing it', async () => {
    const target = await startTarget('sqlite');
    try {
      for (const literal of ['Infinity', '-Infinity']) {
        const answer = await target.mock.send({
          method: 'POST',
          path: `/v2/images/${target.imageId}/members`,
          headers: callers.owner,
          body: `{"member": ${literal}}`,
        });
        expect(answer.status).toBe(200);
        expect(answer.text).toContain(`"member_id": ${literal}, `);
      }
    } finally {
      await target.mock.stop();
    }
  });
});
