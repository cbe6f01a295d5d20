/**
 * Malformed JSON is refused with Glance's 400 whatever its shape and size, in
 * linear time: escape-heavy unterminated strings once took the mock seconds
 * (a regex retried from every quote), while Glance's json.loads answers at once.
 */
import fc from 'fast-check';
import { expectGlanceLike } from './support/answers';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config';
import { callers, startTarget, type Target } from './support/requests';

const MALFORMED = '400 Bad Request\n\nMalformed JSON in request body.\n\n   ';
/** A generous bound: Glance answers these in milliseconds. */
const WELL_UNDER_A_SECOND_MS = 500;

/** An unterminated string made of many escapes, with NaN/Infinity around to tempt a second parse. */
const pathological = fc
  .record({
    count: fc.integer({ min: 1, max: 64 * 1024 }),
    unit: fc.constantFrom('\\"', '\\\\', '\\u0041', '"\\"', 'a\\"'),
    prefix: fc.constantFrom('{"member": "', '{"member": NaN, "x": "', '[Infinity, "', '{"status": "'),
  })
  .map(({ count, unit, prefix }) => ({
    text: prefix + unit.repeat(count),
    [fc.toStringMethod]: () => `${JSON.stringify(prefix)} + ${JSON.stringify(unit)} x ${count}`,
  }));

describe('malformed bodies', () => {
  let target: Target;
  beforeAll(async () => {
    target = await startTarget('mysql');
  });
  afterAll(() => target.mock.stop());

  it(
    'when an unterminated string of up to 64 Ki escapes is posted, then 400 Malformed JSON well under a second',
    async () => {
      await fc.assert(
        fc.asyncProperty(pathological, async ({ text }) => {
          const answer = await target.mock.send({
            method: 'POST',
            path: `/v2/images/${target.imageId}/members`,
            headers: callers.owner,
            body: text,
          });
          expect({ status: answer.status, text: answer.text }).toEqual({ status: 400, text: MALFORMED });
          expect(answer.ms).toBeLessThan(WELL_UNDER_A_SECOND_MS);
        }),
        fuzzParams(12),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when a valid body is cut anywhere, then the answer is a 400 or a success, never a 5xx',
    async () => {
      const full = '{"member": "cut-\\u00e9\\"x", "extra": [1.5, NaN, {"a": null}], "k": Infinity}';
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: full.length - 1 }), async (cut) => {
          const body = full.slice(0, cut);
          const answer = await target.mock.send({
            method: 'POST',
            path: `/v2/images/${target.imageId}/members`,
            headers: callers.owner,
            body,
          });
          expectGlanceLike(answer, { profile: 'mysql', route: 'member-create', rawBody: Buffer.from(body) }, 'POST', 'plain');
          expect(answer.status).toBe(400);
        }),
        fuzzParams(40),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
