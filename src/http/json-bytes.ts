import { pythonJsonPieces } from '../shared/python-json';

/** Pieces from this long on are encoded once, however often the body repeats them. */
const SHARED_PIECE = 64 * 1024;

/**
 * A body in pieces as UTF-8 chunks: short pieces run together into one chunk,
 * and a long piece the body repeats (a schema error prints the failing value
 * twice) is encoded once and sent twice.
 */
export function encodePieces(pieces: readonly string[]): Buffer[] {
  const chunks: Buffer[] = [];
  const long: Array<[string, Buffer]> = [];
  let short = '';
  for (const piece of pieces) {
    if (piece.length < SHARED_PIECE) {
      short += piece;
      continue;
    }
    if (short !== '') chunks.push(Buffer.from(short, 'utf8'));
    short = '';
    let encoded = long.find(([seen]) => seen === piece)?.[1];
    if (!encoded) long.push([piece, (encoded = Buffer.from(piece, 'utf8'))]);
    chunks.push(encoded);
  }
  if (short !== '' || chunks.length === 0) chunks.push(Buffer.from(short, 'utf8'));
  return chunks;
}

/** A success body as Glance's serializers write it (Python's separators, ensure_ascii=False), in UTF-8. */
export class JsonBytes {
  readonly chunks: readonly Buffer[];
  constructor(value: unknown) {
    this.chunks = encodePieces(pythonJsonPieces(value, false));
  }
}

/**
 * A body written once per frozen source object: while a reader gets the very
 * same object back, it gets the very same bytes, and a changed source is a new
 * object, so a new body. A source that is not frozen (a list made for one
 * request) is written for that request alone, and not remembered.
 */
export function jsonBytesOf<T extends object>(view: (source: T) => unknown): (source: T) => JsonBytes {
  const written = new WeakMap<T, JsonBytes>();
  return (source) => {
    if (!Object.isFrozen(source)) return new JsonBytes(view(source));
    let bytes = written.get(source);
    if (!bytes) written.set(source, (bytes = new JsonBytes(view(source))));
    return bytes;
  };
}
