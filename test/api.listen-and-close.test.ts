/** startGlanceMock: a real server on 127.0.0.1, closed by its handle; a taken port rejects. */
import { startGlanceMock } from '../src';

describe('when startGlanceMock is given port 0 or a taken port, then it listens or rejects', () => {
  it('when started on port 0, then it listens on 127.0.0.1 on an ephemeral port and closes', async () => {
    const mock = await startGlanceMock({ port: 0 });
    expect(mock.host).toBe('127.0.0.1');
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const res = await fetch(`${mock.url}/versions`);
    expect(res.status).toBe(200);
    await mock.close();
    await expect(fetch(`${mock.url}/versions`)).rejects.toThrow();
  });

  it('when the port is taken, then start rejects with EADDRINUSE', async () => {
    const first = await startGlanceMock({ port: 0 });
    await expect(startGlanceMock({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });
});
