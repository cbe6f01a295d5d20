import { startGlanceMock, type RunningGlanceMock } from '../src';

const OWNER = { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': 'p1', 'Content-Type': 'application/json' };

describe('request body bounds', () => {
  let glance: RunningGlanceMock;
  afterEach(() => glance.close());

  // Measured on Glance Zed: a body of 70 MiB of spaces then {"name": ...} is a 201 (and 300 MiB too): it reads any body.
  test('a JSON body past 64 MiB is read whole within the bound, as Glance reads it', async () => {
    glance = await startGlanceMock({ maxRequestBody: 128 * 1024 * 1024 });
    const body = Buffer.concat([Buffer.alloc(65 * 1024 * 1024, ' '), Buffer.from('{"name": "padded"}')]);
    const res = await fetch(`${glance.url}/v2/images`, { method: 'POST', headers: OWNER, body });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe('padded');
  }, 60_000);

  test("past the mock's own bound, a 413 naming the option, and the next request is served", async () => {
    glance = await startGlanceMock({ maxRequestBody: 1024 });
    const res = await fetch(`${glance.url}/v2/images`, {
      method: 'POST',
      headers: { ...OWNER, Accept: 'text/plain' },
      body: `{"name": "${'x'.repeat(2000)}"}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toBe(
      '413 Request Entity Too Large\n\nThe request body is too large: glance-mock reads at most 1024 bytes ' +
        'of a request body (option maxRequestBody / --max-request-body).\n\n   ',
    );
    expect((await fetch(`${glance.url}/v2/images`, { method: 'POST', headers: OWNER, body: '{}' })).status).toBe(201);
  });

  test('a bad bound is refused at start, naming the option', async () => {
    await expect(startGlanceMock({ maxRequestBody: 0 })).rejects.toThrow('maxRequestBody must be an integer from 1 to 536870912 (got 0)');
    glance = await startGlanceMock();
  });
});
