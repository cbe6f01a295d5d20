import { running } from './running';

describe('a control token', () => {
  test('every /_mock call needs Authorization: Bearer <token>; Glance paths do not', async () => {
    const { mock, call } = await running({ controlToken: 's3cret' });
    try {
      const none = await call('POST', '/_mock/reset');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="glance-mock"');
      expect(none.json).toMatchObject({ status: 401, field: 'Authorization' });
      expect((await call('GET', '/_mock/health', undefined, { Authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await call('GET', '/_mock/health', undefined, { Authorization: 'Bearer s3cret' })).status).toBe(200);
      expect((await call('GET', '/versions')).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  test('the routes over namespaces need the token too, through any namespace, and answer the same 401', async () => {
    const { mock, call } = await running({ controlToken: 's3cret' });
    try {
      for (const path of ['/_mock/namespaces', '/_ns/a/_mock/namespaces']) {
        const none = await call('GET', path);
        expect(none.status).toBe(401);
        expect(none.headers.get('www-authenticate')).toBe('Bearer realm="glance-mock"');
        expect(none.json).toEqual({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'this call needs Authorization: Bearer <the control token>',
          field: 'Authorization',
        });
        expect((await call('DELETE', `${path}/a`, undefined, { Authorization: 'Bearer wrong' })).status).toBe(401);
        expect((await call('GET', path, undefined, { Authorization: 'Bearer s3cret' })).status).toBe(200);
      }
    } finally {
      await mock.close();
    }
  });

  test('the control API can be moved or turned off', async () => {
    const moved = await running({ controlPrefix: '/__admin' });
    const off = await running({ control: false });
    try {
      expect((await moved.call('GET', '/__admin/health')).status).toBe(200);
      expect((await moved.call('GET', '/_mock/health')).status).toBe(300);
      expect((await off.call('GET', '/_mock/health')).status).toBe(300);
    } finally {
      await moved.mock.close();
      await off.mock.close();
    }
  });
});
