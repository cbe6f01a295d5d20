/**
 * The wire order of response headers on errors and image calls, as a real Glance Zed sends them.
 */
import request from 'supertest';
import { GlanceClient } from './helpers/glance';
import { UNKNOWN_IMAGE, patchImage } from './helpers/images';
import { personas } from './helpers/personas';
import { headerOrder } from './helpers/webob';

describe('when Glance answers, then its headers go on the wire in its order', () => {
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
