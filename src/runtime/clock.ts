/** The one source of "now" for a mock instance: inject a fixed clock to freeze time in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: `advance(ms)` or `set(date)`. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2026-01-01T00:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(date: Date | string | number): void {
    this.current = new Date(date).getTime();
  }
}

/** Glance's timestamp format: whole seconds, UTC, `Z` suffix (`2014-08-20T01:37:01Z`). */
export function glanceTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
