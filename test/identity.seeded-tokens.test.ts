/** Tokens from the seed, sent as X-Auth-Token, stand for their project and roles. */
import request from 'supertest';
import { createApp } from '../src';
import { identity } from './helpers/personas';

const DEMO_IMAGE = 'a42bfade-78ec-4c95-b7b4-272ba265072c';

describe("when a request carries an X-Auth-Token from the seed, then it acts as that token's project", () => {
  const seed = {
    projects: [{ id: 'p-demo', name: 'demo' }],
    tokens: [
      { token: 'demo-token', project: 'demo', user: 'demo', roles: ['member', 'reader'] },
      { token: 'old-token', project: 'p-demo', expires_at: '2000-01-01T00:00:00Z' },
    ],
    images: [{ id: DEMO_IMAGE, owner: 'p-demo' }],
  };

  it('when a known X-Auth-Token is sent, then it acts as its project (named or by id)', async () => {
    const app = createApp({ seed });
    const res = await request(app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', 'demo-token');
    expect(res.status).toBe(200);
  });

  it('when the token is unknown or expired, then 401 as without identity', async () => {
    const app = createApp({ seed });
    for (const token of ['nope', 'old-token']) {
      const res = await request(app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', token);
      expect(res.status).toBe(401);
      expect(res.headers['x-openstack-request-id']).toBeUndefined();
    }
  });

  it('when trusted headers and a token are both sent, then the trusted headers win', async () => {
    const app = createApp({ seed });
    const res = await request(app).get(`/v2/images/${DEMO_IMAGE}/members`).set('X-Auth-Token', 'demo-token').set(identity('someone-else'));
    expect(res.status).toBe(404);
  });
});
