import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JournalEntry } from './journal';

export interface MetricSources {
  images(): number;
  members(): number;
  journalSize(): number;
  activeFaults(): number;
}

/** One registry per mock instance (two instances in one process share nothing). */
export class MockMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'service' | 'route' | 'method' | 'status'>;
  private readonly duration: Histogram<'service' | 'route' | 'method'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'glance_mock_requests_total',
      help: 'Requests answered, by route template, method and status',
      labelNames: ['service', 'route', 'method', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'glance_mock_request_duration_seconds',
      help: 'Time from a request to its answer, by route template and method',
      labelNames: ['service', 'route', 'method'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    gauge('glance_mock_images', 'Live images stored', sources.images);
    gauge('glance_mock_members', 'Live image members stored', sources.members);
    gauge('glance_mock_journal_entries', 'Requests held in the journal', sources.journalSize);
    gauge('glance_mock_active_faults', 'Fault rules that can still fire', sources.activeFaults);
  }

  observe(entry: JournalEntry): void {
    this.requests.inc({ service: entry.service, route: entry.route, method: entry.method, status: String(entry.status) });
    this.duration.observe({ service: entry.service, route: entry.route, method: entry.method }, entry.durationMs / 1000);
  }

  reset(): void {
    this.requests.reset();
    this.duration.reset();
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
