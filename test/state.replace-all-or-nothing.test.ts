import request from 'supertest';
import { createGlanceMock, SeedError } from '../src';
import { identity } from './helpers/personas';

const KEPT = '11111111-2222-4333-8444-555555555555';
const OTHER = '22222222-2222-4333-8444-555555555555';

describe('replacing the whole state', () => {
  it('when the document is good, then only its images remain', async () => {
    const mock = createGlanceMock({ seed: { images: [{ id: KEPT, owner: 'p' }] } });
    mock.replaceState({ images: [{ id: OTHER, owner: 'p', name: 'other' }] });
    expect((await request(mock.app).get(`/v2/images/${KEPT}`).set(identity('p'))).status).toBe(404);
    expect((await request(mock.app).get(`/v2/images/${OTHER}`).set(identity('p'))).body.name).toBe('other');
  });

  it.each<[string, unknown, string]>([
    [
      'a bad member status',
      { images: [{ id: OTHER, members: [{ member: 'q', status: 'maybe' }] }] },
      'seed: images[0].members[0].status: must be one of pending, accepted, rejected',
    ],
    ['an id twice', { images: [{ id: OTHER }], deleted_image_ids: [OTHER] }, `seed: deleted_image_ids[0]: "${OTHER}" is already taken`],
    ['data and base64 data', { images: [{ data: 'a', data_base64: 'YQ==' }] }, 'seed: images[0].data_base64: cannot be given with data'],
    ['a bad token date', { tokens: [{ token: 't', issued_at: 'yesterday' }] }, 'seed: tokens[0].issued_at: must match format "date-time"'],
  ])('when the document has %s, then it is refused naming the field and the state is unchanged', async (_label, document, message) => {
    const mock = createGlanceMock({ seed: { images: [{ id: KEPT, owner: 'p' }] } });
    const before = JSON.stringify(mock.exportState());
    expect(() => mock.replaceState(document)).toThrow(new SeedError(message));
    expect(JSON.stringify(mock.exportState())).toBe(before);
    expect((await request(mock.app).get(`/v2/images/${KEPT}`).set(identity('p'))).status).toBe(200);
  });
});
