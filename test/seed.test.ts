import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp, createGlanceMock, loadSeedFile, SeedError } from '../src';
import { identity } from './helpers/personas';

const dir = mkdtempSync(join(tmpdir(), 'glance-mock-seed-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('seed files', () => {
  it('when the demo seed is loaded, then the documented image and pending member are there', async () => {
    const seed = loadSeedFile(join(__dirname, '..', 'scenarios', 'demo-seed.yaml'));
    const res = await request(createApp({ seed }))
      .get('/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members')
      .set('X-Auth-Token', 'admin-token');
    expect(res.status).toBe(200);
    expect(res.body.members).toEqual([expect.objectContaining({ member_id: 'cdb477d9329c450e996cae2d02a2c44f', status: 'pending' })]);
  });

  it('when a JSON seed is loaded, then it works like YAML', () => {
    const path = file('s.json', JSON.stringify({ images: [{ name: 'x', owner: 'p' }] }));
    expect(loadSeedFile(path).images?.[0].name).toBe('x');
  });

  it.each<[string, string, RegExp]>([
    ['a bad visibility', 'images:\n  - visibility: secret\n', /images\[0\]\.visibility: must be one of private, shared, community, public/],
    [
      'a bad member status',
      'images:\n  - members:\n      - member: p\n        status: maybe\n',
      /images\[0\]\.members\[0\]\.status: must be one of pending, accepted, rejected/,
    ],
    ['an unknown field', 'images:\n  - colour: red\n', /images\[0\]\.colour: is not a known field/],
    ['a member without id', 'images:\n  - members:\n      - status: pending\n', /images\[0\]\.members\[0\]\.member: is required/],
    ['a non-uuid image id', 'images:\n  - id: abc\n', /images\[0\]\.id: must match pattern/],
    ['a top-level list', '- a\n', /\(top level\): must be object/],
  ])('when the seed has %s, then it is refused naming the field', (_label, yaml, pattern) => {
    const path = file('bad.yaml', yaml);
    expect(() => loadSeedFile(path)).toThrow(SeedError);
    expect(() => loadSeedFile(path)).toThrow(pattern);
  });

  it('when the file is not YAML or not there, then the error says so', () => {
    expect(() => loadSeedFile(file('broken.yaml', 'images: [\n'))).toThrow(/not valid YAML/);
    expect(() => loadSeedFile(join(dir, 'missing.yaml'))).toThrow(/cannot read \(ENOENT\)/);
  });

  it('when a seed repeats an image id or a member, then it is refused and nothing is stored', async () => {
    const mock = createGlanceMock();
    const id = '11111111-2222-4333-8444-555555555555';
    expect(() =>
      mock.seed({
        images: [
          { id, owner: 'p' },
          { id, owner: 'p' },
        ],
      }),
    ).toThrow(/images\[1\]\.id: .* is already taken/);
    expect(() => mock.seed({ images: [{ id, owner: 'p', members: [{ member: 'ABC' }, { member: 'abc' }] }] })).toThrow(
      /images\[0\]\.members\[1\]\.member: "abc" is duplicated/,
    );
    const res = await request(mock.app).get(`/v2/images/${id}`).set(identity('p'));
    expect(res.status).toBe(404);
  });

  it('when a seed member is too long for the mysql profile, then it is refused; sqlite takes it', () => {
    const images = [{ owner: 'p', members: [{ member: 'x'.repeat(256) }] }];
    expect(() => createGlanceMock({ seed: { images } })).toThrow(/members\[0\]\.member: cannot be stored by the mysql profile/);
    expect(() => createGlanceMock({ seed: { images }, dbProfile: 'sqlite' })).not.toThrow();
  });

  it('when a seed member has a 4-byte character, then every profile refuses it as the member insert does', () => {
    const images = [{ owner: 'p', members: [{ member: 'proj\u{1F600}' }] }];
    for (const dbProfile of ['mysql', 'sqlite'] as const) {
      expect(() => createGlanceMock({ seed: { images }, dbProfile })).toThrow(
        /members\[0\]\.member: cannot be stored by the \w+ profile: Member can't contain 4 byte unicode characters\./,
      );
    }
  });
});
