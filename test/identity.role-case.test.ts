/**
 * Roles compare as oslo.policy compares them: trimmed and case-insensitive.
 */
import { GlanceClient } from './helpers/glance';
import { identity } from './helpers/personas';
import { expectGlanceError } from './helpers/webob';

describe('when the admin role comes in any case, then the caller is an admin', () => {
  const glance = new GlanceClient();

  it('when the admin role is given in any case, then the caller is an admin (roles are lower-cased and trimmed)', async () => {
    for (const roles of ['ADMIN', 'Admin', 'member, admin', 'member,admin ', 'admin,', 'reader,Admin']) {
      const res = await glance.post('/v2/images', { visibility: 'public' }, identity('p', roles));
      expect(res.status).toBe(201);
    }
    expectGlanceError(
      await glance.post('/v2/images', { visibility: 'public' }, identity('p', 'admin_x')),
      403,
      'You are not authorized to complete publicize_image action.',
    );
  });
});
