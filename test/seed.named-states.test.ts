import request from 'supertest';
import { createGlanceMock, loadNamedState, namedStates, SeedError } from '../src';
import { identity } from './helpers/personas';

describe('named states', () => {
  it('when the shipped states are listed, then each loads and applies to a fresh mock', () => {
    expect(namedStates()).toEqual([
      'active-image-with-data',
      'community-image',
      'deleted-image',
      'private-image',
      'public-image',
      'shared-image-with-accepted-member',
      'shared-image-with-pending-member',
      'shared-image-with-rejected-member',
    ]);
    for (const name of namedStates()) expect(createGlanceMock().seed(loadNamedState(name)).images).toHaveLength(1);
  });

  it('when shared-image-with-pending-member is applied, then the member sees a pending membership', async () => {
    const mock = createGlanceMock();
    const { imageIds } = mock.seed(loadNamedState('shared-image-with-pending-member'));
    const res = await request(mock.app).get(`/v2/images/${imageIds.image}/members/member-project`).set(identity('member-project'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ image_id: imageIds.image, member_id: 'member-project', status: 'pending' });
  });

  it('when a state name is unknown or a path, then it is refused naming the known ones', () => {
    for (const name of ['no-such-state', '../demo-seed']) {
      expect(() => loadNamedState(name)).toThrow(SeedError);
      expect(() => loadNamedState(name)).toThrow(`state "${name}" is not a named state (known: active-image-with-data, community-image,`);
    }
  });
});
