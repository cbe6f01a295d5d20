const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WIDTH = 16;
const MERGE_AT = 4096;

/**
 * A set of image ids that only grows (Glance never lets a deleted image's id
 * be used again), kept compact: uuid-shaped ids as 16 bytes each in one
 * sorted buffer, found by binary search; newcomers wait in a small set and
 * are merged in by the thousand. Other ids are kept as text.
 */
export class IdSet {
  private sorted = Buffer.alloc(0);
  private count = 0;
  private readonly pending = new Set<string>();
  private readonly others = new Set<string>();
  private readonly scratch = Buffer.alloc(WIDTH);

  /** `foldsCase`: the keys come from a case-insensitive collation, so a uuid's case carries nothing. */
  constructor(private readonly foldsCase: boolean) {}

  get size(): number {
    return this.count + this.pending.size + this.others.size;
  }

  add(key: string): void {
    if (this.has(key)) return;
    const hex = this.packable(key);
    if (hex === undefined) {
      this.others.add(key);
      return;
    }
    this.pending.add(hex);
    if (this.pending.size >= MERGE_AT) this.merge();
  }

  has(key: string): boolean {
    const hex = this.packable(key);
    if (hex === undefined) return this.others.has(key);
    if (this.pending.has(hex)) return true;
    this.scratch.write(hex, 'hex');
    return this.indexOf(this.scratch, 0) >= 0;
  }

  /** Every key, uuid-shaped ones in lower case (a key the set folds the same way). */
  *keys(): Generator<string> {
    const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    for (let i = 0; i < this.count; i++) yield dashed(this.sorted.toString('hex', i * WIDTH, i * WIDTH + WIDTH));
    for (const hex of this.pending) yield dashed(hex);
    yield* this.others;
  }

  clear(): void {
    this.sorted = Buffer.alloc(0);
    this.count = 0;
    this.pending.clear();
    this.others.clear();
  }

  private packable(key: string): string | undefined {
    if (!UUID.test(key)) return undefined;
    if (!this.foldsCase && key !== key.toLowerCase()) return undefined;
    return key.replace(/-/g, '').toLowerCase();
  }

  private indexOf(ids: Buffer, at: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.sorted.compare(ids, at, at + WIDTH, mid * WIDTH, mid * WIDTH + WIDTH);
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Where the id at `at` in `ids` goes among the first `end` sorted ids. */
  private insertionPoint(ids: Buffer, at: number, end: number): number {
    let low = 0;
    let high = end;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted.compare(ids, at, at + WIDTH, mid * WIDTH, mid * WIDTH + WIDTH) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Merge the pending ids in from the back, moving each run of sorted ids once. */
  private merge(): void {
    const fresh = Buffer.from([...this.pending].sort().join(''), 'hex');
    const freshCount = this.pending.size;
    const total = this.count + freshCount;
    if (total * WIDTH > this.sorted.length) {
      const grown = Buffer.alloc(Math.max(total, Math.ceil(this.count * 1.25)) * WIDTH);
      this.sorted.copy(grown, 0, 0, this.count * WIDTH);
      this.sorted = grown;
    }
    let end = this.count;
    for (let j = freshCount - 1; j >= 0; j--) {
      const at = this.insertionPoint(fresh, j * WIDTH, end);
      this.sorted.copyWithin((at + j + 1) * WIDTH, at * WIDTH, end * WIDTH);
      fresh.copy(this.sorted, (at + j) * WIDTH, j * WIDTH, j * WIDTH + WIDTH);
      end = at;
    }
    this.count = total;
    this.pending.clear();
  }
}
