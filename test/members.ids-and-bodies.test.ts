import type { DbProfileName } from '../src';
import { GlanceClient, MEMBERS_PATH, MEMBER_PATH } from './helpers/glance';
import { identity, MEMBER, personas } from './helpers/personas';

const JSON_ACCEPT = { Accept: 'application/json' };
const message = (res: { body: { message: string } }) => res.body.message.replace(/<br \/><br \/>\n\n\n$/, '');

async function sharedImage(dbProfile: DbProfileName = 'mysql') {
  const glance = new GlanceClient({ dbProfile });
  const imageId = await glance.createImage({ visibility: 'shared' });
  return { glance, imageId };
}

const listIds = async (glance: GlanceClient, imageId: string) =>
  ((await glance.get(MEMBERS_PATH(imageId))).body.members as Array<{ member_id: string }>).map((m) => m.member_id);

describe('member values in the create body', () => {
  it.each<[string, unknown, string]>([
    ['a number', 123, '123'],
    ['a float', 1.5, '1.5'],
    ['true', true, '1'],
  ])('when the member is %s, then 200 echoing it as sent and it is stored as text', async (_label, value, stored) => {
    const { glance, imageId } = await sharedImage();
    const res = await glance.post(MEMBERS_PATH(imageId), { member: value });
    expect(res.status).toBe(200);
    expect(res.body.member_id).toEqual(value);
    expect(await listIds(glance, imageId)).toEqual([stored]);
  });

  it('when the member is a one-element list, then the mysql profile stores its element and sqlite fails with 500', async () => {
    const mysql = await sharedImage('mysql');
    const res = await mysql.glance.post(MEMBERS_PATH(mysql.imageId), { member: ['a'] });
    expect(res.status).toBe(200);
    expect(res.body.member_id).toEqual(['a']);
    expect(await listIds(mysql.glance, mysql.imageId)).toEqual(['a']);

    const sqlite = await sharedImage('sqlite');
    const failed = await sqlite.glance.post(MEMBERS_PATH(sqlite.imageId), { member: ['a'] }, { ...personas.owner, ...JSON_ACCEPT });
    expect(failed.status).toBe(500);
    expect(message(failed)).toBe('The server has either erred or is incapable of performing the requested operation.');
    expect(await listIds(sqlite.glance, sqlite.imageId)).toEqual([]);
  });

  it.each<[string, string]>([
    ['an object', '{"member": {"a": 1}}'],
    ['NaN', '{"member": NaN}'],
  ])('when the member is %s, then 500 and nothing is stored', async (_label, body) => {
    const { glance, imageId } = await sharedImage();
    const res = await glance.post(MEMBERS_PATH(imageId), body, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(500);
    expect(message(res)).toBe('The server has either erred or is incapable of performing the requested operation.');
    expect(await listIds(glance, imageId)).toEqual([]);
  });

  it('when a number member is added twice, then 409 printed as Python prints it', async () => {
    const { glance, imageId } = await sharedImage();
    await glance.post(MEMBERS_PATH(imageId), { member: true });
    const res = await glance.post(MEMBERS_PATH(imageId), { member: true }, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(409);
    expect(message(res)).toBe(`Member True is duplicated for image ${imageId}`);
  });

  it('when the body repeats the member key, then the last value wins', async () => {
    const { glance, imageId } = await sharedImage();
    const res = await glance.post(MEMBERS_PATH(imageId), '{"member": "a", "member": "b"}');
    expect(res.body.member_id).toBe('b');
  });

  it('when the member is a single space, then it is a valid member', async () => {
    const { glance, imageId } = await sharedImage('sqlite');
    expect((await glance.post(MEMBERS_PATH(imageId), { member: ' ' })).status).toBe(200);
  });

  it.each([
    ['a UTF-8 BOM', '\ufeff{"member": "x"}'],
    ['trailing garbage', '{"member": "x"} x'],
    ['only whitespace', '   '],
  ])('when the body has %s, then 400 malformed JSON', async (_label, body) => {
    const { glance, imageId } = await sharedImage();
    const res = await glance.post(MEMBERS_PATH(imageId), body, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(400);
    expect(message(res)).toBe('Malformed JSON in request body.');
  });

  it.each<DbProfileName>(['mysql', 'sqlite'])('when the member has a 4-byte character, then 400 on %s', async (db) => {
    const { glance, imageId } = await sharedImage(db);
    const res = await glance.post(MEMBERS_PATH(imageId), { member: 'proj\u{1F600}' }, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(400);
    expect(message(res)).toBe("Member can't contain 4 byte unicode characters.");
    expect(await listIds(glance, imageId)).toEqual([]);
  });
});

describe('status bodies of PUT', () => {
  const put = async (body: unknown) => {
    const { glance, imageId } = await sharedImage();
    await glance.addMember(imageId, MEMBER);
    return glance.put(MEMBER_PATH(imageId, MEMBER), body, { ...personas.member, ...JSON_ACCEPT });
  };

  it.each<[string, unknown, string]>([
    ['null', { status: null }, 'Incorrect request: Status must be "pending", "accepted" or "rejected".'],
    ['a number', { status: 1 }, 'Incorrect request: Status must be "pending", "accepted" or "rejected".'],
    ['an empty string', { status: '' }, 'Incorrect request: Status must be "pending", "accepted" or "rejected".'],
    ['upper case', { status: 'ACCEPTED' }, 'Incorrect request: Status must be "pending", "accepted" or "rejected".'],
    ['a leading space', { status: ' accepted' }, 'Incorrect request: Status must be "pending", "accepted" or "rejected".'],
    ['a list', { status: ['accepted'] }, 'Incorrect request: Status must be "pending", "accepted" or "rejected".'],
    ['no status key', { member_status: 'accepted' }, 'Status not specified'],
    ['an empty object', {}, 'Status not specified'],
    ['a JSON array', [{ status: 'accepted' }], 'Expected a status in the form: {"status": "status"}'],
    ['a JSON string', '"accepted"', 'Unexpected body type. Expected list/dict.'],
    ['malformed JSON', '{"status"', 'Malformed JSON in request body.'],
    ['no body', undefined, 'Body expected in request.'],
  ])('when the status is %s, then 400', async (_label, body, expected) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json');
    expect(message(res)).toBe(expected);
  });

  it('when the body has extra keys, then they are ignored', async () => {
    const res = await put({ status: 'accepted', member: 'someone-else' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ member_id: MEMBER, status: 'accepted' });
  });
});

describe('member ids by database profile', () => {
  const long = (n: number) => 'p'.repeat(n);

  it('when a 255-character member is added, then both profiles store it', async () => {
    for (const db of ['mysql', 'sqlite'] as const) {
      const { glance, imageId } = await sharedImage(db);
      expect((await glance.post(MEMBERS_PATH(imageId), { member: long(255) })).status).toBe(200);
    }
  });

  it.each([256, 1000])('when a %i-character member is added, then mysql answers 500 and stores nothing', async (n) => {
    const { glance, imageId } = await sharedImage('mysql');
    for (const accept of ['application/json', 'text/plain']) {
      const res = await glance.post(MEMBERS_PATH(imageId), { member: long(n) }, { ...personas.owner, Accept: accept });
      expect(res.status).toBe(500);
      if (accept === 'text/plain')
        expect(res.text).toBe(
          '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ',
        );
      else expect(message(res)).toBe('The server has either erred or is incapable of performing the requested operation.');
    }
    expect(await listIds(glance, imageId)).toEqual([]);
  });

  it.each([256, 1000])('when a %i-character member is added, then sqlite stores it', async (n) => {
    const { glance, imageId } = await sharedImage('sqlite');
    expect((await glance.post(MEMBERS_PATH(imageId), { member: long(n) })).status).toBe(200);
    expect((await glance.get(MEMBER_PATH(imageId, long(n)))).body.member_id).toBe(long(n));
  });

  it.each<[string, string, string]>([
    ['letter case', 'abc', 'ABC'],
    ['a trailing space', 'abc', 'abc '],
    ['an accent', 'accé', 'acce'],
    ['a sharp s', 'straße', 'strase'],
  ])('when two ids differ only by %s, then mysql says 409 with the id as sent and sqlite adds both', async (_l, first, second) => {
    const mysql = await sharedImage('mysql');
    await mysql.glance.addMember(mysql.imageId, first);
    const res = await mysql.glance.post(MEMBERS_PATH(mysql.imageId), { member: second }, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(409);
    expect(message(res)).toBe(`Member ${second} is duplicated for image ${mysql.imageId}`);

    const sqlite = await sharedImage('sqlite');
    await sqlite.glance.addMember(sqlite.imageId, first);
    expect((await sqlite.glance.post(MEMBERS_PATH(sqlite.imageId), { member: second })).status).toBe(200);
    expect(await listIds(sqlite.glance, sqlite.imageId)).toEqual([first, second]);
  });

  it('when a leading space differs, then mysql adds both too', async () => {
    const { glance, imageId } = await sharedImage('mysql');
    await glance.addMember(imageId, 'abc');
    expect((await glance.post(MEMBERS_PATH(imageId), { member: ' abc' })).status).toBe(200);
  });

  it('when a member is shown by another letter case, then mysql finds the stored row and sqlite does not', async () => {
    const mysql = await sharedImage('mysql');
    await mysql.glance.addMember(mysql.imageId, 'abc');
    const found = await mysql.glance.get(`${MEMBERS_PATH(mysql.imageId)}/ABC`);
    expect(found.status).toBe(200);
    expect(found.body.member_id).toBe('abc');
    expect((await mysql.glance.get(`${MEMBERS_PATH(mysql.imageId)}/abc%20%20`)).body.member_id).toBe('abc');

    const sqlite = await sharedImage('sqlite');
    await sqlite.glance.addMember(sqlite.imageId, 'abc');
    const missing = await sqlite.glance.get(`${MEMBERS_PATH(sqlite.imageId)}/ABC`, { ...personas.owner, ...JSON_ACCEPT });
    expect(missing.status).toBe(404);
    expect(message(missing)).toBe(`ABC not found in the member list of the image ${sqlite.imageId}.`);
  });

  it('when project ABC acts on a membership stored as abc, then mysql treats it as the member', async () => {
    const { glance, imageId } = await sharedImage('mysql');
    await glance.addMember(imageId, 'abc');
    const caller = identity('ABC');
    expect((await glance.get(`/v2/images/${imageId}`, caller)).status).toBe(200);
    const updated = await glance.put(`${MEMBERS_PATH(imageId)}/abc`, { status: 'accepted' }, caller);
    expect(updated.status).toBe(200);
    expect(updated.body.member_id).toBe('abc');
    expect((await glance.delete(`${MEMBERS_PATH(imageId)}/ABC`)).status).toBe(204);
    expect(await listIds(glance, imageId)).toEqual([]);
  });

  it('when project ABC looks at an image shared with abc on sqlite, then the image is not found', async () => {
    const { glance, imageId } = await sharedImage('sqlite');
    await glance.addMember(imageId, 'abc');
    expect((await glance.get(`/v2/images/${imageId}`, identity('ABC'))).status).toBe(404);
  });

  it('when a member id holds a slash, then it can be added but never reached by path', async () => {
    const { glance, imageId } = await sharedImage();
    expect((await glance.post(MEMBERS_PATH(imageId), { member: 'a/b' })).status).toBe(200);
    for (const path of [`${MEMBERS_PATH(imageId)}/a%2Fb`, `${MEMBERS_PATH(imageId)}/a/b`]) {
      const res = await glance.get(path, { ...personas.owner, ...JSON_ACCEPT });
      expect(res.status).toBe(404);
      expect(message(res)).toBe('The resource could not be found.');
    }
  });

  it('when a non-ASCII member is shown by path, then the path decodes as Latin-1 and the member is not found', async () => {
    const { glance, imageId } = await sharedImage();
    const created = await glance.post(MEMBERS_PATH(imageId), { member: 'projé' });
    expect(created.status).toBe(200);
    expect(created.text).toContain('"member_id": "projé"');
    const res = await glance.get(`${MEMBERS_PATH(imageId)}/proj%C3%A9`, { ...personas.owner, ...JSON_ACCEPT });
    expect(res.status).toBe(404);
    expect(res.text).toContain('"message": "proj\\u00c3\\u00a9 not found in the member list');
  });

  it('when a member id holds spaces or reserved characters, then it is reached percent-encoded', async () => {
    const { glance, imageId } = await sharedImage();
    for (const id of ['a b c', 'a?b', 'a%b', 'a#b', 'a\tb']) {
      await glance.addMember(imageId, id);
      const res = await glance.get(MEMBER_PATH(imageId, id));
      expect(res.status).toBe(200);
      expect(res.body.member_id).toBe(id);
    }
  });

  it('when the path has an empty segment before the member, then it is collapsed', async () => {
    const { glance, imageId } = await sharedImage();
    await glance.addMember(imageId, MEMBER);
    expect((await glance.get(`${MEMBERS_PATH(imageId)}//${MEMBER}`)).status).toBe(200);
    expect((await glance.get(`${MEMBERS_PATH(imageId)}/`, { ...personas.owner, ...JSON_ACCEPT })).status).toBe(404);
  });
});
