/**
 * GET /v2/images/{id} and GET /v2/images, asserted against a real Glance Zed
 * (legacy policy), on the fixtures of scripts/real-glance/probe.py's list section.
 */
import { MEMBERS_PATH } from './helpers/glance';
import { ClockedGlance, IMAGE_KEYS, PATCH_V21, UNKNOWN_IMAGE, patchImage, replaceOp } from './helpers/images';
import { ADMIN_PROJECT, MEMBER, OWNER, identity, personas, type Headers } from './helpers/personas';
import { expectMatchesSchema } from './helpers/schemas';
import { WEBOB, expectGlanceError } from './helpers/webob';

const SORT_KEYS = 'name, status, container_format, disk_format, size, id, created_at, updated_at';

describe('GET /v2/images/{image_id}', () => {
  let glance: ClockedGlance;
  beforeEach(() => {
    glance = new ClockedGlance();
  });

  const show = (id: string, headers: Headers = personas.owner) => glance.get(`/v2/images/${id}`, headers);

  it('when the owner shows its image, then 200 with the same bytes as the create answer', async () => {
    const created = await glance.post('/v2/images', { name: 'x', foo: 'bar' });
    const res = await show(created.body.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['openstack-image-import-methods']).toBeUndefined();
    expect(res.text).toBe(created.text);
    expect(Object.keys(res.body)).toEqual(['foo', ...IMAGE_KEYS]);
    expectMatchesSchema('image', res.body);
  });

  it.each(['pending', 'accepted', 'rejected'])('when a %s member shows a shared image, then 200', async (status) => {
    const id = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(id, MEMBER);
    if (status !== 'pending') await glance.setStatus(id, MEMBER, status, personas.member);
    const res = await show(id, personas.member);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.id).toBe(id);
    expectMatchesSchema('image', res.body);
  });

  it("when an admin shows someone else's shared image, then 200", async () => {
    const id = await glance.createImage({ visibility: 'shared' });
    const res = await show(id, personas.admin);
    expect(res.status).toBe(200);
    expectMatchesSchema('image', res.body);
  });

  it.each(['shared', 'private'])('when a stranger shows a %s image, then 404 No image found with ID', async (visibility) => {
    const id = await glance.createImage({ visibility });
    const res = await show(id, personas.stranger);
    expect(res.text).toBe(`404 Not Found\n\nNo image found with ID ${id}\n\n   `);
    expectGlanceError(res, 404, `No image found with ID ${id}`);
    expect(res.headers['x-openstack-request-id']).toMatch(/^req-/);
  });

  it.each(['public', 'community'])('when a stranger shows a %s image, then 200', async (visibility) => {
    const id = await glance.imageWithVisibility(visibility as 'public' | 'community');
    const res = await show(id, personas.stranger);
    expect(res.status).toBe(200);
    expect(res.body.visibility).toBe(visibility);
  });

  it('when the image has no owner, then every project can show it (200)', async () => {
    const id = await glance.createImage({ visibility: 'shared', owner: null }, personas.admin);
    for (const headers of [personas.owner, personas.stranger, identity('x', ''), { 'X-Identity-Status': 'Confirmed' }]) {
      const res = await show(id, headers);
      expect(res.status).toBe(200);
      expect(res.body.owner).toBeNull();
      expectMatchesSchema('image', res.body);
    }
  });

  it('when a member shows an image made private after it was shared, then 404', async () => {
    const id = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(id, MEMBER);
    expect((await patchImage(glance, id, [replaceOp('/visibility', 'private')])).status).toBe(200);
    expectGlanceError(await show(id, personas.member), 404, `No image found with ID ${id}`);
  });

  it.each([
    ['not a uuid', 'abc'],
    ['an unknown uuid', UNKNOWN_IMAGE],
  ])('when the id is %s, then 404 naming the id as given', async (_label, id) => {
    expectGlanceError(await show(id), 404, `No image found with ID ${id}`);
  });

  it('when the id is the uppercase form of an existing id on SQLite, then 404 naming it as given', async () => {
    const sqlite = new ClockedGlance(undefined, { dbProfile: 'sqlite' });
    const id = await sqlite.createImage();
    const upper = id.toUpperCase();
    expectGlanceError(await sqlite.get(`/v2/images/${upper}`), 404, `No image found with ID ${upper}`);
  });

  it('when the image was deleted, then 404 for the owner and for an admin', async () => {
    const id = await glance.createImage();
    expect((await glance.delete(`/v2/images/${id}`)).status).toBe(204);
    expectGlanceError(await show(id), 404, `No image found with ID ${id}`);
    expectGlanceError(await show(id, personas.admin), 404, `No image found with ID ${id}`);
  });

  it('when the caller has no project, then its own images are not found', async () => {
    const id = await glance.createImage();
    const res = await show(id, { 'X-Identity-Status': 'Confirmed', 'X-Roles': 'member,reader' });
    expectGlanceError(res, 404, `No image found with ID ${id}`);
  });

  it('when the path has a trailing slash, then 404 The resource could not be found', async () => {
    const id = await glance.createImage();
    expectGlanceError(await glance.get(`/v2/images/${id}/`), 404, WEBOB.resourceNotFound);
  });

  it('when the id is percent-encoded, then it is decoded before routing (200)', async () => {
    const id = await glance.createImage();
    const encoded = [...id].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    const res = await glance.get(`/v2/images/${encoded}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
  });

  it('when the image is shown in JSON error format, then the 404 is webob JSON', async () => {
    const res = await show(UNKNOWN_IMAGE, { ...personas.owner, Accept: 'application/json' });
    expect(res.text).toBe(
      `{"message": "No image found with ID ${UNKNOWN_IMAGE}<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}`,
    );
  });
});

describe('GET /v2/images', () => {
  /** The real probe's fixtures, created one second apart in this order. */
  type Label = 'own_shared' | 'pending' | 'accepted' | 'rejected' | 'public' | 'community' | 'private' | 'member_own' | 'hidden';

  let glance: ClockedGlance;
  let ids: Record<Label, string>;
  let byId: Record<string, Label>;

  beforeEach(async () => {
    glance = new ClockedGlance();
    const made: Partial<Record<Label, string>> = {};
    const body = (label: Label) => ({ name: `list-${label}`, foo: `bar-${label}` });
    made.own_shared = await glance.createLater({ ...body('own_shared'), visibility: 'shared' });
    for (const status of ['pending', 'accepted', 'rejected'] as const) {
      const id = await glance.createLater({ ...body(status), visibility: 'shared' });
      await glance.addMember(id, MEMBER);
      if (status !== 'pending') await glance.setStatus(id, MEMBER, status, personas.member);
      made[status] = id;
    }
    made.public = await glance.createLater({ ...body('public'), visibility: 'public' }, personas.admin);
    made.community = await glance.createLater({ ...body('community'), visibility: 'community' });
    made.private = await glance.createLater({ ...body('private'), visibility: 'private' });
    made.member_own = await glance.createLater({ ...body('member_own'), visibility: 'private' }, personas.member);
    made.hidden = await glance.createLater({ ...body('hidden'), visibility: 'shared', os_hidden: true });
    await glance.addMember(made.hidden, MEMBER);
    await glance.setStatus(made.hidden, MEMBER, 'accepted', personas.member);
    ids = made as Record<Label, string>;
    byId = Object.fromEntries(Object.entries(ids).map(([label, id]) => [id, label as Label]));
  });

  const list = (query = '', headers: Headers = personas.member) => glance.get(`/v2/images${query}`, headers);
  const labelsOf = (body: { images: Array<{ id: string }> }) => body.images.map((image) => byId[image.id] ?? image.id);

  const expectList = async (query: string, headers: Headers, labels: Label[], links: { first: string; next?: Label }) => {
    const res = await list(query, headers);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(labelsOf(res.body)).toEqual(labels);
    const expectedKeys = links.next ? ['images', 'first', 'schema', 'next'] : ['images', 'first', 'schema'];
    expect(Object.keys(res.body)).toEqual(expectedKeys);
    expect(res.body.first).toBe(links.first);
    expect(res.body.schema).toBe('/v2/schemas/images');
    if (links.next) {
      const path = links.first.includes('?') ? links.first : `${links.first}?`;
      expect(res.body.next).toBe(`${path}${path.endsWith('?') ? '' : '&'}marker=${ids[links.next]}`);
    }
    expectMatchesSchema('images', res.body);
    return res;
  };

  describe('what a member project sees', () => {
    it('when a member lists with no filter, then own, public and accepted shared images, newest first', async () => {
      await expectList('', personas.member, ['member_own', 'public', 'accepted'], { first: '/v2/images' });
    });

    it.each<[string, Label[]]>([
      ['pending', ['member_own', 'public', 'pending']],
      ['accepted', ['member_own', 'public', 'accepted']],
      ['rejected', ['member_own', 'public', 'rejected']],
      ['all', ['member_own', 'public', 'rejected', 'accepted', 'pending']],
    ])('when member_status=%s, then own, public and shared images in that status', async (status, labels) => {
      await expectList(`?member_status=${status}`, personas.member, labels, { first: `/v2/images?member_status=${status}` });
    });

    it.each<[string, Label[]]>([
      ['shared', ['accepted']],
      ['community', ['community']],
      ['private', ['member_own']],
      ['public', ['public']],
      ['all', ['member_own', 'community', 'public', 'accepted']],
    ])('when visibility=%s, then only those images', async (visibility, labels) => {
      await expectList(`?visibility=${visibility}`, personas.member, labels, { first: `/v2/images?visibility=${visibility}` });
    });

    it('when visibility=shared&member_status=all, then every shared image the member belongs to', async () => {
      await expectList('?visibility=shared&member_status=all', personas.member, ['rejected', 'accepted', 'pending'], {
        first: '/v2/images?visibility=shared&member_status=all',
      });
    });

    it('when visibility=shared&member_status=pending, then the pending one only', async () => {
      await expectList('?visibility=shared&member_status=pending', personas.member, ['pending'], {
        first: '/v2/images?visibility=shared&member_status=pending',
      });
    });

    it('when os_hidden=true, then only hidden images', async () => {
      await expectList('?os_hidden=true', personas.member, ['hidden'], { first: '/v2/images?os_hidden=true' });
    });

    it('when os_hidden=TRUE, then it is read case-insensitively', async () => {
      await expectList('?os_hidden=TRUE', personas.member, ['hidden'], { first: '/v2/images?os_hidden=TRUE' });
    });

    it('when os_hidden=false, then the default list', async () => {
      await expectList('?os_hidden=false', personas.member, ['member_own', 'public', 'accepted'], { first: '/v2/images?os_hidden=false' });
    });

    it('when filtering by exact name, then that image only', async () => {
      await expectList('?name=list-accepted', personas.member, ['accepted'], { first: '/v2/images?name=list-accepted' });
    });

    it.each<[string, Label[]]>([
      [OWNER, ['accepted']],
      [MEMBER, ['member_own']],
    ])("when filtering by owner=%s, then that owner's visible images", async (owner, labels) => {
      await expectList(`?owner=${owner}`, personas.member, labels, { first: `/v2/images?owner=${owner}` });
    });

    it('when an unknown key is given, then it filters on that custom property (exact match)', async () => {
      await expectList('?foo=bar-accepted', personas.member, ['accepted'], { first: '/v2/images?foo=bar-accepted' });
    });

    it('when a custom property filter matches nothing, then an empty list', async () => {
      const res = await expectList('?foo=bar', personas.member, [], { first: '/v2/images?foo=bar' });
      expect(res.text).toBe('{"images": [], "first": "/v2/images?foo=bar", "schema": "/v2/schemas/images"}');
    });
  });

  describe('paging', () => {
    it('when the page is full, then next carries the last id as marker', async () => {
      await expectList('?limit=2', personas.member, ['member_own', 'public'], { first: '/v2/images?limit=2', next: 'public' });
    });

    it('when limit=1, then one image and a next link', async () => {
      await expectList('?limit=1', personas.member, ['member_own'], { first: '/v2/images?limit=1', next: 'member_own' });
    });

    it('when limit=0, then an empty list and no next', async () => {
      const res = await expectList('?limit=0', personas.member, [], { first: '/v2/images?limit=0' });
      expect(res.text).toBe('{"images": [], "first": "/v2/images?limit=0", "schema": "/v2/schemas/images"}');
    });

    it('when the owner follows next links, then pages continue and first drops the marker', async () => {
      const page1 = await expectList('?limit=2', personas.owner, ['private', 'community'], {
        first: '/v2/images?limit=2',
        next: 'community',
      });
      const page2 = await expectList(`?limit=2&marker=${ids.community}`, personas.owner, ['public', 'rejected'], {
        first: '/v2/images?limit=2',
        next: 'rejected',
      });
      expect(page2.body.first).toBe(page1.body.first);
    });

    it('when the marker comes before limit, then next puts the marker last', async () => {
      await expectList(`?marker=${ids.public}&limit=1`, personas.member, ['accepted'], { first: '/v2/images?limit=1', next: 'accepted' });
    });

    it('when the marker is the last image, then an empty page without next', async () => {
      await expectList(`?marker=${ids.accepted}`, personas.member, [], { first: '/v2/images' });
    });

    it('when the page is not full, then there is no next link', async () => {
      await expectList('?limit=3', personas.member, ['member_own', 'public', 'accepted'], {
        first: '/v2/images?limit=3',
        next: 'accepted',
      });
      await expectList('?limit=4', personas.member, ['member_own', 'public', 'accepted'], { first: '/v2/images?limit=4' });
    });

    it('when the marker is unknown, then 400 No image found with ID <marker>', async () => {
      const res = await list(`?marker=${UNKNOWN_IMAGE}`);
      expect(res.text).toBe(`400 Bad Request\n\nNo image found with ID ${UNKNOWN_IMAGE}\n\n   `);
      expectGlanceError(res, 400, `No image found with ID ${UNKNOWN_IMAGE}`);
    });

    it('when the marker is not a uuid, then 400 naming it', async () => {
      expectGlanceError(await list('?marker=abc'), 400, 'No image found with ID abc');
    });

    it('when the marker is an image the caller cannot see, then 403 Forbidding request, image not visible', async () => {
      const res = await list(`?marker=${ids.private}`);
      expect(res.text).toBe(`403 Forbidden\n\nForbidding request, image ${ids.private} not visible\n\n   `);
      expectGlanceError(res, 403, `Forbidding request, image ${ids.private} not visible`);
    });

    it('when the marker is a deleted image, then 400 No image found with ID', async () => {
      expect((await glance.delete(`/v2/images/${ids.private}`)).status).toBe(204);
      expectGlanceError(await list(`?marker=${ids.private}`, personas.owner), 400, `No image found with ID ${ids.private}`);
    });

    it('when the marker is empty, then 400 No image found with ID (empty)', async () => {
      expectGlanceError(await list('?marker='), 400, 'No image found with ID ');
    });

    it.each<[string, string]>([
      ['-1', 'limit param must be positive'],
      ['abc', 'limit param must be an integer'],
      ['', 'limit param must be an integer'],
    ])('when limit=%s, then 400 %s', async (limit, message) => {
      expectGlanceError(await list(`?limit=${limit}`), 400, message);
    });

    it('when the query has a space, then first writes it the way Python urlencodes (+)', async () => {
      const res = await list('?name=a%20b');
      expect(res.status).toBe(200);
      expect(res.body.first).toBe('/v2/images?name=a+b');
    });
  });

  describe('sorting', () => {
    it('when sort_key=name, then name descending by default', async () => {
      await expectList('?sort_key=name', personas.member, ['public', 'member_own', 'accepted'], { first: '/v2/images?sort_key=name' });
    });

    it('when sort_key=name&sort_dir=asc, then name ascending', async () => {
      await expectList('?sort_key=name&sort_dir=asc', personas.member, ['accepted', 'member_own', 'public'], {
        first: '/v2/images?sort_key=name&sort_dir=asc',
      });
    });

    it('when sort=name:asc, then name ascending and first is URL-encoded', async () => {
      await expectList('?sort=name:asc', personas.member, ['accepted', 'member_own', 'public'], { first: '/v2/images?sort=name%3Aasc' });
    });

    it.each<[string, string]>([
      ['?sort_key=bogus', `Invalid sort key: bogus. It must be one of the following: ${SORT_KEYS}.`],
      ['?sort_key=NAME', `Invalid sort key: NAME. It must be one of the following: ${SORT_KEYS}.`],
      ['?sort_dir=bogus', 'Invalid sort direction: bogus'],
      ['?sort_dir=ASC', 'Invalid sort direction: ASC'],
      ['?sort=bogus:asc', `Invalid sort key: bogus. It must be one of the following: ${SORT_KEYS}.`],
      ['?sort=name:bogus', 'Invalid sort direction: bogus'],
      ['?sort_key=name&sort=name:asc', 'Old and new sorting syntax cannot be combined'],
      ['?sort_dir=asc&sort=name:asc', 'Old and new sorting syntax cannot be combined'],
    ])('when the query is %s, then 400 %s', async (query, message) => {
      const res = await list(query);
      expectGlanceError(res, 400, message);
    });

    it("when sort_key=bogus, then the plain text is exactly Glance's", async () => {
      expect((await list('?sort_key=bogus')).text).toBe(
        `400 Bad Request\n\nInvalid sort key: bogus. It must be one of the following: ${SORT_KEYS}.\n\n   `,
      );
    });
  });

  describe('filter validation', () => {
    it.each<[string, string]>([
      ['?member_status=bogus', 'Invalid status: bogus'],
      ['?member_status=ALL', 'Invalid status: ALL'],
      ['?visibility=bogus', 'Invalid visibility value: bogus'],
      ['?visibility=SHARED', 'Invalid visibility value: SHARED'],
      ['?os_hidden=bogus', "Invalid value 'bogus' for 'os_hidden' filter. Valid values are 'true' or 'false'."],
      ['?os_hidden=1', "Invalid value '1' for 'os_hidden' filter. Valid values are 'true' or 'false'."],
    ])('when the query is %s, then 400 %s', async (query, message) => {
      expectGlanceError(await list(query), 400, message);
    });

    it('when a GET on the list carries a body, then Glance ignores it (200)', async () => {
      const res = await list('?limit=0').set('Content-Type', 'application/json').send('{bad');
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"images": [], "first": "/v2/images?limit=0", "schema": "/v2/schemas/images"}');
    });
  });

  describe('what other callers see', () => {
    it('when the owner lists, then all its images of every visibility (not hidden), newest first', async () => {
      await expectList('', personas.owner, ['private', 'community', 'public', 'rejected', 'accepted', 'pending', 'own_shared'], {
        first: '/v2/images',
      });
    });

    it('when the owner lists visibility=shared, then all its shared images whatever the member status', async () => {
      await expectList('?visibility=shared', personas.owner, ['rejected', 'accepted', 'pending', 'own_shared'], {
        first: '/v2/images?visibility=shared',
      });
    });

    it('when a stranger lists, then public images only (no community, no shared)', async () => {
      await expectList('', personas.stranger, ['public'], { first: '/v2/images' });
    });

    it("when an admin lists, then every image except hidden ones and others' community images", async () => {
      await expectList('', personas.admin, ['member_own', 'private', 'public', 'rejected', 'accepted', 'pending', 'own_shared'], {
        first: '/v2/images',
      });
    });

    it('when an admin lists member_status=all, then the same images', async () => {
      await expectList(
        '?member_status=all',
        personas.admin,
        ['member_own', 'private', 'public', 'rejected', 'accepted', 'pending', 'own_shared'],
        { first: '/v2/images?member_status=all' },
      );
    });

    it.each<[string, Label[]]>([
      ['shared', ['rejected', 'accepted', 'pending', 'own_shared']],
      ['private', ['member_own', 'private']],
    ])('when an admin lists visibility=%s, then every such image', async (visibility, labels) => {
      await expectList(`?visibility=${visibility}`, personas.admin, labels, { first: `/v2/images?visibility=${visibility}` });
    });

    it('when an image has no owner, then a non-admin stranger can show it but does not get it listed', async () => {
      glance.clock.advance(1000);
      const id = await glance.createImage({ name: 'noowner', visibility: 'shared', owner: null }, personas.admin);
      expect((await glance.get(`/v2/images/${id}`, personas.stranger)).status).toBe(200);
      const res = await list('?name=noowner', personas.stranger);
      expect(res.status).toBe(200);
      expect(res.body.images).toEqual([]);
      const admin = await list('?name=noowner', personas.admin);
      expect(admin.body.images.map((image: { id: string }) => image.id)).toEqual([id]);
    });

    it('when an image was deleted, then it is no longer listed', async () => {
      expect((await glance.delete(`/v2/images/${ids.accepted}`)).status).toBe(204);
      await expectList('', personas.member, ['member_own', 'public'], { first: '/v2/images' });
    });

    it("when the list is shown, then every image has Glance's key order with custom properties first", async () => {
      const res = await list('', personas.owner);
      for (const image of res.body.images) expect(Object.keys(image)).toEqual(['foo', ...IMAGE_KEYS]);
      expect(res.text.startsWith(`{"images": [{"foo": "bar-private", "name": "list-private", "disk_format": null, `)).toBe(true);
    });

    it('when the list is requested under /v2.1, then it is the /v2 list with /v2 links', async () => {
      const res = await glance.get('/v2.1/images?limit=1', personas.member);
      expect(res.status).toBe(200);
      expect(res.body.first).toBe('/v2/images?limit=1');
      expect(labelsOf(res.body)).toEqual(['member_own']);
    });

    it('when the caller is an admin with the role in capitals, then it sees the admin list', async () => {
      const res = await list('', identity(ADMIN_PROJECT, 'Admin'));
      expect(labelsOf(res.body)).toEqual(['member_own', 'private', 'public', 'rejected', 'accepted', 'pending', 'own_shared']);
    });

    it('when the image changes visibility, then the list follows it (private hides it from members)', async () => {
      expect((await patchImage(glance, ids.accepted, [replaceOp('/visibility', 'private')], personas.owner, PATCH_V21)).status).toBe(200);
      await expectList('', personas.member, ['member_own', 'public'], { first: '/v2/images' });
      expect((await glance.get(MEMBERS_PATH(ids.accepted))).status).toBe(403);
    });
  });
});
