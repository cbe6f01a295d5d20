import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import type { JsonMap } from '@pact-foundation/pact/src/common/jsonTypes';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlanceApiError, GlanceImagesClient } from '../src';
import {
  anyUuid,
  glanceError,
  IMAGE,
  imageId,
  imagePath,
  JSON_TYPE,
  MEMBER,
  member,
  memberStatus,
  OTHER,
  OWNER,
  STRANGER,
  timestamp,
  trusted,
} from './helpers/contract';

const { eachLike, regex, like } = MatchersV3;
const CONSUMER = 'GlanceImagesClient';
const PROVIDER = 'Glance';
const COMMITTED = join(__dirname, '..', 'contracts', `${CONSUMER}-${PROVIDER}.json`);

const dir = mkdtempSync(join(tmpdir(), 'glance-contracts-'));
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'error' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const as = (url: string, project: string | undefined) =>
  new GlanceImagesClient({ baseUrl: url, auth: project ? { projectId: project } : { none: true } });

const shared = { visibility: 'shared', owner: OWNER };
const anImage = (params: Record<string, unknown>) => ['an image exists', { imageId: IMAGE, ...params }] as const;
const aMember = (status: string) =>
  ['a project is a member of the image', { imageId: IMAGE, memberId: MEMBER, status, owner: OWNER }] as const;

type State = readonly [string, Record<string, unknown>];

interface Contract {
  description: string;
  given: State[];
  method: string;
  path: unknown;
  caller?: string;
  body?: unknown;
  status: number;
  responseBody?: unknown;
  call: (url: string) => Promise<unknown>;
  /** For an error answer: Glance's message as the client reads it. */
  error?: { message: string; title: string };
}

/** Every failure is a GlanceApiError with Glance's status, title and message. */
function failure(
  status: number,
  text: string,
  given: State[],
  rest: Omit<Contract, 'given' | 'status' | 'responseBody' | 'error'>,
): Contract {
  const { body, message, title } = glanceError(status, text);
  return { ...rest, given, status, responseBody: body, error: { message, title } };
}

const createAs = (project: string, memberId: string) => (url: string) => as(url, project).createMember(IMAGE, memberId);
const membersPath = imagePath('/members');
const memberPath = imagePath(`/members/${MEMBER}`);

const contracts: Contract[] = [
  {
    description: 'the owner shares its image with a project',
    given: [anImage(shared)],
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: { member: MEMBER },
    status: 200,
    responseBody: member(MEMBER, 'pending'),
    call: createAs(OWNER, MEMBER),
  },
  {
    description: 'the owner lists the members of its image',
    given: [aMember('pending')],
    method: 'GET',
    path: membersPath,
    caller: OWNER,
    status: 200,
    responseBody: { members: eachLike({ ...member(MEMBER, 'pending'), status: memberStatus('pending') }), schema: '/v2/schemas/members' },
    call: (url) => as(url, OWNER).listMembers(IMAGE),
  },
  {
    description: 'a member lists the members of an image shared with it: its own entry',
    given: [aMember('accepted')],
    method: 'GET',
    path: membersPath,
    caller: MEMBER,
    status: 200,
    responseBody: { members: [member(MEMBER, 'accepted')], schema: '/v2/schemas/members' },
    call: (url) => as(url, MEMBER).listMembers(IMAGE),
  },
  {
    description: 'a member shows its membership',
    given: [aMember('pending')],
    method: 'GET',
    path: memberPath,
    caller: MEMBER,
    status: 200,
    responseBody: member(MEMBER, 'pending'),
    call: (url) => as(url, MEMBER).showMember(IMAGE, MEMBER),
  },
  ...(
    [
      ['pending', 'accepted'],
      ['accepted', 'rejected'],
      ['rejected', 'pending'],
    ] as const
  ).map(([from, to]): Contract => ({
    description: `a member sets its ${from} membership to ${to}`,
    given: [aMember(from)],
    method: 'PUT',
    path: memberPath,
    caller: MEMBER,
    body: { status: to },
    status: 200,
    responseBody: member(MEMBER, to),
    call: (url) => as(url, MEMBER).updateMember(IMAGE, MEMBER, to),
  })),
  {
    description: 'the owner removes a member',
    given: [aMember('accepted')],
    method: 'DELETE',
    path: memberPath,
    caller: OWNER,
    status: 204,
    call: (url) => as(url, OWNER).deleteMember(IMAGE, MEMBER),
  },
  failure(400, "Member can't be empty", [anImage(shared)], {
    description: 'adding an empty member id is refused',
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: { member: '' },
    call: createAs(OWNER, ''),
  }),
  failure(400, "Member can't contain 4 byte unicode characters.", [anImage(shared)], {
    description: 'adding a member id with a 4-byte character is refused',
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: { member: 'p\u{1F600}' },
    call: createAs(OWNER, 'p\u{1F600}'),
  }),
  failure(400, 'Member to be added not specified', [anImage(shared)], {
    description: 'adding a member with a body without "member" is refused',
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: {},
    call: (url) => as(url, OWNER).json('POST', `/v2/images/${IMAGE}/members`, { json: {} }),
  }),
  failure(400, 'Expected a member in the form: {"member": "image_id"}', [anImage(shared)], {
    description: 'adding a member with a list for a body is refused',
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: ['p'],
    call: (url) => as(url, OWNER).json('POST', `/v2/images/${IMAGE}/members`, { json: ['p'] }),
  }),
  failure(400, 'Incorrect request: Status must be "pending", "accepted" or "rejected".', [aMember('pending')], {
    description: 'a member setting an unknown status is refused',
    method: 'PUT',
    path: memberPath,
    caller: MEMBER,
    body: { status: 'bogus' },
    call: (url) => as(url, MEMBER).json('PUT', `/v2/images/${IMAGE}/members/${MEMBER}`, { json: { status: 'bogus' } }),
  }),
  failure(400, 'Status not specified', [aMember('pending')], {
    description: 'a member updating without a status is refused',
    method: 'PUT',
    path: memberPath,
    caller: MEMBER,
    body: {},
    call: (url) => as(url, MEMBER).json('PUT', `/v2/images/${IMAGE}/members/${MEMBER}`, { json: {} }),
  }),
  failure(400, 'Expected a status in the form: {"status": "status"}', [aMember('pending')], {
    description: 'a member updating with a list for a body is refused',
    method: 'PUT',
    path: memberPath,
    caller: MEMBER,
    body: ['accepted'],
    call: (url) => as(url, MEMBER).json('PUT', `/v2/images/${IMAGE}/members/${MEMBER}`, { json: ['accepted'] }),
  }),
  failure(400, 'A body is not expected with this request.', [aMember('pending')], {
    description: 'removing a member with a body is refused',
    method: 'DELETE',
    path: memberPath,
    caller: OWNER,
    body: {},
    call: (url) => as(url, OWNER).send('DELETE', `/v2/images/${IMAGE}/members/${MEMBER}`, { json: {} }),
  }),
  failure(
    401,
    'This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.',
    [aMember('pending')],
    {
      description: 'a caller without identity is refused',
      method: 'GET',
      path: membersPath,
      call: (url) => as(url, undefined).listMembers(IMAGE),
    },
  ),
  ...(['public', 'private', 'community'] as const).map((visibility) =>
    failure(403, 'Not allowed to create members for image {image}.', [anImage({ visibility, owner: OWNER })], {
      description: `the owner cannot share its ${visibility} image`,
      method: 'POST',
      path: membersPath,
      caller: OWNER,
      body: { member: MEMBER },
      call: createAs(OWNER, MEMBER),
    }),
  ),
  failure(403, 'Not allowed to create members for image {image}.', [aMember('accepted')], {
    description: 'a member cannot share an image it does not own',
    method: 'POST',
    path: membersPath,
    caller: MEMBER,
    body: { member: OTHER },
    call: createAs(MEMBER, OTHER),
  }),
  failure(403, 'Not allowed to update members for image {image}.', [aMember('pending')], {
    description: 'the owner cannot accept a membership for its member',
    method: 'PUT',
    path: memberPath,
    caller: OWNER,
    body: { status: 'accepted' },
    call: (url) => as(url, OWNER).updateMember(IMAGE, MEMBER, 'accepted'),
  }),
  failure(404, 'Image {image} not found.', [['no image exists', { imageId: IMAGE }]], {
    description: 'listing the members of an image that does not exist',
    method: 'GET',
    path: membersPath,
    caller: OWNER,
    call: (url) => as(url, OWNER).listMembers(IMAGE),
  }),
  failure(404, `${MEMBER} not found in the member list of the image {image}.`, [anImage(shared)], {
    description: 'showing a project that is not a member',
    method: 'GET',
    path: memberPath,
    caller: OWNER,
    call: (url) => as(url, OWNER).showMember(IMAGE, MEMBER),
  }),
  failure(404, 'Image {image} not found.', [aMember('accepted')], {
    description: 'a stranger cannot see the members of a shared image',
    method: 'GET',
    path: membersPath,
    caller: STRANGER,
    call: (url) => as(url, STRANGER).listMembers(IMAGE),
  }),
  failure(409, `Member ${MEMBER} is duplicated for image {image}`, [aMember('pending')], {
    description: 'sharing again with a member is a conflict',
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: { member: MEMBER },
    call: createAs(OWNER, MEMBER),
  }),
  failure(
    413,
    'Image member limit exceeded for image {image}: The limit has been exceeded on the number of allowed image members for this image. Attempted: {n}, Maximum: {n}:',
    [['the image has reached its member limit', { imageId: IMAGE, owner: OWNER }]],
    {
      description: 'sharing past the member limit is refused',
      method: 'POST',
      path: membersPath,
      caller: OWNER,
      body: { member: OTHER },
      call: createAs(OWNER, OTHER),
    },
  ),
  failure(500, 'The server has either erred or is incapable of performing the requested operation.', [anImage(shared)], {
    description: 'a member id over 255 characters is a server error on MySQL',
    method: 'POST',
    path: membersPath,
    caller: OWNER,
    body: { member: 'm'.repeat(256) },
    call: createAs(OWNER, 'm'.repeat(256)),
  }),
  {
    description: 'a project creates a shared image',
    given: [],
    method: 'POST',
    path: '/v2/images',
    caller: OWNER,
    body: { name: 'contract-image', visibility: 'shared' },
    status: 201,
    responseBody: image({ id: anyUuid(), name: 'contract-image' }),
    call: (url) => as(url, OWNER).createImage({ name: 'contract-image', visibility: 'shared' }),
  },
  {
    description: 'the owner shows its image',
    given: [anImage({ ...shared, name: 'contract-image' })],
    method: 'GET',
    path: imagePath(),
    caller: OWNER,
    status: 200,
    responseBody: image({ id: imageId(), name: 'contract-image' }),
    call: (url) => as(url, OWNER).showImage(IMAGE),
  },
  failure(404, 'No image found with ID {image}', [['no image exists', { imageId: IMAGE }]], {
    description: 'showing an image that does not exist',
    method: 'GET',
    path: imagePath(),
    caller: OWNER,
    call: (url) => as(url, OWNER).showImage(IMAGE),
  }),
  ...(['accepted', 'pending'] as const).map((status): Contract => ({
    description: `a member lists the shared images it has ${status === 'accepted' ? 'accepted' : 'not answered yet'}`,
    given: [aMember(status)],
    method: 'GET',
    path: `/v2/images?member_status=${status}&visibility=shared`,
    caller: MEMBER,
    status: 200,
    responseBody: {
      images: eachLike({ id: anyUuid(), visibility: 'shared', owner: like(OWNER), status: 'queued', created_at: timestamp() }),
      first: `/v2/images?member_status=${status}&visibility=shared`,
      schema: '/v2/schemas/images',
    },
    call: (url) => as(url, MEMBER).listImages({ member_status: status, visibility: 'shared' }),
  })),
  {
    description: 'the owner deletes its image',
    given: [anImage(shared)],
    method: 'DELETE',
    path: imagePath(),
    caller: OWNER,
    status: 204,
    call: (url) => as(url, OWNER).deleteImage(IMAGE),
  },
];

function image(fields: { id: unknown; name: string }) {
  return {
    name: fields.name,
    visibility: 'shared',
    status: 'queued',
    protected: false,
    owner: OWNER,
    os_hidden: false,
    id: fields.id,
    created_at: timestamp(),
    updated_at: timestamp(),
    tags: [],
    self: regex('^/v2/images/[0-9a-fA-F-]{36}$', `/v2/images/${IMAGE}`),
    file: regex('^/v2/images/[0-9a-fA-F-]{36}/file$', `/v2/images/${IMAGE}/file`),
    schema: '/v2/schemas/image',
  };
}

describe('the consumer contract of GlanceImagesClient', () => {
  test.each(contracts.map((contract) => [contract.description, contract] as const))('%s', async (_name, contract) => {
    let interaction = pact.addInteraction();
    for (const [state, params] of contract.given) interaction = interaction.given(state, params as JsonMap);
    // A query goes beside the path in a pact.
    const [path, query] = typeof contract.path === 'string' ? contract.path.split('?') : [contract.path as string];
    const headers = contract.caller ? trusted(contract.caller) : { Accept: 'application/json' };
    await interaction
      .uponReceiving(contract.description)
      .withRequest(contract.method, path, (builder) => {
        builder.headers(headers);
        if (query) builder.query(Object.fromEntries(new URLSearchParams(query)));
        if (contract.body !== undefined) builder.jsonBody(contract.body);
      })
      .willRespondWith(contract.status, (builder) => {
        if (contract.responseBody !== undefined) builder.headers(JSON_TYPE).jsonBody(contract.responseBody);
      })
      .executeTest(async (mock) => {
        const outcome = await contract.call(mock.url).catch((err: unknown) => err);
        if (contract.error) {
          expect(outcome).toBeInstanceOf(GlanceApiError);
          expect(outcome).toMatchObject({ status: contract.status, title: contract.error.title, glanceMessage: contract.error.message });
        } else {
          expect(outcome).not.toBeInstanceOf(Error);
        }
      });
  });

  test('the committed contract is the one these tests write (UPDATE_CONTRACTS=1 rewrites it)', () => {
    const written = readFileSync(join(dir, `${CONSUMER}-${PROVIDER}.json`), 'utf8');
    if (process.env.UPDATE_CONTRACTS === '1') writeFileSync(COMMITTED, written);
    expect(readFileSync(COMMITTED, 'utf8')).toBe(written);
  });
});
