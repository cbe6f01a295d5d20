import { METRICS_BACKLOG_LIMIT, MockMetrics } from '../../src/control/metrics';
import type { JournalEntry } from '../../src/control/journal';

const sources = { images: () => 0, members: () => 0, journalSize: () => 0, activeFaults: () => 0 };
const entry = (durationMs: number) => ({ service: 'glance', route: '/v2/images', method: 'GET', status: 200, durationMs }) as JournalEntry;
const labels = '{service="glance",route="/v2/images",method="GET"}';

describe('metrics of the requests answered before the first scrape', () => {
  test('requests on both sides of the backlog limit are all counted, with their durations', async () => {
    const metrics = new MockMetrics(sources);
    const total = METRICS_BACKLOG_LIMIT + 3;
    for (let i = 0; i < total; i++) metrics.observe(entry(i % 2 === 0 ? 2 : 30));
    const text = await metrics.text();
    expect(text).toContain(`glance_mock_requests_total{service="glance",route="/v2/images",method="GET",status="200"} ${total}`);
    expect(text).toContain(`glance_mock_request_duration_seconds_count${labels} ${total}`);
    expect(text).toContain(`glance_mock_request_duration_seconds_bucket{le="0.005",service="glance",route="/v2/images",method="GET"} 5002`);
  });

  test('a reset before the first scrape forgets the requests before it', async () => {
    const metrics = new MockMetrics(sources);
    metrics.observe(entry(1));
    metrics.reset();
    metrics.observe(entry(1));
    expect(await metrics.text()).toContain(`glance_mock_request_duration_seconds_count${labels} 1`);
  });
});
