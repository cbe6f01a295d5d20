import type { CliIo } from '../../src/cli';

/** A CLI io that keeps what the command prints. */
export function captureIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => new Promise(() => undefined) };
  return { io, out, err };
}
