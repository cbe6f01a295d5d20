/**
 * Glance's timestamps (`2026-01-01T00:00:00Z`, whole seconds) kept as a
 * number of seconds, which costs no heap object; any other text is kept as
 * it is, so what is read back is always what was stored.
 */
export type CompactTime = number | string;

const GLANCE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/;
const CACHE_SIZE = 4096;
const cachedSeconds: number[] = new Array<number>(CACHE_SIZE).fill(-1);
const cachedTexts: string[] = new Array<string>(CACHE_SIZE).fill('');

export function packTime(text: string): CompactTime {
  const parts = GLANCE_TIME.exec(text);
  if (!parts) return text;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  const seconds = Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  // Years before 1970 or dates such as Feb 30 do not read back the same: kept as text.
  return seconds >= 0 && format(seconds) === text ? seconds : text;
}

/** The text `packTime` was given; the last few thousand distinct seconds are remembered, so lists do not format each row anew. */
export function unpackTime(time: CompactTime): string {
  if (typeof time === 'string') return time;
  const slot = time % CACHE_SIZE;
  if (cachedSeconds[slot] === time) return cachedTexts[slot];
  const text = format(time);
  cachedSeconds[slot] = time;
  cachedTexts[slot] = text;
  return text;
}

const format = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
