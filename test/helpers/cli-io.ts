import type { CliIo } from '../../src/cli';

/** A CLI io that keeps what the command prints. */
export function captureIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), error: (l) => err.push(l), untilStopped: () => new Promise(() => undefined) };
  return { io, out, err };
}

/** A CLI io for `serve`: `url` resolves with the URL it prints, `stop` ends it as a signal would. */
export function serveIo(): { io: CliIo; url: Promise<string>; stop: (signal?: string) => void } {
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  let listening!: (url: string) => void;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const io: CliIo = {
    out: (line) => {
      const found = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (found) listening(found);
    },
    error: () => undefined,
    untilStopped: () => stopped,
  };
  return { io, url, stop: (signal = 'SIGTERM') => stop(signal) };
}
