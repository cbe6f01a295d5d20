/**
 * The mock's bound on a request body. A real Glance Zed has no such bound (no
 * sizelimit filter in its paste pipeline): measured, a 70 MiB member body
 * `{"member": "p2", "pad": "aaa…"}` is a 200 there. The mock reads bodies up to
 * `maxRequestBody` (64 MiB by default) and refuses a larger one with a 413
 * naming the option, instead of cutting it short into "Malformed JSON".
 */
import request from 'supertest';
import { createApp } from '../src';
import { OWNER, personas } from './helpers/personas';

const IMAGE = '1f0c5b7e-3a8d-4c2e-9b6a-7d5e4c3b2a10';
const seed = { images: [{ id: IMAGE, owner: OWNER, visibility: 'shared' as const }] };
const MEMBERS = `/v2/images/${IMAGE}/members`;

/** A valid member body of exactly `size` bytes. */
const memberBody = (size: number) => {
  const head = '{"member": "p2", "pad": "';
  return `${head}${'a'.repeat(size - head.length - 2)}"}`;
};

describe('request body bound (maxRequestBody)', () => {
  it('when a member body is exactly the bound, then it is read whole and the member is added', async () => {
    const app = createApp({ seed, maxRequestBody: 1024 });
    const res = await request(app).post(MEMBERS).set(personas.owner).set('Content-Type', 'application/json').send(memberBody(1024));
    expect(res.status).toBe(200);
    expect(res.body.member_id).toBe('p2');
  });

  it('when a member body is one byte over the bound, then a 413 naming the option, and no member is added', async () => {
    const app = createApp({ seed, maxRequestBody: 1024 });
    const res = await request(app).post(MEMBERS).set(personas.owner).set('Content-Type', 'application/json').send(memberBody(1025));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(res.text).toBe(
      '413 Request Entity Too Large\n\nThe request body is too large: glance-mock reads at most 1024 bytes of a request body ' +
        '(option maxRequestBody / --max-request-body).\n\n   ',
    );
    const list = await request(app).get(MEMBERS).set(personas.owner);
    expect(list.body.members).toEqual([]);
  });

  it('when a chunked body passes the bound, then the same 413, formatted by Accept', async () => {
    const app = createApp({ seed, maxRequestBody: 1024 });
    const req = request(app).post(MEMBERS).set(personas.owner).set({ 'Content-Type': 'application/json', Accept: 'application/json' });
    for (let i = 0; i < 4; i++) req.write('x'.repeat(300));
    const res = await req;
    expect(res.status).toBe(413);
    expect(res.text).toBe(
      '{"message": "The request body is too large: glance-mock reads at most 1024 bytes of a request body ' +
        '(option maxRequestBody / --max-request-body).<br /><br />\\n\\n\\n", "code": "413 Request Entity Too Large", ' +
        '"title": "Request Entity Too Large"}',
    );
  });

  it('when a Keystone body passes the bound, then the same 413 (the bound is checked before any service is chosen)', async () => {
    const app = createApp({ maxRequestBody: 10 });
    const res = await request(app)
      .post('/identity/v3/auth/tokens')
      .set('Content-Type', 'application/json')
      .send('{"auth": {"identity": {}}}');
    expect(res.status).toBe(413);
    expect(res.text).toBe(
      '413 Request Entity Too Large\n\nThe request body is too large: glance-mock reads at most 10 bytes of a request body ' +
        '(option maxRequestBody / --max-request-body).\n\n   ',
    );
  });

  it.each([-1, 1.5, '10'])('when maxRequestBody is %p, then the mock refuses to start, naming it', (value) => {
    expect(() => createApp({ maxRequestBody: value as number })).toThrow(
      `maxRequestBody must be an integer from 1 to 536870912 (got ${value})`,
    );
  });
});
