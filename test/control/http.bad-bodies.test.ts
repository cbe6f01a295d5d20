import { running } from './running';

type Client = Awaited<ReturnType<typeof running>>;
let client: Client;

beforeAll(async () => {
  client = await running();
});
afterAll(() => client.mock.close());

/** What the control plane holds, read back after each refused call: it must not move. */
const snapshot = async () => ({
  faults: (await client.call('GET', '/_mock/faults')).json,
  config: (await client.call('GET', '/_mock/config')).json,
  frozenAt: (await client.call('GET', '/_mock/clock')).json.frozenAt,
  requests: (await client.call('GET', '/_mock/requests')).json.count,
});

describe('bad bodies on every control call', () => {
  test.each([
    ['POST', '/_mock/faults', '{"path": "/v2/images", "response": {"status": 503}', '/'],
    ['POST', '/_mock/faults', '[{"response": {"status": 503}}]', '/'],
    ['POST', '/_mock/faults', '"503"', '/'],
    ['POST', '/_mock/faults', '{"response": {"status": 503}, "times": 1.5}', '/times'],
    ['PUT', '/_mock/clock', '{"frozenAt": ', '/'],
    ['PUT', '/_mock/clock', '[]', '/'],
    ['PUT', '/_mock/config', 'memberQuota=1', '/'],
    ['PUT', '/_mock/config', '{"memberQuota": 1, "journalSize": 0}', '/journalSize'],
    ['POST', '/_mock/verify', '{"method": "GET"', '/'],
    ['POST', '/_mock/verify', 'null', '/'],
    ['POST', '/_mock/reset', '{"everything": true}', '/'],
    ['DELETE', '/_mock/requests', '{"older_than": 5}', '/'],
    ['DELETE', '/_mock/faults', '{"id": "fault-1"}', '/'],
  ])('%s %s with %s is a 400 naming %s and changes nothing', async (method, path, body, field) => {
    const before = await snapshot();
    const res = await client.call(method, path, body, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 400, field });
    expect(await snapshot()).toEqual(before);
  });

  test('YAML is for seed and state only', async () => {
    const res = await client.call('POST', '/_mock/faults', 'path: /v2/images', { 'Content-Type': 'application/yaml' });
    expect([res.status, res.json.field]).toEqual([415, 'Content-Type']);
  });
});
