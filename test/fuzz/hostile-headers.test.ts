/**
 * Random headers (Accept, Content-Type, chunked bodies, request ids of every
 * length, tokens, identity headers) never get an answer the real Glance would
 * not give, errors come in the format Accept selects, and a caller's request id
 * comes back as oslo.context makes it.
 */
import fc from 'fast-check';
import { expectGlanceLike, type RouteKind } from './support/answers';
import { FUZZ_TIMEOUT_MS, fuzzParams } from './support/fuzz-config';
import { acceptChoice, callers, MEMBER, startTarget, type Target } from './support/requests';

/** Characters Node lets through in a header value. */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
const token = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,64}$/), headerText(300));

const requestId = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^(req-)?[0-9a-f-]{0,60}$/) },
  { weight: 2, arbitrary: headerText(64) },
  { weight: 2, arbitrary: fc.integer({ min: 65, max: 300 }).map((n) => 'r'.repeat(n)) },
  { weight: 1, arbitrary: headerText(400) },
);

const randomAccept = fc.oneof(
  acceptChoice.map(({ accept }) => accept),
  headerText(60),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('text', 'application', '*', 'image', ''),
        fc.constantFrom('html', 'json', '*', 'plain', 'xml'),
        fc.option(fc.double({ min: -1, max: 2, noNaN: true })),
      ),
      { maxLength: 4 },
    )
    .map((ranges) => ranges.map(([t, s, q]) => `${t}/${s}${q === null ? '' : `;q=${q}`}`).join(', ')),
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'text/plain',
      'application/openstack-images-v2.1-json-patch',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin-1',
    ),
    headerText(40),
  ),
);

const identityHeaders = fc.oneof(
  fc.constantFrom(callers.owner, callers.member, callers.stranger, callers.admin, {}),
  fc.record({
    'X-Identity-Status': fc.constantFrom('Confirmed', 'Invalid', 'confirmed', ''),
    'X-Project-Id': fc.oneof(fc.constant('fuzz-owner'), headerText(80)),
    'X-Roles': fc.oneof(fc.constantFrom('admin', 'member,reader', '', ' ,ADMIN , '), headerText(40)),
  }),
  token.map((t) => ({ 'X-Auth-Token': t })),
);

interface Call {
  label: string;
  route: RouteKind;
  method: string;
  path: (t: Target) => string;
  body?: string;
}

const calls: Call[] = [
  {
    label: 'add member',
    route: 'member-create',
    method: 'POST',
    path: (t) => `/v2/images/${t.imageId}/members`,
    body: '{"member": "hdr-member"}',
  },
  { label: 'list members', route: 'other', method: 'GET', path: (t) => `/v2/images/${t.imageId}/members` },
  { label: 'show member', route: 'other', method: 'GET', path: (t) => `/v2/images/${t.imageId}/members/${MEMBER}` },
  {
    label: 'accept',
    route: 'other',
    method: 'PUT',
    path: (t) => `/v2/images/${t.imageId}/members/${MEMBER}`,
    body: '{"status": "accepted"}',
  },
  { label: 'bad JSON', route: 'other', method: 'PUT', path: (t) => `/v2/images/${t.imageId}/members/${MEMBER}`, body: '{"status": ' },
  { label: 'show image', route: 'other', method: 'GET', path: (t) => `/v2/images/${t.imageId}` },
  { label: 'list images', route: 'other', method: 'GET', path: () => '/v2/images?limit=3' },
  { label: 'create image', route: 'image-create', method: 'POST', path: () => '/v2/images', body: '{"name": "hdr"}' },
  { label: 'unknown path', route: 'other', method: 'GET', path: () => '/v2/nowhere' },
  { label: 'HEAD schema', route: 'other', method: 'HEAD', path: () => '/v2/schemas/member' },
  { label: 'versions', route: 'other', method: 'GET', path: () => '/' },
  { label: 'healthcheck', route: 'other', method: 'GET', path: () => '/healthcheck' },
];
const call = fc.constantFrom(...calls.map((c) => ({ ...c, [fc.toStringMethod]: () => c.label })));

describe.each(['mysql', 'sqlite'] as const)('hostile headers on the %s profile', (profile) => {
  let target: Target;
  beforeAll(async () => {
    target = await startTarget(profile);
  });
  afterAll(() => target.mock.stop());

  it(
    'when any Accept, Content-Type, identity, token, request id and framing is sent, then the answer is one Glance could give',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          call,
          identityHeaders,
          randomAccept,
          contentType,
          fc.option(requestId),
          fc.boolean(),
          async (c, who, accept, type, rid, chunked) => {
            const headers: Record<string, string> = { ...who };
            if (accept !== undefined) headers.Accept = accept;
            if (type !== null) headers['Content-Type'] = type;
            if (rid !== null) headers['X-Openstack-Request-Id'] = rid;
            const answer = await target.mock.send({
              method: c.method,
              path: c.path(target),
              headers,
              body: c.body,
              chunked: chunked && c.body !== undefined,
            });
            expectGlanceLike(
              answer,
              { profile, route: c.route, requestId: rid ?? undefined, rawBody: c.body === undefined ? undefined : Buffer.from(c.body) },
              c.method,
            );
          },
        ),
        fuzzParams(250),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when a pinned Accept header is sent with an error, then the error comes in the format it selects',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          call.filter((c) => c.method !== 'HEAD'),
          acceptChoice,
          async (c, { accept, format }) => {
            // The stranger's calls fail (404/403/401 or the bad body's 400) in every route that needs an identity.
            const headers: Record<string, string> = {
              ...callers.stranger,
              'X-Identity-Status': 'Invalid',
              ...(accept === undefined ? {} : { Accept: accept }),
            };
            const answer = await target.mock.send({ method: c.method, path: c.path(target), headers, body: c.body });
            expectGlanceLike(answer, { profile, route: c.route }, c.method, format);
          },
        ),
        fuzzParams(40),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when a caller sends a request id of at most 64 characters, then it comes back trimmed, with req- in front if missing',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,60}$/), fc.boolean(), async (id, prefixed) => {
          const sent = prefixed ? `req-${id}` : id;
          const answer = await target.mock.send({
            method: 'GET',
            path: `/v2/images/${target.imageId}/members`,
            headers: { ...callers.owner, 'X-Openstack-Request-Id': ` ${sent} ` },
          });
          expect(answer.status).toBe(200);
          expect(answer.headers['x-openstack-request-id']).toBe(sent.startsWith('req-') ? sent : `req-${sent}`);
        }),
        fuzzParams(30),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'when an over-long request id comes with a request Glance refuses before its controller, then that refusal, not a 500',
    async () => {
      const refusals = [
        {
          method: 'PUT',
          path: (t: Target) => `/v2/images/${t.imageId}/members/${MEMBER}`,
          body: '{"status": ',
          status: 400,
          text: '400 Bad Request\n\nMalformed JSON in request body.\n\n   ',
        },
        {
          method: 'POST',
          path: (t: Target) => `/v2/images/${t.imageId}/members`,
          body: '[',
          status: 400,
          text: '400 Bad Request\n\nMalformed JSON in request body.\n\n   ',
        },
        {
          method: 'GET',
          path: () => '/v2/nowhere',
          body: undefined,
          status: 404,
          text: '404 Not Found\n\nThe resource could not be found.\n\n   ',
        },
        {
          method: 'PUT',
          path: (t: Target) => `/v2/images/${t.imageId}/members`,
          body: undefined,
          status: 405,
          text: '405 Method Not Allowed\n\nThe method PUT is not allowed for this resource. \n\n ',
        },
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...refusals.map((r) => ({ ...r, [fc.toStringMethod]: () => `${r.method} (${r.status})` }))),
          fc.integer({ min: 65, max: 400 }),
          async (r, length) => {
            const answer = await target.mock.send({
              method: r.method,
              path: r.path(target),
              headers: { ...callers.owner, 'X-Openstack-Request-Id': 'r'.repeat(length) },
              body: r.body,
            });
            expect({ status: answer.status, text: answer.text, id: answer.headers['x-openstack-request-id'] }).toEqual({
              status: r.status,
              text: r.text,
              id: undefined,
            });
          },
        ),
        fuzzParams(20),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
