/**
 * What the caller sent, echoed in an error, escaped per format as a real Glance Zed does
 * (plain text strips tags, JSON writes \\u escapes, HTML character references).
 */
import request from 'supertest';
import { GlanceClient, MEMBERS_PATH } from './helpers/glance';
import { personas } from './helpers/personas';
import { CONTENT_TYPES, acceptFor, errorBody, type ErrorFormat } from './helpers/webob';

describe('when an error echoes what the caller sent, then each format escapes it as Glance does', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  const VIS = "'é<i>'";
  const visibilityMessage = (repr: string) =>
    `Provided object does not match schema 'image': ${repr} is not one of ['community', 'public', 'private', 'shared']\n\n` +
    "Failed validating 'enum' in schema['properties']['visibility']:\n    {'description': 'Scope of image accessibility',\n" +
    "     'enum': ['community', 'public', 'private', 'shared'],\n     'type': 'string'}\n\n" +
    `On instance['visibility']:\n    ${repr}`;

  const createBadVisibility = (format: ErrorFormat) =>
    request(glance.app)
      .post('/v2/images')
      .set({ ...personas.owner, ...acceptFor(format) })
      .send(Buffer.from(JSON.stringify({ visibility: 'é<i>' }), 'utf8'));

  it('when a non-ASCII value with a tag comes back in plain text, then the tag is stripped and é stays UTF-8', async () => {
    const res = await createBadVisibility('plain');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(res.text).toBe(
      "400 Bad Request\n\nProvided object does not match schema 'image': 'é' is not one of ['community', 'public', 'private', 'shared']  " +
        "Failed validating 'enum' in schema['properties']['visibility']:     {'description': 'Scope of image accessibility',      " +
        "'enum': ['community', 'public', 'private', 'shared'],      'type': 'string'}  On instance['visibility']:     'é'\n\n   ",
    );
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text, 'utf8')));
    expect(res.headers['content-length']).toBe('368');
  });

  it('when it comes back in JSON, then é is \\u00e9 (ensure_ascii) and the tag is kept', async () => {
    const res = await createBadVisibility('json');
    expect(res.status).toBe(400);
    expect(res.text).toBe(errorBody('json', 400, visibilityMessage(VIS)));
    expect(res.text).toContain('\\u00e9<i>');
    expect(res.headers['content-length']).toBe('452');
  });

  it('when it comes back in HTML, then é is &#233; and the tag is escaped', async () => {
    const res = await createBadVisibility('html');
    expect(res.status).toBe(400);
    expect(res.text).toBe(errorBody('html', 400, visibilityMessage(VIS)));
    expect(res.text).toContain('&#x27;&#233;&lt;i&gt;&#x27; is not one of [&#x27;community&#x27;');
    expect(res.headers['content-length']).toBe('698');
  });

  describe('when a member id with markup (<b>x</b>) is duplicated, then the 409 shows it per format', () => {
    let imageId: string;
    beforeEach(async () => {
      imageId = await glance.createImage({ visibility: 'shared' });
      await glance.addMember(imageId, '<b>x</b>');
    });

    const duplicate = (format: ErrorFormat) =>
      glance.post(MEMBERS_PATH(imageId), { member: '<b>x</b>' }, { ...personas.owner, ...acceptFor(format) });

    it('when the body is plain text, then the tags vanish', async () => {
      const res = await duplicate('plain');
      expect(res.status).toBe(409);
      expect(res.text).toBe(`409 Conflict\n\nMember x is duplicated for image ${imageId}\n\n   `);
    });

    it('when the body is JSON, then the tags are kept as sent', async () => {
      const res = await duplicate('json');
      expect(res.text).toBe(
        `{"message": "Member <b>x</b> is duplicated for image ${imageId}<br /><br />\\n\\n\\n", "code": "409 Conflict", "title": "Conflict"}`,
      );
    });

    it('when the body is HTML, then the tags are escaped', async () => {
      const res = await duplicate('html');
      expect(res.text).toBe(
        `<html>\n <head>\n  <title>409 Conflict</title>\n </head>\n <body>\n  <h1>409 Conflict</h1>\n  ` +
          `Member &lt;b&gt;x&lt;/b&gt; is duplicated for image ${imageId}<br /><br />\n\n\n\n </body>\n</html>`,
      );
    });

    it('when the member in the path is <b>x, then the plain 404 names it as x', async () => {
      const res = await glance.get(`${MEMBERS_PATH(imageId)}/%3Cb%3Ex`);
      expect(res.text).toBe(`404 Not Found\n\nx not found in the member list of the image ${imageId}.\n\n   `);
    });
  });

  describe('when a non-ASCII member id (café) is duplicated, then the 409 encodes it per format', () => {
    let imageId: string;
    beforeEach(async () => {
      imageId = await glance.createImage({ visibility: 'shared' });
      await glance.addMember(imageId, 'café');
    });

    it.each<[ErrorFormat, string]>([
      ['plain', 'Member café is duplicated'],
      ['json', 'Member caf\\u00e9 is duplicated'],
      ['html', 'Member caf&#233; is duplicated'],
    ])('when the body is %s, then é is written as %s', async (format, fragment) => {
      const res = await glance.post(MEMBERS_PATH(imageId), { member: 'café' }, { ...personas.owner, ...acceptFor(format) });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
      expect(res.text).toBe(errorBody(format, 409, `Member café is duplicated for image ${imageId}`));
      expect(res.text).toContain(fragment);
    });
  });
});
