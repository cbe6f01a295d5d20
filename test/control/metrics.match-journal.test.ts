import { OWNER, running } from './running';

describe('metrics and the journal', () => {
  test('request counters add up to what the journal recorded, and the journal stays within its bound', async () => {
    const { mock, call } = await running({
      journalSize: 5,
      seed: { images: [{ id: 'a42bfade-78ec-4c95-b7b4-272ba265072c', owner: 'p1' }] },
    });
    try {
      const paths = ['/v2/images', '/v2/images/a42bfade-78ec-4c95-b7b4-272ba265072c/members', '/v2/images/nope', '/v2/schemas/image'];
      for (let i = 0; i < 12; i++) await call('GET', paths[i % paths.length], undefined, OWNER);
      const journal = await call('GET', '/_mock/requests');
      expect(journal.json).toMatchObject({ count: 5, size: 5, capacity: 5, dropped: 7 });
      const metrics = (await call('GET', '/_mock/metrics')).text;
      const counted = [...metrics.matchAll(/^glance_mock_requests_total\{.*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(counted).toBe(12);
      expect(metrics).toContain('glance_mock_requests_total{service="glance",route="/v2/images/{image_id}",method="GET",status="404"} 3');
      expect(metrics).toContain('glance_mock_journal_entries 5');
      expect(metrics).toContain('glance_mock_request_duration_seconds_count{service="glance",route="/v2/images",method="GET"} 3');
    } finally {
      await mock.close();
    }
  });
});
