import { writeFileSync } from 'node:fs';
import type { Exchange, Interceptor } from '../wire/types';
import { pactFromExchanges, type PactFile, type PactParticipants } from './record';

export interface PactRecorder {
  /** Add it to a mock's front door: `mock.frontDoor.use(recorder.interceptor)`. */
  readonly interceptor: Interceptor;
  readonly exchanges: Exchange[];
  /** The exchanges so far as a Pact V4 file. */
  pact(participants: PactParticipants): PactFile;
  /** Writes that file (JSON, two-space indent). */
  write(file: string, participants: PactParticipants): PactFile;
}

/** Keeps every exchange the front door hands through, for pactFromExchanges. */
export function pactRecorder(): PactRecorder {
  const exchanges: Exchange[] = [];
  const interceptor: Interceptor = async (request, next) => {
    const started = Date.now();
    const response = await next();
    exchanges.push({ request, response, durationMs: Date.now() - started, namespace: '' });
    return response;
  };
  const pact = (participants: PactParticipants) => pactFromExchanges(exchanges, participants);
  return {
    interceptor,
    exchanges,
    pact,
    write(file, participants) {
      const written = pact(participants);
      writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
      return written;
    },
  };
}
