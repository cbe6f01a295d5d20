import { startGlanceMock, startPactRecordingProxy as startRecordingProxy, type RunningGlanceMock } from '../src';

const IMAGE = '1bea47ed-f6a9-463b-b423-14b9cca9ad27';
let glance: RunningGlanceMock;

beforeAll(async () => {
  glance = await startGlanceMock({
    seed: {
      tokens: [{ token: 'owner-token', project: 'p1', roles: ['member', 'reader'] }],
      images: [{ id: IMAGE, owner: 'p1', visibility: 'shared' }],
    },
  });
});
afterAll(() => glance.close());

test('the proxy answers as the mock and keeps each exchange, the token known as its project and roles', async () => {
  const proxy = await startRecordingProxy({ target: glance.url });
  try {
    const res = await fetch(`${proxy.url}/v2/images/${IMAGE}/members`, {
      method: 'POST',
      headers: { 'X-Auth-Token': 'owner-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ member: 'p2' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ member_id: 'p2', image_id: IMAGE, status: 'pending' });
    // The exchange is kept once the token's project is known, just after the answer went out.
    for (let i = 0; i < 50 && proxy.exchanges.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(proxy.exchanges).toHaveLength(1);
    const [exchange] = proxy.exchanges;
    expect(exchange.request).toMatchObject({ method: 'POST', url: `/v2/images/${IMAGE}/members` });
    expect(exchange.request.body?.toString()).toBe('{"member":"p2"}');
    expect(exchange.response).toMatchObject({ status: 200, meta: { service: 'glance', project: 'p1', roles: ['member', 'reader'] } });
  } finally {
    await proxy.close();
  }
});
