import type { Clock } from '../runtime/clock';
import { objectAt } from './check';
import { badField } from './problem';

export interface ClockState {
  now: string;
  /** Set while time stands still. */
  frozenAt: string | null;
  /** How far the running clock is ahead of the base clock (ms). */
  offsetMs: number;
}

export type ClockChange = { frozenAt: string | number | Date } | { advanceBy: number } | { system: true };

/**
 * The clock every part of one mock instance reads: the clock it was started
 * with, frozen at a time, or moved ahead by an offset. Timestamps, token
 * expiry and `updated_at` all follow it.
 */
export class ControlledClock implements Clock {
  private frozen: number | null = null;
  private offset = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.frozen ?? this.base.now().getTime() + this.offset);
  }

  freeze(at: string | number | Date = this.now()): void {
    const time = new Date(at).getTime();
    if (Number.isNaN(time)) throw badField('/frozenAt', 'must be an ISO 8601 date-time');
    this.frozen = time;
  }

  advance(ms: number): void {
    if (this.frozen !== null) this.frozen += ms;
    else this.offset += ms;
  }

  system(): void {
    this.frozen = null;
    this.offset = 0;
  }

  state(): ClockState {
    return {
      now: this.now().toISOString(),
      frozenAt: this.frozen === null ? null : new Date(this.frozen).toISOString(),
      offsetMs: this.offset,
    };
  }

  /** `{frozenAt}`, `{advanceBy}` or `{system: true}`, checked: one of them, with its field named when wrong. */
  apply(input: unknown): ClockState {
    const fields = objectAt(input, '', ['frozenAt', 'advanceBy', 'system']);
    const keys = Object.keys(fields);
    if (keys.length !== 1) throw badField('/', 'must have exactly one of frozenAt, advanceBy, system');
    if ('frozenAt' in fields) {
      const value = fields.frozenAt;
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
        Number.isNaN(Date.parse(value))
      ) {
        throw badField('/frozenAt', 'must be an ISO 8601 date-time with a time zone, such as 2030-01-01T00:00:00Z');
      }
      this.freeze(value);
    } else if ('advanceBy' in fields) {
      const ms = fields.advanceBy;
      if (typeof ms !== 'number' || !Number.isSafeInteger(ms)) throw badField('/advanceBy', 'must be an integer number of milliseconds');
      this.advance(ms);
    } else {
      if (fields.system !== true) throw badField('/system', 'must be true');
      this.system();
    }
    return this.state();
  }
}
