/**
 * The error body follows the Accept header as webob's HTTPException does, byte for byte
 * as a real Glance Zed sent it.
 */
import { GlanceClient } from './helpers/glance';
import { UNKNOWN_IMAGE, patchImage, replaceOp } from './helpers/images';
import { personas } from './helpers/personas';
import { CONTENT_TYPES, acceptFor, errorBody, type ErrorFormat } from './helpers/webob';

const NOT_FOUND = `No image found with ID ${UNKNOWN_IMAGE}`;

/** The three bodies of `GET /v2/images/<unknown>` exactly as the real Glance sent them. */
const REAL_404: Record<ErrorFormat, string> = {
  plain: `404 Not Found\n\nNo image found with ID ${UNKNOWN_IMAGE}\n\n   `,
  json: `{"message": "No image found with ID ${UNKNOWN_IMAGE}<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}`,
  html:
    `<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  ` +
    `No image found with ID ${UNKNOWN_IMAGE}<br /><br />\n\n\n\n </body>\n</html>`,
};

describe('when an error is answered, then its body is in the format the Accept header picks', () => {
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
