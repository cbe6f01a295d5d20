/**
 * webob's own templates: 405 (with Allow), 415 (with Accept-Patch), and an error with a detail line.
 */
import request from 'supertest';
import { GlanceClient, MEMBERS_PATH } from './helpers/glance';
import { PATCH_V21, patchImage, removeOp, replaceOp } from './helpers/images';
import { personas } from './helpers/personas';
import {
  ACCEPT_PATCH,
  CONTENT_TYPES,
  GENERATED_REQUEST_ID,
  WEBOB,
  acceptFor,
  errorBody,
  expectGlanceError,
  methodNotAllowedBody,
  unsupportedMediaTypeBody,
  type ErrorFormat,
} from './helpers/webob';

describe('when webob answers with a template of its own, then the body is that template', () => {
  let glance: GlanceClient;
  let imageId: string;
  beforeEach(async () => {
    glance = new GlanceClient();
    imageId = await glance.createImage({ visibility: 'shared' });
  });

  describe('when the method is not allowed, then 405 with Allow', () => {
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

  describe('when a PATCH has the wrong media type, then 415 with Accept-Patch', () => {
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

  describe('when an error has a detail, then it follows the explanation', () => {
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
