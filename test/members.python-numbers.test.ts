import type { DbProfileName } from '../src';
import { GlanceClient, MEMBERS_PATH, plainError } from './helpers/glance';
import { personas } from './helpers/personas';

const SERVER_ERROR = plainError(
  '500 Internal Server Error',
  'The server has either erred or is incapable of performing the requested operation.',
);

async function sharedImage(dbProfile: DbProfileName) {
  const glance = new GlanceClient({ dbProfile });
  const imageId = await glance.createImage({ visibility: 'shared' });
  // The answer may hold Infinity, which JSON.parse refuses: read it as text.
  const add = async (member: string) => {
    const res = await glance
      .post(MEMBERS_PATH(imageId), `{"member": ${member}}`, { ...personas.owner, 'Content-Type': 'application/json' })
      .buffer(true)
      .parse(asText as Parameters<ReturnType<GlanceClient['post']>['parse']>[0]);
    return { status: res.status, text: res.body as string };
  };
  const stored = async () =>
    ((await glance.get(MEMBERS_PATH(imageId))).body.members as Array<{ member_id: string }>).map((m) => m.member_id);
  return { imageId, add, stored };
}

const asText = (res: unknown, done: (error: Error | null, body: string) => void) => {
  const stream = res as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
};

/** The echo is Python's json.dumps of the value; the stored text is what each database makes of it (measured on Glance Zed). */
describe('member values that are numbers or lists, as Python and each database keep them', () => {
  it.each<[DbProfileName, string, string, string]>([
    ['sqlite', '1.0', '1.0', '1.0'],
    ['sqlite', '1e5', '100000.0', '100000.0'],
    ['sqlite', '1e16', '1e+16', '1.0e+16'],
    ['sqlite', '1.5e-7', '1.5e-07', '1.5e-07'],
    ['sqlite', '0.30000000000000004', '0.30000000000000004', '0.3'],
    ['sqlite', '1e309', 'Infinity', 'Inf'],
    ['sqlite', '-Infinity', '-Infinity', '-Inf'],
    ['sqlite', '9223372036854775807', '9223372036854775807', '9223372036854775807'],
    ['mysql', '1.0', '1.0', '1'],
    ['mysql', '1e5', '100000.0', '100000'],
    ['mysql', '123456789012345678901234567890', '123456789012345678901234567890', '123456789012345678901234567890'],
    ['mysql', '1e16', '1e+16', '1e16'],
    ['mysql', '1.5e-7', '1.5e-07', '0.00000015'],
    ['mysql', '1e-16', '1e-16', '1e-16'],
    ['mysql', '[1]', '[1]', '1'],
    ['mysql', '[1.5]', '[1.5]', '1.5'],
    ['mysql', '[["x"]]', '[["x"]]', 'x'],
    ['mysql', '[true]', '[true]', '1'],
  ])('on %s, when the member is %s, then 200 echoing %s and the column holds %s', async (db, member, echoed, text) => {
    const { add, stored } = await sharedImage(db);
    const res = await add(member);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(new RegExp(`^\\{"member_id": ${echoed.replace(/[[\]+.]/g, '\\$&')}, "image_id"`));
    expect(await stored()).toEqual([text]);
  });

  it.each<[DbProfileName, string]>([
    ['sqlite', '123456789012345678901234567890'],
    ['sqlite', '9223372036854775808'],
    ['sqlite', '[1]'],
    ['sqlite', '[true]'],
    ['sqlite', 'NaN'],
    ['sqlite', '"\\ud800"'],
    ['mysql', '1e309'],
    ['mysql', 'Infinity'],
    ['mysql', '-Infinity'],
    ['mysql', 'NaN'],
    ['mysql', '"\\ud800"'],
    ['mysql', '["a", "b"]'],
    ['mysql', '[null]'],
  ])("on %s, when the member is %s, then Glance's 500 and nothing is stored", async (db, member) => {
    const { add, stored } = await sharedImage(db);
    const res = await add(member);
    expect(res.status).toBe(500);
    expect(res.text).toBe(SERVER_ERROR);
    expect(await stored()).toEqual([]);
  });

  it.each<[DbProfileName, string, string]>([
    ['sqlite', 'Infinity', 'inf'],
    ['sqlite', '1.0', '1.0'],
    ['mysql', '[true]', '[True]'],
    ['mysql', '[1.0]', '[1.0]'],
  ])('on %s, when %s is added twice, then 409 naming it as Python prints it', async (db, member, printed) => {
    const { imageId, add } = await sharedImage(db);
    expect((await add(member)).status).toBe(200);
    const res = await add(member);
    expect(res.status).toBe(409);
    expect(res.text).toBe(plainError('409 Conflict', `Member ${printed} is duplicated for image ${imageId}`));
  });

  it.each(['0.0', '-0.0'])('when the member is %s, then 400 because a zero float is empty to Python', async (member) => {
    const { add } = await sharedImage('sqlite');
    const res = await add(member);
    expect(res.status).toBe(400);
    expect(res.text).toBe(plainError('400 Bad Request', "Member can't be empty"));
  });
});

/** MySQL compares a number with the text column as doubles: "abc" reads as 0, "12ab" as 12. */
describe('a number member on MySQL, compared with the members already there', () => {
  it.each<[string, string, string]>([
    ['[false]', 'abc-project', '[False]'],
    ['0', 'abc-project', '0'],
    ['[12.0]', '12ab', '[12.0]'],
    ['-9223372036854775809', '-9223372036854775808', '-9223372036854775809'],
  ])('when %s is added where %s is a member, then 409 as a duplicate', async (member, existing, printed) => {
    const { imageId, add, stored } = await sharedImage('mysql');
    expect((await add(JSON.stringify(existing))).status).toBe(200);
    const res = await add(member);
    if (member === '0') {
      expect(res.status).toBe(400); // zero is empty to Python before any lookup
      return;
    }
    expect(res.status).toBe(409);
    expect(res.text).toBe(plainError('409 Conflict', `Member ${printed} is duplicated for image ${imageId}`));
    expect(await stored()).toEqual([existing]);
  });

  it('when the same number is added on SQLite where "abc" is a member, then it is stored (no numeric comparison)', async () => {
    const { add, stored } = await sharedImage('sqlite');
    await add('"abc-project"');
    expect((await add('[false]')).status).toBe(500);
    expect((await add('5')).status).toBe(200);
    expect(await stored()).toEqual(['abc-project', '5']);
  });
});
