/**
 * PUT/DELETE /v2/images/{id}/tags/{tag}, image_tag_quota and the tag list
 * filter, as a real Glance Zed answered them.
 */
import request from 'supertest';
import { DataGlance, plain } from './helpers/image-data';
import { MEMBER, personas, type Headers } from './helpers/personas';

const UNKNOWN = '00000000-0000-0000-0000-000000000000';
const TOO_LARGE = '413 Request Entity Too Large';

describe('image tags', () => {
  let glance: DataGlance;
  let id: string;
  beforeEach(async () => {
    glance = new DataGlance();
    id = await glance.createImage({ tags: ['b', 'a'] });
    await glance.addMember(id, MEMBER);
  });

  const put = (tag: string, headers: Headers = personas.owner, image = id) =>
    request(glance.app).put(`/v2/images/${image}/tags/${tag}`).set(headers);
  const del = (tag: string, headers: Headers = personas.owner, image = id) =>
    request(glance.app).delete(`/v2/images/${image}/tags/${tag}`).set(headers);
  const tags = async () => (await glance.show(id)).body.tags as string[];

  it("when the owner adds a tag, then 204 with webob's default Content-Type and the tag is on the image", async () => {
    const res = await put('x');
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(await tags()).toEqual(['b', 'a', 'x']);
  });

  it('when a tag is added twice, then 204 and it is there once', async () => {
    await put('x');
    expect((await put('x')).status).toBe(204);
    expect(await tags()).toEqual(['b', 'a', 'x']);
  });

  it('when a tag has an encoded comma, then it is one tag', async () => {
    await put('a%2Cb');
    expect(await tags()).toContain('a,b');
  });

  it('when a tag is 256 characters long, then 400 from the image schema', async () => {
    const tag = 'y'.repeat(256);
    const res = await put(tag);
    expect(res.status).toBe(400);
    expect(res.text).toBe(
      `400 Bad Request\n\nProvided object does not match schema 'image': '${tag}' is too long  ` +
        "Failed validating 'maxLength' in schema['properties']['tags']['items']:     {'maxLength': 255, 'type': 'string'}  " +
        `On instance['tags'][0]:     '${tag}'\n\n   `,
    );
    expect((await put('y'.repeat(255))).status).toBe(204);
  });

  it('when a body comes with the tag, then 400 A body is not expected', async () => {
    const res = await put('x').send('{}');
    expect(res.text).toBe(plain('400 Bad Request', 'A body is not expected with this request.'));
  });

  it('when the owner deletes a tag, then 204 and it is gone; a tag the image lacks is a bare 404', async () => {
    expect((await del('a')).status).toBe(204);
    expect(await tags()).toEqual(['b']);
    const res = await del('zz');
    expect(res.status).toBe(404);
    expect(res.text).toBe(plain('404 Not Found', 'The resource could not be found.'));
  });

  it('when a member adds or deletes a tag, then 403 naming the image', async () => {
    expect((await put('m', personas.member)).text).toBe(plain('403 Forbidden', `Not allowed to update tags for image ${id}.`));
    expect((await del('a', personas.member)).text).toBe(plain('403 Forbidden', `Not allowed to delete tags for image ${id}.`));
  });

  it('when a stranger or an unknown image is named, then 404 Image <id> not found.', async () => {
    expect((await put('m', personas.stranger)).text).toBe(plain('404 Not Found', `Image ${id} not found.`));
    expect((await del('a', personas.stranger)).text).toBe(plain('404 Not Found', `Image ${id} not found.`));
    expect((await put('x', personas.owner, UNKNOWN)).text).toBe(plain('404 Not Found', `Image ${UNKNOWN} not found.`));
    expect((await del('x', personas.owner, UNKNOWN)).text).toBe(plain('404 Not Found', `Image ${UNKNOWN} not found.`));
  });

  it("when an admin tags someone else's image, then 204", async () => {
    expect((await put('adm', personas.admin)).status).toBe(204);
  });

  it('when GET is sent to a tag, then 405 allowing PUT, DELETE', async () => {
    const res = await request(glance.app).get(`/v2/images/${id}/tags/x`).set(personas.owner);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('PUT, DELETE');
  });

  it('when a member tags under secure RBAC, then 403 modify_image', async () => {
    glance = new DataGlance({ policy: 'secure-rbac' });
    id = await glance.createImage();
    await glance.addMember(id, MEMBER);
    expect((await put('x', personas.member)).text).toBe(plain('403 Forbidden', 'You are not authorized to complete modify_image action.'));
  });

  describe('image_tag_quota (2 here)', () => {
    beforeEach(async () => {
      glance = new DataGlance({ imageTagQuota: 2 });
      id = await glance.createImage({ tags: ['a', 'b'] });
    });

    it("when a third tag is added, then 413 with Glance's wording, trailing colon included", async () => {
      const res = await put('c');
      expect(res.status).toBe(413);
      expect(res.text).toBe(
        plain(
          TOO_LARGE,
          `Image tag limit exceeded for image ${id}: The limit has been exceeded on the number of allowed image tags. Attempted: 3, Maximum: 2:`,
        ),
      );
    });

    it('when a tag the image already has is added on a full image, then 204', async () => {
      expect((await put('a')).status).toBe(204);
    });

    it.each([[['a', 'b', 'c']], [['a', 'a', 'b']]])(
      'when an image is created with %j, then 413 counting the list as given',
      async (list) => {
        const res = await request(glance.app)
          .post('/v2/images')
          .set(personas.owner)
          .send(JSON.stringify({ tags: list }));
        expect(res.text).toBe(
          plain(TOO_LARGE, 'The limit has been exceeded on the number of allowed image tags. Attempted: 3, Maximum: 2'),
        );
      },
    );

    it('when a patch replaces the tags with too many, then 413', async () => {
      const res = await request(glance.app)
        .patch(`/v2/images/${id}`)
        .set(personas.owner)
        .set('Content-Type', 'application/openstack-images-v2.1-json-patch')
        .send(JSON.stringify([{ op: 'replace', path: '/tags', value: ['x', 'y', 'z'] }]));
      expect(res.text).toBe(plain(TOO_LARGE, 'The limit has been exceeded on the number of allowed image tags. Attempted: 3, Maximum: 2'));
    });
  });

  describe('GET /v2/images?tag=', () => {
    it('when several tags are given, then only images carrying all of them, and the first link keeps the last one', async () => {
      const other = await glance.createImage({ name: 'other', tags: ['a'] });
      const res = await request(glance.app).get('/v2/images?tag=a&tag=b').set(personas.owner);
      expect(res.body.images.map((image: { id: string }) => image.id)).toEqual([id]);
      expect(res.body.first).toBe('/v2/images?tag=b');
      const one = await request(glance.app).get('/v2/images?tag=a').set(personas.owner);
      expect(one.body.images.map((image: { id: string }) => image.id).sort()).toEqual([id, other].sort());
    });

    it('when the tag differs in case, then the mysql profile finds the image (its collation) and sqlite does not', async () => {
      for (const [dbProfile, found] of [
        ['mysql', 1],
        ['sqlite', 0],
      ] as const) {
        glance = new DataGlance({ dbProfile });
        await glance.createImage({ tags: ['Ab'] });
        const res = await request(glance.app).get('/v2/images?tag=AB').set(personas.owner);
        expect(res.body.images).toHaveLength(found);
      }
    });

    it('when a tag is deleted in another case, then 404 on either profile: Glance compares the set in Python', async () => {
      glance = new DataGlance({ dbProfile: 'mysql' });
      id = await glance.createImage({ tags: ['Ab'] });
      expect((await del('AB')).text).toBe(plain('404 Not Found', 'The resource could not be found.'));
    });

    it('when no image carries the tags, then an empty list', async () => {
      const res = await request(glance.app).get('/v2/images?tag=a&tag=zz').set(personas.owner);
      expect(res.text).toBe('{"images": [], "first": "/v2/images?tag=zz", "schema": "/v2/schemas/images"}');
    });
  });
});
