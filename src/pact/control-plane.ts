import type { SeedData } from '../seed/seed-types';
import type { MockSeeder } from './mock-states';

/**
 * A running mock's control plane (`/_mock`), when the target has one: states
 * are then a seed document applied after `POST /_mock/reset`, as on an
 * embedded mock. Resolves to undefined for a Glance (or a mock without it).
 */
export async function controlPlaneSeeder(baseUrl: string, controlToken?: string): Promise<MockSeeder | undefined> {
  const base = `${baseUrl.replace(/\/+$/, '')}/_mock`;
  const headers: Record<string, string> = controlToken ? { Authorization: `Bearer ${controlToken}` } : {};
  const health = await fetch(`${base}/health`, { headers }).catch(() => undefined);
  if (!health?.ok || !(health.headers.get('content-type') ?? '').includes('json')) return undefined;
  const status = ((await health.json().catch(() => ({}))) as { status?: unknown }).status;
  if (status !== 'ok') return undefined;
  const config = (await (await fetch(`${base}/config`, { headers })).json().catch(() => ({}))) as { memberQuota?: unknown };
  const call = async (path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`POST /_mock${path}: ${res.status} ${await res.text()}`);
  };
  return {
    description: `the mock at ${baseUrl} (states through its control plane)`,
    memberQuota: typeof config.memberQuota === 'number' ? config.memberQuota : 128,
    reset: () => call('/reset'),
    seed: (data: SeedData) => call('/seed', data),
  };
}
