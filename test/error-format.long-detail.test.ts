/**
 * A plain-text error whose texts hold no `<` is stripped text by text (a schema
 * error may print a 20 MiB value): the body must be the one webob's strip_tags
 * makes of the whole template, for any text.
 */
import fc from 'fast-check';
import { GlanceError } from '../src';
import { formatError } from '../src/http/error-format';
import { fuzzParams } from './fuzz/support/fuzz-config';

/** webob.exc.strip_tags, as webob writes it, applied to the default plain template. */
function webobPlainBody(explanation: string, detail: string): string {
  const body = `${explanation}<br /><br />\n${detail}\n\n`;
  const stripped = body
    .replace(/\n/g, ' ')
    .replace(/\r/g, '')
    .replace(/<br.*?>/gis, '\n')
    .replace(/<!--|-->/g, '')
    .replace(/<.*?>/gs, '');
  return `400 Bad Request\n\n${stripped}`;
}

const text = fc
  .array(fc.constantFrom('a', ' ', '\n', '\r', '-', '->', '-->', '<', '>', '!', '<!--', 'br', '<br>', 'é'), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('plain-text error bodies of any texts', () => {
  it('when an error is rendered as plain text, then the body is what strip_tags makes of the whole template', () => {
    fc.assert(
      fc.property(text, text, (explanation, detail) => {
        const error = new GlanceError(400, explanation, { detail });
        expect(formatError(error, 'text/plain').body).toBe(webobPlainBody(explanation, detail));
      }),
      fuzzParams(2000),
    );
  });
});
