import { startGlanceMock, type RunningGlanceMock } from '../src';
import { GlanceStateTarget } from '../src/pact/glance-states';
import { MockStateTarget, stateToSeed } from '../src/pact/mock-states';
import { parseProviderState, type ProviderState } from '../src/pact/states';

const IMAGE = '1bea47ed-f6a9-463b-b423-14b9cca9ad27';

describe('provider-state parameters', () => {
  test.each([
    ['an image is on fire', {}, /^unknown provider state "an image is on fire" \(known: "an image exists", /],
    ['an image exists', { visibility: 'shared', owner: 'p1' }, /^provider state "an image exists": parameter imageId is missing$/],
    [
      'an image exists',
      { imageId: IMAGE, visibility: 'hidden', owner: 'p1' },
      /^provider state "an image exists": parameter visibility must be one of private, shared, community, public, got "hidden"$/,
    ],
    ['an image exists', { imageId: IMAGE, visibility: 'shared' }, /^provider state "an image exists": parameter owner is missing/],
    [
      'an image exists',
      { imageId: 'abc', visibility: 'shared', owner: 'p1' },
      /parameter imageId must be an image id \(a UUID\), got "abc"$/,
    ],
    [
      'a project is a member of the image',
      { imageId: IMAGE, memberId: 'p2', status: 'approved' },
      /^provider state "a project is a member of the image": parameter status must be one of pending, accepted, rejected, got "approved"$/,
    ],
    ['a project is a member of the image', { imageId: IMAGE, status: 'pending' }, /parameter memberId is missing$/],
    ['the image has reached its member limit', { imageId: IMAGE, owner: 7 }, /parameter owner must be a project id or null, got 7$/],
    ['no image exists', {}, /^provider state "no image exists": parameter imageId is missing$/],
    ['no image exists', [IMAGE], /^provider state "no image exists": params must be an object$/],
  ])('%s %j', (state, params, message) => {
    expect(() => parseProviderState(state, params)).toThrow(message);
  });
});

describe('provider states on the mock: one seed document per interaction', () => {
  test('states in order: an image, then a member of it', () => {
    const states: ProviderState[] = [
      { state: 'an image exists', imageId: IMAGE, visibility: 'shared', owner: 'p1', name: 'n' },
      { state: 'a project is a member of the image', imageId: IMAGE, memberId: 'p2', status: 'accepted' },
    ];
    expect(stateToSeed(states, 128)).toEqual({
      images: [{ id: IMAGE, visibility: 'shared', owner: 'p1', name: 'n', members: [{ member: 'p2', status: 'accepted' }] }],
    });
  });

  test('a member of a public image fails, naming the state and the parameter', () => {
    const states: ProviderState[] = [
      { state: 'an image exists', imageId: IMAGE, visibility: 'public', owner: 'p1' },
      { state: 'a project is a member of the image', imageId: IMAGE, memberId: 'p2', status: 'accepted' },
    ];
    expect(() => stateToSeed(states, 128)).toThrow(
      'provider state "a project is a member of the image": parameter imageId names a public image; only shared images have members',
    );
  });

  test('the member limit is the quota of the mock', () => {
    const seed = stateToSeed([{ state: 'the image has reached its member limit', imageId: IMAGE, owner: 'p1' }], 3);
    expect(seed.images?.[0].members?.map((m) => m.member)).toEqual(['member-limit-1', 'member-limit-2', 'member-limit-3']);
  });

  test('applied on a reset mock right before the request', async () => {
    const calls: string[] = [];
    const target = new MockStateTarget({
      description: 'test',
      memberQuota: 2,
      reset: () => void calls.push('reset'),
      seed: (data) => void calls.push(`seed ${data.images?.length}`),
    });
    await target.begin();
    expect(await target.apply({ state: 'no image exists', imageId: IMAGE })).toEqual({ imageId: IMAGE });
    await target.ready();
    expect(calls).toEqual(['reset', 'seed 0']);
  });
});

describe('provider states on a Glance through its public API (here the mock as that Glance)', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock({ memberQuota: 3 });
  });
  afterAll(() => glance.close());

  const owner = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1', Accept: 'application/json' };

  test('an image exists with the pact id, then with a fresh id once that id is taken', async () => {
    const target = new GlanceStateTarget(glance.url);
    await target.begin();
    const first = await target.apply({ state: 'an image exists', imageId: IMAGE, visibility: 'shared', owner: 'p1' });
    expect(first).toEqual({ imageId: IMAGE });
    await target.begin();
    const second = await target.apply({ state: 'an image exists', imageId: IMAGE, visibility: 'shared', owner: 'p1' });
    expect(second.imageId).not.toBe(IMAGE);
    expect(target.rewritePath(`/v2/images/${IMAGE}/members`)).toBe(`/v2/images/${second.imageId}/members`);
    const res = await fetch(`${glance.url}/v2/images/${second.imageId}`, { headers: owner });
    expect(await res.json()).toMatchObject({ owner: 'p1', visibility: 'shared' });
  });

  test('a member with its status, and the member limit reached through the API', async () => {
    const target = new GlanceStateTarget(glance.url);
    await target.begin();
    const { imageId } = await target.apply({
      state: 'a project is a member of the image',
      imageId: '2bea47ed-f6a9-463b-b423-14b9cca9ad27',
      memberId: 'p2',
      status: 'rejected',
      owner: 'p1',
    });
    const members = (await (await fetch(`${glance.url}/v2/images/${imageId}/members`, { headers: owner })).json()) as {
      members: unknown[];
    };
    expect(members.members).toMatchObject([{ member_id: 'p2', status: 'rejected' }]);
    const full = await target.apply({
      state: 'the image has reached its member limit',
      imageId: '3bea47ed-f6a9-463b-b423-14b9cca9ad27',
      owner: 'p1',
    });
    const res = await fetch(`${glance.url}/v2/images/${full.imageId}/members`, {
      method: 'POST',
      headers: { ...owner, 'Content-Type': 'application/json' },
      body: JSON.stringify({ member: 'one-more' }),
    });
    expect(res.status).toBe(413);
  });

  test('a state Glance refuses fails, naming the state', async () => {
    const target = new GlanceStateTarget(glance.url);
    await target.begin();
    await target.apply({ state: 'an image exists', imageId: '4bea47ed-f6a9-463b-b423-14b9cca9ad27', visibility: 'private', owner: 'p1' });
    await expect(
      target.apply({
        state: 'a project is a member of the image',
        imageId: '4bea47ed-f6a9-463b-b423-14b9cca9ad27',
        memberId: 'p2',
        status: 'pending',
      }),
    ).rejects.toThrow(/^provider state "a project is a member of the image": parameter imageId names a private image/);
  });
});
