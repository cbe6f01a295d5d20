/**
 * Mounted in another Express app, the mock treats the mount path as Glance
 * treats SCRIPT_NAME: the API answers under it and the hrefs it builds carry it
 * (as under `/image`).
 */
import express from 'express';
import request from 'supertest';
import { createApp } from '../src';
import { personas } from './helpers/personas';

describe("the mock mounted with app.use('/glance', createApp())", () => {
  const outer = express();
  outer.use('/glance', createApp());
  outer.get('/other', (_req, res) => void res.send('outer'));

  it('when /glance/v2/images is asked for, then the image list answers, not the version list', async () => {
    const res = await request(outer).get('/glance/v2/images').set(personas.owner);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ images: [], first: '/v2/images', schema: '/v2/schemas/images' });
  });

  it('when an image is created under the mount, then it is found there', async () => {
    const created = await request(outer).post('/glance/v2/images').set(personas.owner).send('{"name": "mounted"}');
    expect(created.status).toBe(201);
    const shown = await request(outer).get(`/glance/v2/images/${created.body.id}`).set(personas.owner);
    expect(shown.body.name).toBe('mounted');
  });

  it('when the version list is asked for, then its hrefs carry the mount path', async () => {
    const res = await request(outer).get('/glance/versions').set('Host', 'cloud.example:9292');
    expect(res.status).toBe(200);
    expect(res.body.versions[0].links[0].href).toBe('http://cloud.example:9292/glance/v2/');
  });

  it('when /glance/v2 is asked for, then the redirect carries the mount path', async () => {
    const res = await request(outer)
      .get('/glance/v2')
      .set({ ...personas.owner, Host: 'cloud.example:9292' });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('http://cloud.example:9292/glance/v2/');
  });

  it('when the devstack layout is used under the mount, then /glance/image/v2 hrefs carry both', async () => {
    const res = await request(outer).get('/glance/image/versions').set('Host', 'cloud.example:9292');
    expect(res.body.versions[0].links[0].href).toBe('http://cloud.example:9292/glance/image/v2/');
  });

  it("when the built-in Keystone is asked for under the mount, then its catalog's endpoints carry the mount path", async () => {
    const res = await request(outer).get('/glance/identity/v3').set('Host', 'cloud.example:9292');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('http://cloud.example:9292/glance/identity/v3/');
  });

  it('when a path outside the mount is asked for, then the outer app answers', async () => {
    expect((await request(outer).get('/other')).text).toBe('outer');
  });
});
