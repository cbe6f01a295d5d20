import request from 'supertest';
import { applySeedToGlance, SeedError, startGlanceMock, tokenActor, trustedHeadersActor, type RunningGlanceMock } from '../src';
import { identity } from './helpers/personas';

describe('a seed applied to a Glance through its public API', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock({
      seed: {
        tokens: [
          { token: 'owner-token', project: 'api-owner' },
          { token: 'admin-token', project: 'api-admin', roles: ['admin', 'member', 'reader'] },
        ],
      },
    });
  });
  afterAll(() => glance.close());

  const get = (path: string, project = 'api-owner') =>
    fetch(`${glance.url}${path}`, { headers: identity(project, project === 'api-admin' ? 'admin,member,reader' : 'member,reader') });

  it('when images with members and statuses are applied, then Glance holds them under the ids it gave', async () => {
    const applied = await applySeedToGlance(glance.url, trustedHeadersActor({ adminProject: 'api-admin' }), {
      images: [
        {
          key: 'shared-with-pending',
          name: 'shared one',
          owner: 'api-owner',
          visibility: 'shared',
          tags: ['t1'],
          properties: { colour: 'red' },
          members: [{ member: 'api-member' }, { member: 'api-member2', status: 'accepted' }, { member: 'api-gone', deleted: true }],
        },
        {
          key: 'private-after-members',
          owner: 'api-owner',
          visibility: 'private',
          members: [{ member: 'api-member', status: 'accepted' }],
        },
        { key: 'public', owner: 'api-owner', visibility: 'public', name: 'for all' },
        { key: 'nobodys', owner: null, name: 'no owner' },
        { key: 'gone', owner: 'api-owner', deleted: true },
      ],
    });
    expect(Object.keys(applied.imageIds)).toEqual(['shared-with-pending', 'private-after-members', 'public', 'nobodys', 'gone']);
    const shared = (await (await get(`/v2/images/${applied.imageIds['shared-with-pending']}`)).json()) as Record<string, unknown>;
    expect(shared).toMatchObject({ name: 'shared one', owner: 'api-owner', visibility: 'shared', tags: ['t1'], colour: 'red' });
    const members = (await (await get(`/v2/images/${applied.imageIds['shared-with-pending']}/members`)).json()) as {
      members: Array<{ member_id: string; status: string }>;
    };
    expect(members.members.map((m) => [m.member_id, m.status])).toEqual([
      ['api-member', 'pending'],
      ['api-member2', 'accepted'],
    ]);
    expect(await (await get(`/v2/images/${applied.imageIds['private-after-members']}`)).json()).toMatchObject({ visibility: 'private' });
    expect(await (await get(`/v2/images/${applied.imageIds.public}`, 'api-stranger')).json()).toMatchObject({ visibility: 'public' });
    expect(await (await get(`/v2/images/${applied.imageIds.nobodys}`, 'api-admin')).json()).toMatchObject({ owner: null });
    expect((await get(`/v2/images/${applied.imageIds.gone}`)).status).toBe(404);
  });

  it('when a member status names a project the tokens cannot act as, then nothing is created and the field is named', async () => {
    const actor = tokenActor({ admin: 'admin-token', projects: { 'api-owner': 'owner-token' } });
    const document = {
      images: [{ owner: 'api-owner', name: 'never-made', members: [{ member: 'api-member', status: 'accepted' as const }] }],
    };
    await expect(applySeedToGlance(glance.url, actor, document)).rejects.toThrow(
      new SeedError('seed: images[0].members[0].status: cannot be set: project "api-member" cannot be acted as'),
    );
    const list = await request(glance.url).get('/v2/images?name=never-made').set(identity('api-owner'));
    expect(list.body.images).toEqual([]);
  });

  it('when Glance refuses a step, then the error names the image and the answer', async () => {
    const actor = tokenActor({ admin: 'admin-token', projects: { 'api-owner': 'wrong-token' } });
    await expect(applySeedToGlance(glance.url, actor, { images: [{ owner: 'api-owner' }] })).rejects.toThrow(
      /^seed: images\[0\]: POST \/v2\/images answered 401, not 201/,
    );
  });
});
