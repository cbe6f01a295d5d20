/**
 * The error body generator (webob's HTTPException as Glance uses it) and the
 * request-id rules, asserted against literal bodies, header orders and request
 * ids captured from a real Glance Zed.
 */
import request from 'supertest';
import { GlanceClient, MEMBERS_PATH, MEMBER_PATH } from './helpers/glance';
import { PATCH_V21, UNKNOWN_IMAGE, patchImage, removeOp, replaceOp } from './helpers/images';
import { identity, OWNER, personas, type Headers } from './helpers/personas';
import {
  ACCEPT_PATCH,
  CONTENT_TYPES,
  GENERATED_REQUEST_ID,
  WEBOB,
  errorBody,
  expectGlanceError,
  headerOrder,
  methodNotAllowedBody,
  unsupportedMediaTypeBody,
  type ErrorFormat,
} from './helpers/webob';

const NOT_FOUND = `No image found with ID ${UNKNOWN_IMAGE}`;

/** The three bodies of `GET /v2/images/<unknown>` exactly as the real Glance sent them. */
const REAL_404: Record<ErrorFormat, string> = {
  plain: `404 Not Found\n\nNo image found with ID ${UNKNOWN_IMAGE}\n\n   `,
  json: `{"message": "No image found with ID ${UNKNOWN_IMAGE}<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}`,
  html:
    `<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  ` +
    `No image found with ID ${UNKNOWN_IMAGE}<br /><br />\n\n\n\n </body>\n</html>`,
};

describe('error body format chosen by Accept', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  const missing = (accept?: string) => {
    const req = glance.get(`/v2/images/${UNKNOWN_IMAGE}`);
    return accept === undefined ? req : req.set('Accept', accept);
  };

  it("the reference bodies rebuilt from webob's rules equal the bytes captured from the real server", () => {
    for (const format of ['plain', 'json', 'html'] as const) expect(errorBody(format, 404, NOT_FOUND)).toBe(REAL_404[format]);
  });

  it.each<[string, ErrorFormat, string | undefined]>([
    ['no Accept', 'plain', undefined],
    ['an empty Accept', 'plain', ''],
    ['text/plain', 'plain', 'text/plain'],
    ['application/xml', 'plain', 'application/xml'],
    ['application/json;q=0', 'plain', 'application/json;q=0'],
    ['application/json with a charset parameter', 'plain', 'application/json;charset=utf-8'],
    ['application/json', 'json', 'application/json'],
    ['APPLICATION/JSON', 'json', 'APPLICATION/JSON'],
    ['application/*', 'json', 'application/*'],
    ['text/html;q=0.5, application/json', 'json', 'text/html;q=0.5, application/json'],
    ['*/*;q=0.1, application/json', 'json', '*/*;q=0.1, application/json'],
    ['text/html;q=0, */*', 'json', 'text/html;q=0, */*'],
    ['text/plain, application/json;q=0.1', 'json', 'text/plain, application/json;q=0.1'],
    ['text/html', 'html', 'text/html'],
    ['*/*', 'html', '*/*'],
    ['text/*', 'html', 'text/*'],
    ['application/json;q=0.5, text/html', 'html', 'application/json;q=0.5, text/html'],
    ['application/json, text/html (a tie keeps text/html first)', 'html', 'application/json, text/html'],
    ['an unparsable Accept (garbage)', 'html', 'garbage'],
  ])('when the Accept is %s, then the 404 is %s', async (_label, format, accept) => {
    const res = await missing(accept);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
    expect(res.text).toBe(REAL_404[format]);
  });

  it.each<[ErrorFormat, string]>([
    ['plain', '400 Bad Request\n\nPointer `name` does not start with "/".\n\n   '],
    [
      'json',
      '{"message": "Pointer `name` does not start with \\"/\\".<br /><br />\\n\\n\\n", "code": "400 Bad Request", "title": "Bad Request"}',
    ],
    [
      'html',
      '<html>\n <head>\n  <title>400 Bad Request</title>\n </head>\n <body>\n  <h1>400 Bad Request</h1>\n  ' +
        'Pointer `name` does not start with &quot;/&quot;.<br /><br />\n\n\n\n </body>\n</html>',
    ],
  ])('when a message has double quotes, then the %s body escapes them as Glance does', async (format, body) => {
    const id = await glance.createImage();
    const res = await patchImage(glance, id, [replaceOp('name', 'x')], { ...personas.owner, ...acceptFor(format) });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
    expect(res.text).toBe(body);
  });

  it('when a message has single quotes and HTML is accepted, then they become &#x27;', async () => {
    const id = await glance.createImage();
    const res = await patchImage(glance, id, [replaceOp('/id', 'x')], { ...personas.owner, Accept: 'text/html' });
    expect(res.text).toBe(
      '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  ' +
        'Attribute &#x27;id&#x27; is read-only.<br /><br />\n\n\n\n </body>\n</html>',
    );
  });

  it('when the create fails with a 500 and JSON is accepted, then the generic 500 is webob JSON', async () => {
    const res = await glance.post('/v2/images', '[]', { ...personas.owner, Accept: 'application/json' });
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(
      '{"message": "The server has either erred or is incapable of performing the requested operation.<br /><br />\\n\\n\\n", "code": "500 Internal Server Error", "title": "Internal Server Error"}',
    );
  });

  it("when the unknown path is asked for in HTML, then webob's resource-not-found page", async () => {
    const res = await glance.get('/v2/nosuch').set('Accept', 'text/html');
    expect(res.text).toBe(
      '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  ' +
        'The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>',
    );
  });
});

function acceptFor(format: ErrorFormat): Headers {
  return format === 'plain' ? {} : { Accept: format === 'json' ? 'application/json' : 'text/html' };
}

describe('escaping of what the caller sent', () => {
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

  describe('a member id with markup (<b>x</b>) in a 409', () => {
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

  describe('a non-ASCII member id (café) in a 409', () => {
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

describe('special templates', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage({ visibility: 'shared' });
  });

  describe('405 Method Not Allowed', () => {
    it.each<[ErrorFormat, string]>([
      ['plain', '405 Method Not Allowed\n\nThe method PUT is not allowed for this resource. \n\n '],
      [
        'json',
        '{"message": "The method PUT is not allowed for this resource. <br /><br />\\n", "code": "405 Method Not Allowed", "title": "Method Not Allowed"}',
      ],
      [
        'html',
        '<html>\n <head>\n  <title>405 Method Not Allowed</title>\n </head>\n <body>\n  <h1>405 Method Not Allowed</h1>\n  ' +
          'The method PUT is not allowed for this resource. <br /><br />\n\n </body>\n</html>',
      ],
    ])("when PUT hits the members collection, then the %s body is webob's 405 template", async (format, body) => {
      const res = await request(glance.app)
        .put(MEMBERS_PATH(imageId))
        .set({ ...personas.owner, ...acceptFor(format) })
        .send('{}');
      expect(res.status).toBe(405);
      expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
      expect(res.headers.allow).toBe('GET, POST');
      expect(res.text).toBe(body);
      expect(methodNotAllowedBody(format, 'PUT')).toBe(body);
    });

    it.each<[string, string, string]>([
      ['PUT', '/v2/images', 'GET, POST'],
      ['DELETE', '/v2/images', 'GET, POST'],
      ['PATCH', '/v2/images', 'GET, POST'],
      ['PUT', '/v2/images/{id}', 'GET, PATCH, DELETE'],
      ['POST', '/v2/images/{id}', 'GET, PATCH, DELETE'],
      ['PATCH', '/v2/images/{id}/members', 'GET, POST'],
      ['DELETE', '/v2/images/{id}/members', 'GET, POST'],
      ['POST', '/v2/images/{id}/members/m', 'GET, PUT, DELETE'],
      ['PATCH', '/v2/images/{id}/members/m', 'GET, PUT, DELETE'],
      ['POST', '/v2/schemas/image', 'GET'],
      ['DELETE', '/v2/schemas/members', 'GET'],
    ])('when %s hits %s, then 405 with Allow: %s', async (method, template, allow) => {
      const verb = method.toLowerCase() as 'put' | 'post' | 'patch' | 'delete';
      const res = await request(glance.app)[verb](template.replace('{id}', imageId)).set(personas.owner);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe(allow);
      expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
      expect(res.text).toBe(methodNotAllowedBody('plain', method));
      expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    });

    it('when the wrong method comes without identity, then 401 first', async () => {
      const res = await request(glance.app).put(MEMBERS_PATH(imageId));
      expectGlanceError(res, 401, WEBOB.unauthorized);
      expect(res.headers.allow).toBeUndefined();
    });

    it('when the client sends a request id with a wrong method, then the 405 echoes it', async () => {
      const res = await request(glance.app)
        .put(MEMBERS_PATH(imageId))
        .set({ ...personas.owner, 'X-Openstack-Request-Id': 'req-11111111-2222-3333-4444-555555555555' })
        .send('{}');
      expect(res.status).toBe(405);
      expect(res.headers['x-openstack-request-id']).toBe('req-11111111-2222-3333-4444-555555555555');
    });
  });

  describe('415 Unsupported Media Type', () => {
    it.each<ErrorFormat>(['plain', 'json', 'html'])(
      "when a PATCH has a JSON Content-Type, then the %s body is webob's 415 template",
      async (format) => {
        const res = await patchImage(glance, imageId, [], { ...personas.owner, ...acceptFor(format) }, 'application/json');
        expect(res.status).toBe(415);
        expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
        expect(res.headers['accept-patch']).toBe(ACCEPT_PATCH);
        expect(res.text).toBe(unsupportedMediaTypeBody(format, 'application/json'));
      },
    );

    it('the 415 JSON and HTML bodies are the bytes the real Glance sent', async () => {
      const json = await patchImage(glance, imageId, [], { ...personas.owner, Accept: 'application/json' }, 'application/json');
      expect(json.text).toBe(
        '{"message": "The request media type application/json is not supported by this server.\\n<br /><br />\\n", "code": "415 Unsupported Media Type", "title": "Unsupported Media Type"}',
      );
      const html = await patchImage(glance, imageId, [], { ...personas.owner, Accept: 'text/html' }, 'application/json');
      expect(html.text).toBe(
        '<html>\n <head>\n  <title>415 Unsupported Media Type</title>\n </head>\n <body>\n  <h1>415 Unsupported Media Type</h1>\n  ' +
          'The request media type application/json is not supported by this server.\n<br /><br />\n\n </body>\n</html>',
      );
    });
  });

  describe('errors with a detail', () => {
    it.each<[ErrorFormat, string]>([
      ['plain', '409 Conflict\n\nThere was a conflict when trying to complete your request.\n\n Property nope does not exist.  '],
      [
        'json',
        '{"message": "There was a conflict when trying to complete your request.<br /><br />\\nProperty nope does not exist.\\n\\n", "code": "409 Conflict", "title": "Conflict"}',
      ],
      [
        'html',
        '<html>\n <head>\n  <title>409 Conflict</title>\n </head>\n <body>\n  <h1>409 Conflict</h1>\n  ' +
          'There was a conflict when trying to complete your request.<br /><br />\nProperty nope does not exist.\n\n\n </body>\n</html>',
      ],
    ])('when a missing property is removed, then the %s body carries the detail after the explanation', async (format, body) => {
      const res = await patchImage(glance, imageId, [removeOp('/nope')], { ...personas.owner, ...acceptFor(format) }, PATCH_V21);
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toBe(CONTENT_TYPES[format]);
      expect(res.text).toBe(body);
      expect(errorBody(format, 409, WEBOB.conflict, 'Property nope does not exist.')).toBe(body);
    });

    it('when a non-admin changes the owner, then the plain 403 has the detail line', async () => {
      const res = await patchImage(glance, imageId, [replaceOp('/owner', 'x')]);
      expect(res.text).toBe("403 Forbidden\n\nAccess was denied to this resource.\n\n Owner can't be updated by non admin.  ");
    });

    it('when the service catalog header is not JSON, then 500 with the catalog detail', async () => {
      const res = await glance.get(`/v2/images/${imageId}`, { ...personas.owner, 'X-Service-Catalog': 'not json' });
      expect(res.text).toBe(
        '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n Invalid service catalog json.  ',
      );
      expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
      expect(res.headers['x-openstack-request-id']).toBeUndefined();
    });
  });
});

describe('401 Unauthorized', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  it("when no identity is sent, then 401 with webob's exact text and no request id", async () => {
    const res = await request(glance.app).get('/v2/images');
    expect(res.text).toBe(
      '401 Unauthorized\n\nThis server could not verify that you are authorized to access the document you requested. ' +
        'Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply ' +
        'the credentials required.\n\n   ',
    );
    expectGlanceError(res, 401, WEBOB.unauthorized);
    expect(res.headers['content-length']).toBe('253');
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it.each<ErrorFormat>(['json', 'html'])('when %s is accepted, then the 401 follows Accept too', async (format) => {
    const res = await request(glance.app).get('/v2/images').set(acceptFor(format));
    expectGlanceError(res, 401, WEBOB.unauthorized, format);
  });

  it('when the client sends a request id, then the 401 still has none', async () => {
    const res = await request(glance.app).get('/v2/images').set('X-Openstack-Request-Id', 'req-12345678-1234-1234-1234-123456789abc');
    expect(res.status).toBe(401);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it.each<[string, Headers]>([
    ['X-Identity-Status confirmed (lowercase)', { ...personas.owner, 'X-Identity-Status': 'confirmed' }],
    ['X-Identity-Status Invalid', { ...personas.owner, 'X-Identity-Status': 'Invalid' }],
    ['no X-Identity-Status', { 'X-Project-Id': OWNER, 'X-Roles': 'member,reader' }],
    ['only an X-Auth-Token', { 'X-Auth-Token': 'abc', 'X-Project-Id': OWNER }],
  ])('when the caller sends %s, then 401', async (_label, headers) => {
    expectGlanceError(await glance.get('/v2/images', headers), 401, WEBOB.unauthorized);
  });

  it('when an unknown /v2 path is requested without identity, then 401 comes before the 404', async () => {
    expectGlanceError(await request(glance.app).get('/v2/nosuch'), 401, WEBOB.unauthorized);
  });
});

describe('X-Openstack-Request-Id', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage();
  });

  const withId = (value: string, path = `/v2/images/${imageId}`, headers: Headers = personas.owner) =>
    request(glance.app)
      .get(path)
      .set({ ...headers, 'X-Openstack-Request-Id': value });

  it('when the client sends none, then a fresh lowercase req-<uuid4> is generated for each request', async () => {
    const first = await glance.get(`/v2/images/${imageId}`);
    const second = await glance.get(`/v2/images/${imageId}`);
    expect(first.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(second.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(first.headers['x-openstack-request-id']).not.toBe(second.headers['x-openstack-request-id']);
  });

  it.each<[string, string]>([
    ['req-12345678-1234-1234-1234-123456789abc', 'req-12345678-1234-1234-1234-123456789abc'],
    ['req-abc', 'req-abc'],
    ['my-request-id', 'req-my-request-id'],
    ['REQ-abc', 'req-REQ-abc'],
    ['abc', 'req-abc'],
    ['  spaced  ', 'req-spaced'],
    ['a,b', 'req-a,b'],
    ['req-12345678-1234-1234-1234-123456789abc req-2', 'req-12345678-1234-1234-1234-123456789abc req-2'],
    ['r'.repeat(64), `req-${'r'.repeat(64)}`],
    [`req-${'r'.repeat(60)}`, `req-${'r'.repeat(60)}`],
  ])('when the client sends %j, then the answer carries %j', async (sent, echoed) => {
    const res = await withId(sent);
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toBe(echoed);
  });

  it('when the client sends an empty value, then one is generated', async () => {
    const res = await withId('');
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it('when the header name is lowercase, then it is still read', async () => {
    const res = await request(glance.app)
      .get(`/v2/images/${imageId}`)
      .set(personas.owner)
      .set('x-openstack-request-id', 'req-aaaaaaaa-1234-1234-1234-123456789abc');
    expect(res.headers['x-openstack-request-id']).toBe('req-aaaaaaaa-1234-1234-1234-123456789abc');
  });

  it('when only X-Compute-Request-Id is sent, then it is ignored and an id is generated', async () => {
    const res = await glance.get(`/v2/images/${imageId}`, {
      ...personas.owner,
      'X-Compute-Request-Id': 'req-11111111-2222-3333-4444-555555555555',
    });
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
    expect(res.headers['x-openstack-request-id']).not.toBe('req-11111111-2222-3333-4444-555555555555');
  });

  it.each<[string, string]>([
    ['an unknown image (404)', `/v2/images/${UNKNOWN_IMAGE}`],
    ['an unknown path (404)', '/v2/nosuch'],
  ])('when the request goes to %s, then the id is echoed on the error', async (_label, path) => {
    const res = await withId('req-11111111-2222-3333-4444-555555555555', path);
    expect(res.status).toBe(404);
    expect(res.headers['x-openstack-request-id']).toBe('req-11111111-2222-3333-4444-555555555555');
  });

  it.each([65, 70])('when the id is %i characters, then 500 with the generic text and no request id', async (length) => {
    const res = await withId('r'.repeat(length));
    expect(res.text).toBe(
      '500 Internal Server Error\n\nThe server has either erred or is incapable of performing the requested operation.\n\n   ',
    );
    expectGlanceError(res, 500, WEBOB.serverError);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the id is 65 characters including req-, then 500 too (the limit is on what was sent)', async () => {
    const res = await withId(`req-${'r'.repeat(61)}`);
    expectGlanceError(res, 500, WEBOB.serverError);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the too-long id comes with Accept JSON, then the 500 is JSON', async () => {
    const res = await withId('r'.repeat(65), `/v2/images/${imageId}`, { ...personas.owner, Accept: 'application/json' });
    expectGlanceError(res, 500, WEBOB.serverError, 'json');
  });

  it('when the too-long id comes without identity, then 401 (identity is checked first)', async () => {
    const res = await request(glance.app).get('/v2/images').set('X-Openstack-Request-Id', 'r'.repeat(65));
    expectGlanceError(res, 401, WEBOB.unauthorized);
  });

  it('when the too-long id goes to an unknown path, then 404 without a request id', async () => {
    const res = await withId('r'.repeat(65), '/v2/nosuch');
    expectGlanceError(res, 404, WEBOB.resourceNotFound);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when the too-long id goes to /versions, then it is ignored (200)', async () => {
    const res = await request(glance.app).get('/versions').set('X-Openstack-Request-Id', 'r'.repeat(65));
    expect(res.status).toBe(200);
    expect(res.headers['x-openstack-request-id']).toBeUndefined();
  });

  it('when an image is created, then the 201 carries the request id too', async () => {
    const res = await request(glance.app)
      .post('/v2/images')
      .set({ ...personas.owner, 'X-Openstack-Request-Id': 'abc' })
      .send('{}');
    expect(res.status).toBe(201);
    expect(res.headers['x-openstack-request-id']).toBe('req-abc');
  });
});

describe('GET and DELETE with a body', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage({ visibility: 'shared' });
    await glance.addMember(imageId, 'member-project');
  });

  const BODY_NOT_EXPECTED = 'A body is not expected with this request.';
  const withBody = (method: 'get' | 'delete', path: string, body = '{"a": 1}', headers: Headers = personas.owner) =>
    request(glance.app)[method](path).set(headers).set('Content-Type', 'application/json').send(body);

  it.each<[string, 'get' | 'delete', string]>([
    ['GET an image', 'get', '/v2/images/{id}'],
    ['DELETE an image', 'delete', '/v2/images/{id}'],
    ['GET the members', 'get', '/v2/images/{id}/members'],
    ['GET a member', 'get', '/v2/images/{id}/members/member-project'],
    ['DELETE a member', 'delete', '/v2/images/{id}/members/member-project'],
    ['GET a schema', 'get', '/v2/schemas/image'],
  ])('when the caller sends a body to %s, then 400 A body is not expected', async (_label, method, template) => {
    const res = await withBody(method, template.replace('{id}', imageId));
    expect(res.text).toBe('400 Bad Request\n\nA body is not expected with this request.\n\n   ');
    expectGlanceError(res, 400, BODY_NOT_EXPECTED);
    expect(res.headers['x-openstack-request-id']).toMatch(GENERATED_REQUEST_ID);
  });

  it('when the body is malformed, then still 400 A body is not expected', async () => {
    expectGlanceError(await withBody('get', `/v2/images/${imageId}`, '{bad'), 400, BODY_NOT_EXPECTED);
  });

  it('when the image does not exist or the caller is a stranger, then the body 400 comes first', async () => {
    expectGlanceError(await withBody('get', '/v2/images/nope'), 400, BODY_NOT_EXPECTED);
    expectGlanceError(await withBody('delete', '/v2/images/nope'), 400, BODY_NOT_EXPECTED);
    expectGlanceError(await withBody('get', `/v2/images/${imageId}`, '{}', personas.stranger), 400, BODY_NOT_EXPECTED);
  });

  it('when the DELETE with a body fails, then nothing was deleted', async () => {
    await withBody('delete', `/v2/images/${imageId}`);
    await withBody('delete', MEMBER_PATH(imageId, 'member-project'));
    expect((await glance.get(MEMBER_PATH(imageId, 'member-project'))).status).toBe(200);
  });

  it('when the image list is requested with a body, then the body is ignored (200)', async () => {
    const res = await withBody('get', '/v2/images?limit=0');
    expect(res.status).toBe(200);
  });
});

describe('wire order of the response headers, as the real Glance Zed sends them', () => {
  let glance: GlanceClient;
  beforeEach(() => {
    glance = new GlanceClient();
  });

  it('when an error is sent, then Content-Length, Content-Type, X-Openstack-Request-Id', async () => {
    expect(headerOrder(await glance.get(`/v2/images/${UNKNOWN_IMAGE}`))).toEqual([
      'content-length',
      'content-type',
      'x-openstack-request-id',
    ]);
  });

  it('when a 405 is sent, then Allow comes first', async () => {
    const res = await request(glance.app).put('/v2/images').set(personas.owner);
    expect(headerOrder(res)).toEqual(['allow', 'content-length', 'content-type', 'x-openstack-request-id']);
  });

  it('when a 415 is sent, then Accept-Patch comes first', async () => {
    const id = await glance.createImage();
    const res = await patchImage(glance, id, [], personas.owner, 'application/json');
    expect(headerOrder(res)).toEqual(['accept-patch', 'content-length', 'content-type', 'x-openstack-request-id']);
  });

  it('when a 401 is sent, then Content-Length and Content-Type only', async () => {
    expect(headerOrder(await request(glance.app).get('/v2/images'))).toEqual(['content-length', 'content-type']);
  });

  it('when an image is created, then Content-Length, Content-Type, Location, Openstack-Image-Import-Methods, X-Openstack-Request-Id', async () => {
    const res = await glance.post('/v2/images', {});
    expect(headerOrder(res)).toEqual([
      'content-length',
      'content-type',
      'location',
      'openstack-image-import-methods',
      'x-openstack-request-id',
    ]);
  });

  it('when an image is shown, then Content-Length, Content-Type, X-Openstack-Request-Id', async () => {
    const id = await glance.createImage();
    expect(headerOrder(await glance.get(`/v2/images/${id}`))).toEqual(['content-length', 'content-type', 'x-openstack-request-id']);
  });

  it('when an image is deleted, then Content-Type, Content-Length, X-Openstack-Request-Id', async () => {
    const id = await glance.createImage();
    expect(headerOrder(await glance.delete(`/v2/images/${id}`))).toEqual(['content-type', 'content-length', 'x-openstack-request-id']);
  });

  it('when the versions are listed, then Content-Type, Content-Length', async () => {
    expect(headerOrder(await request(glance.app).get('/versions'))).toEqual(['content-type', 'content-length']);
  });
});

describe('identity headers', () => {
  const glance = new GlanceClient();

  it('when the admin role is given in any case, then the caller is an admin (roles are lower-cased and trimmed)', async () => {
    for (const roles of ['ADMIN', 'Admin', 'member, admin', 'member,admin ', 'admin,', 'reader,Admin']) {
      const res = await glance.post('/v2/images', { visibility: 'public' }, identity('p', roles));
      expect(res.status).toBe(201);
    }
    expectGlanceError(
      await glance.post('/v2/images', { visibility: 'public' }, identity('p', 'admin_x')),
      403,
      'You are not authorized to complete publicize_image action.',
    );
  });
});
