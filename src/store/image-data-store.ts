import type { ImageBytes, ImageDataStore } from '../domain/ports/image-data-store';

const BLOCK_BYTES = 1024 * 1024;
const MIN_BLOCK_BYTES = 64 * 1024;

/**
 * Bytes kept in blocks of 1 MiB copied out of the request's chunks, so a
 * stored image holds no slice of a larger socket buffer: what is stored is
 * what the process keeps (RSS), plus at most one partly filled block.
 */
export class BlockBytes implements ImageBytes {
  private readonly blocks: Buffer[] = [];
  private used = 0;
  length = 0;

  append(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const index = this.blocks.length - 1;
      const last = this.blocks[index];
      if (!last || this.used === last.length) {
        if (last && last.length < BLOCK_BYTES) this.blocks[index] = resized(last, Math.min(BLOCK_BYTES, last.length * 2), this.used);
        else {
          this.blocks.push(Buffer.allocUnsafeSlow(Math.min(BLOCK_BYTES, Math.max(chunk.length - offset, MIN_BLOCK_BYTES))));
          this.used = 0;
        }
        continue;
      }
      const copied = chunk.copy(last, this.used, offset);
      this.used += copied;
      offset += copied;
      this.length += copied;
    }
  }

  /** Once complete: the last block cut to what it holds. */
  seal(): void {
    const index = this.blocks.length - 1;
    if (index >= 0 && this.used < this.blocks[index].length) this.blocks[index] = resized(this.blocks[index], this.used, this.used);
  }

  /** The bytes from `start` (inclusive) to `end` (exclusive), as views on the blocks. */
  *slice(start = 0, end = this.length): Generator<Buffer> {
    let position = 0;
    for (const [index, block] of this.blocks.entries()) {
      const filled = index === this.blocks.length - 1 ? block.subarray(0, this.used) : block;
      const from = Math.max(start - position, 0);
      const to = Math.min(end - position, filled.length);
      if (from < to) yield filled.subarray(from, to);
      position += filled.length;
      if (position >= end) return;
    }
  }
}

function resized(block: Buffer, size: number, used: number): Buffer {
  const other = Buffer.allocUnsafeSlow(size);
  block.copy(other, 0, 0, used);
  return other;
}

/**
 * The bound on image data held in memory, shared by every namespace of a mock,
 * so that namespaces together never hold more than `dataMemoryLimit`.
 */
export class MemoryBudget {
  used = 0;

  constructor(readonly limit: number) {}

  reserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used -= bytes;
  }
}

/**
 * Every image's data, and the bytes reserved by uploads in flight, bounded by
 * the budget: a reservation beyond it is refused, so the mock never holds more.
 */
export class MemoryImageDataStore implements ImageDataStore {
  private readonly data = new Map<string, ImageBytes>();
  private reserved = 0;
  private readonly budget: MemoryBudget;

  constructor(limitOrBudget: number | MemoryBudget) {
    this.budget = typeof limitOrBudget === 'number' ? new MemoryBudget(limitOrBudget) : limitOrBudget;
  }

  get limit(): number {
    return this.budget.limit;
  }

  newBytes(): ImageBytes {
    return new BlockBytes();
  }

  get(imageId: string): ImageBytes | undefined {
    return this.data.get(imageId);
  }

  /** Reserve room for `bytes` more; false (nothing reserved) when it would pass the limit. */
  reserve(bytes: number): boolean {
    if (!this.budget.reserve(bytes)) return false;
    this.reserved += bytes;
    return true;
  }

  release(bytes: number): void {
    this.reserved -= bytes;
    this.budget.release(bytes);
  }

  /** Keep `bytes` (already reserved) as the image's data. */
  put(imageId: string, bytes: ImageBytes): void {
    this.delete(imageId);
    this.data.set(imageId, bytes);
  }

  delete(imageId: string): void {
    const old = this.data.get(imageId);
    if (!old) return;
    this.data.delete(imageId);
    this.release(old.length);
  }

  /** Bytes held or reserved by this store. */
  get used(): number {
    return this.reserved;
  }

  /** Forget every image's data and give its bytes back to the budget. */
  clear(): void {
    this.data.clear();
    this.budget.release(this.reserved);
    this.reserved = 0;
  }
}
