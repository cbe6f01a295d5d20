/**
 * An explanation kept in pieces (a schema error printing a long value) is
 * stripped or escaped piece by piece: the body must be the one the whole
 * explanation gives, in every format, for any pieces.
 */
import fc from 'fast-check';
import { GlanceError } from '../src';
import { formatError, formatErrorPieces } from '../src/http/error-format';
import { fuzzParams } from './fuzz/support/fuzz-config';

const piece = fc
  .array(fc.constantFrom('a', ' ', '\n', '\r', '-', '->', '-->', '<', '>', '!', '<!--', 'br', '<br>', 'é', "'", '&', '"'), { maxLength: 6 })
  .map((parts) => parts.join(''));

describe('error bodies of an explanation in pieces', () => {
  it.each(['text/plain', 'text/html', 'application/json'])(
    'when an explanation in pieces is rendered for %s, then the body is the whole explanation’s',
    (accept) => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 5 }), piece, fc.constantFrom(400, 405, 415), (pieces, detail, status) => {
          const explanation = pieces.join('');
          const inPieces = new GlanceError(status as 400, explanation, { detail, pieces });
          const whole = new GlanceError(status as 400, explanation, { detail });
          expect(formatErrorPieces(inPieces, accept).pieces.join('')).toBe(formatError(whole, accept).body);
        }),
        fuzzParams(1000),
      );
    },
  );
});
