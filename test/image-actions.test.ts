/**
 * POST /v2/images/{id}/actions/deactivate and /reactivate, and what a
 * deactivated image answers, as a real Glance Zed answered them (legacy and
 * secure RBAC).
 */
import request from 'supertest';
import { DataGlance, plain } from './helpers/image-data';
import { MEMBER, personas, type Headers } from './helpers/personas';

const DEACTIVATED = 'The requested image has been deactivated. Image data download is forbidden.';

describe('image actions', () => {
  let glance: DataGlance;
  let id: string;
  beforeEach(async () => {
    glance = new DataGlance();
    id = await glance.activeImage('data', MEMBER);
  });

  const act = (action: string, headers: Headers = personas.owner, image = id) =>
    glance.post(`/v2/images/${image}/actions/${action}`, headers);
  const status = async () => (await glance.show(id, personas.admin)).body.status as string;

  it('when the owner deactivates an active image, then 204 and the image is deactivated; again is a no-op 204', async () => {
    const res = await act('deactivate');
    expect(res.status).toBe(204);
    expect(res.headers['content-type']).toBe('text/html; charset=UTF-8');
    expect(await status()).toBe('deactivated');
    expect((await act('deactivate')).status).toBe(204);
  });

  it('when the owner reactivates, then the image is active; reactivating an active image is a no-op 204', async () => {
    await act('deactivate');
    expect((await act('reactivate')).status).toBe(204);
    expect(await status()).toBe('active');
    expect((await act('reactivate')).status).toBe(204);
  });

  it.each(['deactivate', 'reactivate'])('when an image is queued, then %s is 403 naming the status, for admins too', async (action) => {
    const queued = await glance.createImage();
    for (const who of [personas.owner, personas.admin]) {
      expect((await act(action, who, queued)).text).toBe(plain('403 Forbidden', `Not allowed to ${action} image in status 'queued'`));
    }
  });

  it('when a member acts, then 403 You do not own this image; a stranger 404; an admin 204', async () => {
    expect((await act('deactivate', personas.member)).text).toBe(plain('403 Forbidden', 'You do not own this image'));
    expect((await act('deactivate', personas.stranger)).text).toBe(plain('404 Not Found', `No image found with ID ${id}`));
    expect((await act('deactivate', personas.admin)).status).toBe(204);
    expect((await act('reactivate', personas.member)).text).toBe(plain('403 Forbidden', 'You do not own this image'));
  });

  it('when the owner has only the reader role under the legacy policy, then it may still deactivate', async () => {
    expect((await act('deactivate', { ...personas.owner, 'X-Roles': 'reader' })).status).toBe(204);
  });

  it('when a body is sent, then 400 A body is not expected', async () => {
    const res = await act('deactivate').set('Content-Type', 'application/json').send('{}');
    expect(res.text).toBe(plain('400 Bad Request', 'A body is not expected with this request.'));
  });

  it('when GET is sent to an action, then 405 allowing POST; an unknown action is 404', async () => {
    const res = await request(glance.app).get(`/v2/images/${id}/actions/deactivate`).set(personas.owner);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect((await act('frob')).text).toBe(plain('404 Not Found', 'The resource could not be found.'));
  });

  it('when the image is deleted or unknown, then 404 No image found', async () => {
    await request(glance.app).delete(`/v2/images/${id}`).set(personas.owner);
    expect((await act('deactivate')).text).toBe(plain('404 Not Found', `No image found with ID ${id}`));
  });

  describe('a deactivated image', () => {
    beforeEach(async () => {
      await act('deactivate');
    });

    it('when the owner or a member downloads, then 403; an admin gets the data', async () => {
      expect((await glance.download(id)).body.toString()).toBe(plain('403 Forbidden', DEACTIVATED));
      expect((await glance.download(id, personas.member)).body.toString()).toBe(plain('403 Forbidden', DEACTIVATED));
      const admin = await glance.download(id, personas.admin);
      expect(admin.status).toBe(200);
      expect(admin.body).toEqual(Buffer.from('data'));
    });

    it('when data is uploaded, then 409 from deactivated to saving', async () => {
      const res = await glance.upload(id, 'x');
      expect(res.text).toBe(plain('409 Conflict', 'Image status transition from deactivated to saving is not allowed'));
    });

    it('when the member accepts the image, then 200 as for any image', async () => {
      const res = await request(glance.app)
        .put(`/v2/images/${id}/members/${MEMBER}`)
        .set(personas.member)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ status: 'accepted' }));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('accepted');
    });
  });

  describe('under secure RBAC', () => {
    beforeEach(async () => {
      glance = new DataGlance({ policy: 'secure-rbac' });
      id = await glance.activeImage('data', MEMBER);
    });

    it.each(['deactivate', 'reactivate'])(
      'when a member or a reader-only owner tries to %s, then 403 naming the action',
      async (action) => {
        const refusal = plain('403 Forbidden', `You are not authorized to complete ${action} action.`);
        expect((await act(action, personas.member)).text).toBe(refusal);
        expect((await act(action, { ...personas.owner, 'X-Roles': 'reader' })).text).toBe(refusal);
      },
    );

    it('when the owner (member role) or an admin acts, then 204', async () => {
      expect((await act('deactivate')).status).toBe(204);
      expect((await act('reactivate', personas.admin)).status).toBe(204);
    });
  });
});
