import { writeFileSync } from 'node:fs';
import { exchangeRecorder } from '../scenario/record-interceptor';
import type { Exchange, Interceptor } from '../wire/types';
import { pactFromExchanges, type PactFile, type PactParticipants } from './record';

export interface PactRecorder {
  /** Add it to a mock: `mock.use(recorder.interceptor)` (every namespace's calls, each with its own provider states). */
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
  const interceptor = exchangeRecorder((exchange) => exchanges.push(exchange));
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
