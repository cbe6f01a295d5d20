import type { Registry } from 'prom-client';
import type { JournalEntry } from './journal';

export interface MetricSources {
  images(): number;
  members(): number;
  journalSize(): number;
  activeFaults(): number;
}

/** What a request adds to the metrics. */
type Observation = Pick<JournalEntry, 'service' | 'route' | 'method' | 'status' | 'durationMs'>;

/**
 * Requests kept before prom-client is loaded (on the first scrape): past this many it is
 * loaded at once, so a mock nobody scrapes holds a bounded backlog.
 */
export const METRICS_BACKLOG_LIMIT = 10_000;

/**
 * One registry per mock instance (two instances in one process share nothing).
 * prom-client is loaded on first use: until then each request is kept as it came and
 * replayed into the counters in order, so a scrape reads exactly what it would have.
 */
export class MockMetrics {
  private prom?: PromMetrics;
  private backlog: Observation[] = [];

  constructor(private readonly sources: MetricSources) {}

  get registry(): Registry {
    return this.loaded().registry;
  }

  observe(observation: Observation): void {
    if (this.prom) return this.prom.observe(observation);
    this.backlog.push(observation);
    if (this.backlog.length >= METRICS_BACKLOG_LIMIT) this.loaded();
  }

  reset(): void {
    this.backlog = [];
    this.prom?.reset();
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private loaded(): PromMetrics {
    if (!this.prom) {
      this.prom = promMetrics(this.sources);
      for (const observation of this.backlog) this.prom.observe(observation);
      this.backlog = [];
    }
    return this.prom;
  }
}

interface PromMetrics {
  registry: Registry;
  observe(observation: Observation): void;
  reset(): void;
}

function promMetrics(sources: MetricSources): PromMetrics {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first scrape, not at start-up
  const { Counter, Gauge, Histogram, Registry } = require('prom-client') as typeof import('prom-client');
  const registry = new Registry();
  const registers = [registry];
  const requests = new Counter({
    name: 'glance_mock_requests_total',
    help: 'Requests answered, by route template, method and status',
    labelNames: ['service', 'route', 'method', 'status'],
    registers,
  });
  const duration = new Histogram({
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
  return {
    registry,
    observe(entry) {
      requests.inc({ service: entry.service, route: entry.route, method: entry.method, status: String(entry.status) });
      duration.observe({ service: entry.service, route: entry.route, method: entry.method }, entry.durationMs / 1000);
    },
    reset() {
      requests.reset();
      duration.reset();
    },
  };
}
