/**
 * Properties the image schema lists with `is_base: false` (ramdisk_id,
 * kernel_id, os_distro, ...) are extra properties in Glance: kept and shown
 * first, in the order given (tempest's test_register_upload_get_image_file).
 */
import request from 'supertest';
import { createApp } from '../src';
import { personas } from './helpers/personas';

it('when an image is created with ramdisk_id, os_distro and kernel_id, then they are kept and shown first, as Glance shows them', async () => {
  const app = createApp();
  const body = { name: 'k', ramdisk_id: '00000000-1111-2222-3333-444455556666', zeta: '1', os_distro: 'cirros', kernel_id: null };
  const res = await request(app).post('/v2/images').set(personas.owner).send(JSON.stringify(body));
  expect(res.status).toBe(201);
  expect(
    res.text.startsWith(
      '{"ramdisk_id": "00000000-1111-2222-3333-444455556666", "zeta": "1", "os_distro": "cirros", "kernel_id": null, "name": "k", ',
    ),
  ).toBe(true);
  const shown = await request(app).get(`/v2/images/${res.body.id}`).set(personas.owner);
  expect(shown.body.ramdisk_id).toBe('00000000-1111-2222-3333-444455556666');
});
