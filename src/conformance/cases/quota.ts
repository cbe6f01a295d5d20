import type { ConformanceCase } from '../types';

/** The member quota at Glance's default of 128. */
export function quotaCases(): ConformanceCase[] {
  const onFull = (name: string, fill: number, member: string): ConformanceCase => ({
    id: `quota/${name}`,
    group: 'quota',
    fixtures: [{ visibility: 'shared', members: [], fill }],
    persona: 'owner',
    method: 'POST',
    path: '/v2/images/{image}/members',
    body: { json: { member } },
    headers: { Accept: 'application/json' },
  });
  return [
    onFull('128th-member-fits', 127, 'last-{run}'),
    onFull('129th-member-refused', 128, 'one-too-many-{run}'),
    onFull('duplicate-on-full-image-is-413', 128, 'fill-0-{tag}'),
  ];
}
