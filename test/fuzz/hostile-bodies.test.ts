/**
 * Whatever body is sent to whichever route, on either database profile, the
 * answer is one the real Glance could give: no 5xx outside Glance's own 500s
 * (support/answers.ts), no internals, webob's error formats, in time.
 */
import fc from 'fast-check';
import { expectGlanceLike, type RequestFacts, type RouteKind } from './support/answers';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config';
import { jsonDoc, memberValue, obj, serialize, str, type JsonDoc } from './support/json-doc';
import { acceptChoice, callers, MEMBER, startTarget, withAccept, type Target } from './support/requests';

interface Body {
  label: string;
  bytes: Buffer;
  doc?: JsonDoc;
}

/** A body that prints as its label and first bytes in a counterexample. */
function body(label: string, bytes: Buffer, doc?: JsonDoc): Body {
  const preview =
    bytes.length > 120
      ? `${JSON.stringify(bytes.subarray(0, 120).toString('latin1'))}... (${bytes.length} bytes)`
      : JSON.stringify(bytes.toString('latin1'));
  return { label, bytes, doc, [fc.toStringMethod]: () => `${label}: ${preview}` } as Body;
}

const fromDoc =
  (label: string) =>
  (doc: JsonDoc): Body =>
    body(label, Buffer.from(serialize(doc), 'utf8'), doc);

/** How a unit of a huge string reads once decoded. */
const DECODED: Record<string, string> = { x: 'x', é: 'é', '\\"': '"', '\\u00e9': 'é' };

/** Byte sequences Python's UTF-8 decoder refuses. */
const INVALID_UTF8 = [[0xff], [0xfe], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80], [0xf8]];

const bodies: fc.Arbitrary<Body> = fc.oneof(
  fc
    .record({ member: memberValue, extra: fc.array(fc.tuple(fc.string({ maxLength: 10 }), jsonDoc), { maxLength: 3 }) })
    .map(({ member, extra }) => obj([...extra, ['member', member]]))
    .map(fromDoc('member body')),
  fc
    .record({ status: memberValue })
    .map(({ status }) => obj([['status', status]]))
    .map(fromDoc('status body')),
  jsonDoc.map(fromDoc('any JSON')),
  fc.uint8Array({ maxLength: 2048 }).map((a) => body('random bytes', Buffer.from(a))),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...INVALID_UTF8), fc.string({ maxLength: 20 }))
    .map(([a, bad, b]) =>
      body(
        'invalid UTF-8',
        Buffer.concat([
          Buffer.from(`{"member": ${JSON.stringify(a).slice(0, -1)}`),
          Buffer.from(bad),
          Buffer.from(`${JSON.stringify(b).slice(1)}}`),
        ]),
      ),
    ),
  fc.tuple(fc.integer({ min: 1, max: 1500 }), fc.constantFrom('[', '{"a": ')).map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    const inner = open === '[' ? '' : '1';
    return body(`nested ${depth}`, Buffer.from(`{"member": "deep", "x": ${open.repeat(depth)}${inner}${close.repeat(depth)}}`));
  }),
  fc
    .tuple(
      fc.integer({ min: 1, max: 64 * 1024 }),
      fc.constantFrom('member', 'name', 'status', 'k'),
      fc.constantFrom('x', 'é', '\\"', '\\u00e9'),
    )
    .map(([length, key, unit]) => {
      const count = Math.ceil(length / unit.length);
      return body(`huge ${key}`, Buffer.from(`{"${key}": "${unit.repeat(count)}"}`), obj([[key, str(DECODED[unit].repeat(count))]]));
    }),
  jsonDoc.chain((doc) => {
    const text = serialize(doc);
    return fc.integer({ min: 0, max: text.length }).map((cut) => body('truncated JSON', Buffer.from(text.slice(0, cut))));
  }),
);

interface Aim {
  label: string;
  route: RouteKind;
  method: string;
  path: (t: Target) => string;
  headers: Record<string, string>;
}

const aims: Aim[] = [
  { label: 'add member', route: 'member-create', method: 'POST', path: (t) => `/v2/images/${t.imageId}/members`, headers: callers.owner },
  {
    label: 'update status',
    route: 'other',
    method: 'PUT',
    path: (t) => `/v2/images/${t.imageId}/members/${MEMBER}`,
    headers: callers.member,
  },
  { label: 'show member', route: 'other', method: 'GET', path: (t) => `/v2/images/${t.imageId}/members/${MEMBER}`, headers: callers.owner },
  {
    label: 'delete member',
    route: 'other',
    method: 'DELETE',
    path: (t) => `/v2/images/${t.imageId}/members/nobody`,
    headers: callers.owner,
  },
  {
    label: 'PUT on the member list (405)',
    route: 'other',
    method: 'PUT',
    path: (t) => `/v2/images/${t.imageId}/members`,
    headers: callers.owner,
  },
  { label: 'create image', route: 'image-create', method: 'POST', path: () => '/v2/images', headers: callers.owner },
  {
    label: 'patch image',
    route: 'image-patch',
    method: 'PATCH',
    path: (t) => `/v2/images/${t.imageId}`,
    headers: { ...callers.owner, 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
  },
];

describe.each(['mysql', 'sqlite'] as const)('hostile bodies on the %s profile', (profile) => {
  let target: Target;
  beforeAll(async () => {
    target = await startTarget(profile);
  });
  afterAll(() => target.mock.stop());

  it(
    'when any body is sent to a body-taking or bodiless route, then the answer is one Glance could give',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          bodies,
          fc.constantFrom(...aims.map((aim) => ({ ...aim, [fc.toStringMethod]: () => aim.label }))),
          acceptChoice,
          fc.boolean(),
          async (body, aim, { accept, format }, chunked) => {
            const answer = await target.mock.send({
              method: aim.method,
              path: aim.path(target),
              headers: withAccept(aim.headers, accept),
              body: body.bytes,
              chunked,
            });
            const facts: RequestFacts = { profile, route: aim.route, doc: body.doc, rawBody: body.bytes };
            expectGlanceLike(answer, facts, aim.method, format);
          },
        ),
        fuzzParams(120),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when a member is added with a value of any JSON type, then the answer is one Glance could give and a 200 echoes it',
    async () => {
      await fc.assert(
        fc.asyncProperty(memberValue, async (member) => {
          const doc = obj([['member', member]]);
          const bytes = Buffer.from(serialize(doc), 'utf8');
          const answer = await target.mock.send({
            method: 'POST',
            path: `/v2/images/${target.imageId}/members`,
            headers: callers.owner,
            body: bytes,
          });
          expectGlanceLike(answer, { profile, route: 'member-create', doc, rawBody: bytes }, 'POST', 'plain');
          if (answer.status === 200 && member.kind === 'string') {
            expect((JSON.parse(answer.text) as { member_id: unknown }).member_id).toBe(member.value);
          }
          if (answer.status === 200 && member.kind === 'string' && /^[\x21-\x7e]+$/.test(member.value) && !/[%/?#\\]/.test(member.value)) {
            // Free the seat again so the quota does not end the exploration.
            await target.mock.send({
              method: 'DELETE',
              path: `/v2/images/${target.imageId}/members/${member.value}`,
              headers: callers.owner,
            });
          }
        }),
        fuzzParams(150),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// The document builder itself: strings survive a round trip through a standard parser.
test('when a string is serialised for a request, then a JSON parser reads it back unchanged', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
      expect(JSON.parse(serialize(str(text)))).toBe(text);
    }),
    fuzzParams(200),
  );
});
