/** One image's bytes, filled chunk by chunk as they arrive, then sealed. */
export interface ImageBytes {
  readonly length: number;
  append(chunk: Buffer): void;
  /** The bytes are complete. */
  seal(): void;
  /** The bytes from `start` (inclusive) to `end` (exclusive). */
  slice(start?: number, end?: number): Iterable<Buffer>;
}

/**
 * What the domain needs to keep image data: every image's bytes, and the
 * bytes reserved by uploads in flight, bounded by `limit`.
 */
export interface ImageDataStore {
  readonly limit: number;
  /** Bytes held or reserved. */
  readonly used: number;
  /** Empty bytes for an upload to fill. */
  newBytes(): ImageBytes;
  get(imageId: string): ImageBytes | undefined;
  /** Reserve room for `bytes` more; false (nothing reserved) when it would pass the limit. */
  reserve(bytes: number): boolean;
  release(bytes: number): void;
  /** Keep `bytes` (already reserved) as the image's data. */
  put(imageId: string, bytes: ImageBytes): void;
  delete(imageId: string): void;
  clear(): void;
}
