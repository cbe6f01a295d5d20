/**
 * Random paths and queries (percent-encodings of any byte, encoded slashes,
 * dot segments, doubled slashes, ids of many shapes and lengths, the `/image`
 * prefix) with any method never get an answer the real Glance would not give.
 */
import fc from 'fast-check';
import { expectGlanceLike } from './support/answers';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config';
import { acceptChoice, callers, MEMBER, startTarget, withAccept, type Target } from './support/requests';

const UNRESERVED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';
const pathChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...UNRESERVED) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%2F',
      '%2f',
      '%25',
      '%00',
      '%FF',
      '%',
      '%zz',
      '%C3%A9',
      '%F0%9F%98%80',
      '%ED%A0%80',
      ':',
      '@',
      '!',
      '$',
      '&',
      "'",
      '(',
      ')',
      '*',
      '+',
      ',',
      ';',
      '=',
    ),
  },
);
const segment = (maxLength: number) => fc.array(pathChar, { maxLength }).map((cs) => cs.join(''));

/** An id of some shape: the fixture's, a uuid, random, long, empty, dots. */
const idShape = (t: () => Target) =>
  fc.oneof(
    fc.constant(null).map(() => t().imageId),
    fc.uuid(),
    segment(40),
    fc.integer({ min: 256, max: 4096 }).map((n) => 'i'.repeat(n)),
    fc.constantFrom('', '.', '..', MEMBER, MEMBER.toUpperCase(), `${MEMBER}%20`, '%2e%2e'),
  );

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');

describe.each(['mysql', 'sqlite'] as const)('hostile paths on the %s profile', (profile) => {
  let target: Target;
  beforeAll(async () => {
    target = await startTarget(profile);
  });
  afterAll(() => target.mock.stop());

  const paths = fc
    .record({
      prefix: fc.constantFrom('', '/image', '/v2/..', '//'),
      image: idShape(() => target),
      tail: fc.constantFrom(
        '',
        '/members',
        '/members/',
        '/members/MEMBER',
        '/members/ID',
        '/members/ID/x',
        '/tags/t',
        '/file',
        '/actions/deactivate',
      ),
      member: idShape(() => target),
      slashes: fc.constantFrom('/', '//', '/./'),
      query: fc.option(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(
                'limit',
                'marker',
                'member_status',
                'visibility',
                'sort',
                'sort_key',
                'sort_dir',
                'name',
                'os_hidden',
                'owner',
              ),
              segment(6),
            ),
            segment(12),
          ),
          { maxLength: 3 },
        ),
      ),
    })
    .map(({ prefix, image, tail, member, slashes, query }) => {
      const rest = tail.replace('MEMBER', MEMBER).replace('ID', member);
      const q = query === null ? '' : `?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
      return `${prefix}${slashes}v2${slashes}images${image === '' ? '' : `/${image}`}${rest}${q}`;
    });

  it(
    'when any method is sent to a random path under /v2, then the answer is one Glance could give',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          paths,
          method,
          fc.constantFrom(callers.owner, callers.member, callers.stranger, callers.admin),
          acceptChoice,
          async (path, m, who, { accept, format }) => {
            const body = m === 'POST' || m === 'PUT' ? '{"member": "path-fuzz", "status": "accepted"}' : undefined;
            const answer = await target.mock.send({ method: m, path, headers: withAccept(who, accept), body });
            expectGlanceLike(
              answer,
              { profile, route: m === 'POST' ? 'member-create' : 'other', rawBody: body === undefined ? undefined : Buffer.from(body) },
              m,
              format,
            );
            if (m === 'HEAD') expect(answer.body.length).toBe(0);
          },
        ),
        fuzzParams(300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when a path is percent-encoded byte by byte, then it reaches the same answer as written plainly',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('members', `members/${MEMBER}`, ''),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }),
          async (tail, encodeMask) => {
            const plain = `/v2/images/${target.imageId}${tail ? `/${tail}` : ''}`;
            let i = 0;
            const encoded = plain.replace(/[^/]/g, (c) =>
              encodeMask[i++ % encodeMask.length] ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c,
            );
            const [a, b] = await Promise.all(
              [plain, encoded].map((path) => target.mock.send({ method: 'GET', path, headers: callers.owner })),
            );
            expect({ path: encoded, status: b.status, body: b.text.replace(/"(created|updated)_at": "[^"]*"/g, '') }).toEqual({
              path: encoded,
              status: a.status,
              body: a.text.replace(/"(created|updated)_at": "[^"]*"/g, ''),
            });
          },
        ),
        fuzzParams(40),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
