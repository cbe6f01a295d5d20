import request from 'supertest';
import { createGlanceMock, seededIds, SeedError } from '../src';
import { identity } from './helpers/personas';

describe('applying a seed', () => {
  it('when images have no id, then the answer maps each key (or index) to the id drawn for it', () => {
    const mock = createGlanceMock({ ids: seededIds('applied') });
    const applied = mock.seed({
      projects: [{ id: 'p', name: 'pee' }],
      images: [{ key: 'shared-one', owner: 'p' }, { owner: 'p', name: 'second' }, { id: '11111111-2222-4333-8444-555555555555' }],
      tokens: [{ token: 't', project: 'pee' }],
    });
    const fresh = seededIds('applied');
    expect(applied.imageIds).toEqual({
      'shared-one': fresh.imageId(),
      '1': fresh.imageId(),
      '11111111-2222-4333-8444-555555555555': '11111111-2222-4333-8444-555555555555',
    });
    expect(applied.images[1]).toEqual({
      key: '1',
      id: applied.imageIds['1'],
      name: 'second',
      owner: 'p',
      visibility: 'shared',
      deleted: false,
    });
    expect(applied.projects).toEqual(['p']);
    expect(applied.tokens).toEqual(['t']);
  });

  it('when a seed is refused, then no id was drawn and nothing is stored', async () => {
    const mock = createGlanceMock({ ids: seededIds('refused') });
    const bad = { images: [{ key: 'a', owner: 'p' }], role_assignments: [{ user: 'nobody', project: 'p', roles: ['member'] }] };
    expect(() => mock.seed(bad)).toThrow(new SeedError('seed: role_assignments[0].user: "nobody" is not a seeded user'));
    const res = await request(mock.app).get('/v2/images').set(identity('p'));
    expect(res.body.images).toEqual([]);
    expect(mock.seed({ images: [{ key: 'a', owner: 'p' }] }).imageIds.a).toBe(seededIds('refused').imageId());
  });

  it('when an image is given data, then it is active with the size and checksums an upload gives', async () => {
    const mock = createGlanceMock();
    const { imageIds } = mock.seed({ images: [{ key: 'k', owner: 'p', disk_format: 'raw', container_format: 'bare', data: 'hello' }] });
    const res = await request(mock.app).get(`/v2/images/${imageIds.k}`).set(identity('p'));
    expect(res.body).toMatchObject({
      status: 'active',
      size: 5,
      virtual_size: 5,
      checksum: '5d41402abc4b2a76b9719d911017c592',
      os_hash_algo: 'sha512',
      os_hash_value:
        '9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043',
    });
    const file = await request(mock.app).get(`/v2/images/${imageIds.k}/file`).set(identity('p'));
    expect(Buffer.from(file.body as Buffer).toString()).toBe('hello');
  });

  it('when an image is marked deleted, then it answers 404 and its id cannot be used again', async () => {
    const id = '33333333-2222-4333-8444-555555555555';
    const mock = createGlanceMock({ seed: { images: [{ id, owner: 'p', deleted: true }] } });
    expect((await request(mock.app).get(`/v2/images/${id}`).set(identity('p'))).status).toBe(404);
    expect((await request(mock.app).post('/v2/images').set(identity('p')).send({ id })).status).toBe(409);
  });
});
