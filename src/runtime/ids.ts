import { createHash, randomUUID } from 'node:crypto';

/**
 * The one source of identifiers for a mock instance. Image ids and request ids
 * come from separate streams, so a test that sends the same requests gets the
 * same image ids whatever the request ids were.
 */
export interface IdSource {
  imageId(): string;
  requestId(): string;
  /** Start the streams again from their first id (a mock's `reset()` calls it). */
  rewind?(): void;
  /** How many ids each stream has given (a seeded source): what a state snapshot keeps. */
  position?(): IdStreamPosition;
  /** Continue each stream from that position. */
  seek?(position: IdStreamPosition): void;
}

export interface IdStreamPosition {
  images: number;
  requests: number;
}

export const randomIds = (): IdSource => ({
  imageId: () => randomUUID(),
  requestId: () => `req-${randomUUID()}`,
});

/** Deterministic ids: the same seed gives the same sequence of UUIDs on every run. */
export function seededIds(seed: string | number): IdSource {
  const images = uuidStream(`${seed}:image`);
  const requests = uuidStream(`${seed}:request`);
  return {
    imageId: () => images.next(),
    requestId: () => `req-${requests.next()}`,
    rewind: () => {
      images.rewind();
      requests.rewind();
    },
    position: () => ({ images: images.position(), requests: requests.position() }),
    seek: (position) => {
      images.seek(position.images);
      requests.seek(position.requests);
    },
  };
}

function uuidStream(seed: string): { next(): string; rewind(): void; position(): number; seek(at: number): void } {
  let counter = 0;
  const rewind = () => {
    counter = 0;
  };
  const position = () => counter;
  const seek = (at: number) => {
    counter = at;
  };
  const next = () => {
    const bytes = createHash('sha256').update(`${seed}:${counter++}`).digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { next, rewind, position, seek };
}
