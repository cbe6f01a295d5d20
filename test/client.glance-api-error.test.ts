import { GlanceApiError, GlanceImagesClient, parseGlanceError, startGlanceMock, type RunningGlanceMock } from '../src';

// Bodies as the real Glance Zed sends them (src/conformance/expected/mysql.json).
const JSON_409 =
  '{"message": "Member p2 is duplicated for image 6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10<br /><br />\\n\\n\\n", "code": "409 Conflict", "title": "Conflict"}';
const HTML_403 =
  '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  Not allowed to create members for image 6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10.<br /><br />\n\n\n\n </body>\n</html>';
const PLAIN_413 =
  '413 Request Entity Too Large\n\nImage member limit exceeded for image x: The limit has been exceeded on the number of allowed image members for this image. Attempted: 129, Maximum: 128:\n\n   ';
const JSON_DETAIL =
  '{"message": "Access was denied to this resource.<br /><br />\\nOwner can\'t be updated by non admin.\\n\\n", "code": "403 Forbidden", "title": "Forbidden"}';

describe("Glance's error bodies read as title and message", () => {
  test('JSON', () => {
    expect(parseGlanceError(409, 'application/json', JSON_409)).toEqual({
      title: 'Conflict',
      message: 'Member p2 is duplicated for image 6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10',
    });
  });

  test('HTML', () => {
    expect(parseGlanceError(403, 'text/html; charset=UTF-8', HTML_403)).toEqual({
      title: 'Forbidden',
      message: 'Not allowed to create members for image 6e4c1c6e-0c0b-4b0e-9d56-3c3f4f1b2a10.',
    });
  });

  test('plain text', () => {
    expect(parseGlanceError(413, 'text/plain; charset=UTF-8', PLAIN_413)).toEqual({
      title: 'Request Entity Too Large',
      message:
        'Image member limit exceeded for image x: The limit has been exceeded on the number of allowed image members for this image. Attempted: 129, Maximum: 128:',
    });
  });

  test("webob's detail follows the explanation", () => {
    expect(parseGlanceError(403, 'application/json', JSON_DETAIL).message).toBe(
      "Access was denied to this resource. Owner can't be updated by non admin.",
    );
  });

  test('an HTML entity in the message is decoded', () => {
    const body = HTML_403.replace('Not allowed', 'a &lt;b&gt; &#233;');
    expect(parseGlanceError(403, 'text/html; charset=UTF-8', body).message).toMatch(/^a <b> é/);
  });
});

describe('GlanceImagesClient against the mock', () => {
  let glance: RunningGlanceMock;
  beforeAll(async () => {
    glance = await startGlanceMock();
  });
  afterAll(() => glance.close());

  const owner = () => new GlanceImagesClient({ baseUrl: glance.url, auth: { projectId: 'p1' } });

  test('shares an image and lists the member', async () => {
    const image = await owner().createImage({ name: 'shared', visibility: 'shared' });
    const member = await owner().createMember(image.id, 'p2');
    expect(member).toMatchObject({ member_id: 'p2', image_id: image.id, status: 'pending' });
    expect(await owner().listMembers(image.id)).toEqual([member]);
  });

  test('a duplicate member rejects with a GlanceApiError carrying status, title and message', async () => {
    const image = await owner().createImage({ visibility: 'shared' });
    await owner().createMember(image.id, 'p2');
    const error = await owner()
      .createMember(image.id, 'p2')
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(GlanceApiError);
    expect(error).toMatchObject({
      status: 409,
      title: 'Conflict',
      glanceMessage: `Member p2 is duplicated for image ${image.id}`,
    });
  });

  test('without identity: 401 Unauthorized', async () => {
    const client = new GlanceImagesClient({ baseUrl: glance.url, auth: { none: true } });
    await expect(client.listImages()).rejects.toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  test('a bad base URL is refused naming the option', () => {
    expect(() => new GlanceImagesClient({ baseUrl: 'localhost:9292', auth: { none: true } })).toThrow(/baseUrl/);
  });
});
