/**
 * The offer webob's `acceptable_offers` picks from Glance's error offers
 * (`text/html`, `application/json`): highest quality wins, `text/html` on a tie;
 * no match (or no Accept header) means plain text.
 */
export type ErrorFormat = 'html' | 'json' | 'plain';

const OFFERS: Array<{ type: string; subtype: string; format: ErrorFormat }> = [
  { type: 'text', subtype: 'html', format: 'html' },
  { type: 'application', subtype: 'json', format: 'json' },
];

export function errorFormatFor(accept: string | undefined): ErrorFormat {
  const ranges = parseAccept(accept ?? '');
  // An unparsable header accepts every offer, so the first one (HTML) wins.
  if (ranges === undefined) return 'html';
  let best: { q: number; format: ErrorFormat } | undefined;
  for (const offer of OFFERS) {
    const q = qualityOf(offer, ranges);
    if (q > 0 && (!best || q > best.q)) best = { q, format: offer.format };
  }
  return best?.format ?? 'plain';
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  specificity: number;
  /** A range with parameters besides q matches no parameterless offer. */
  hasParams: boolean;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function parseAccept(header: string): MediaRange[] | undefined {
  const ranges: MediaRange[] = [];
  for (const part of header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [range, ...params] = part.split(';').map((p) => p.trim());
    const [type, subtype, extra] = range.toLowerCase().split('/');
    if (extra !== undefined || !type || !subtype || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
    const qParam = params.find((p) => /^q=/i.test(p));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q < 0 || q > 1) return undefined;
    const specificity = (type === '*' ? 0 : 1) + (subtype === '*' ? 0 : 1);
    ranges.push({ type, subtype, q, specificity, hasParams: params.some((p) => !/^q=/i.test(p)) });
  }
  return ranges;
}

function qualityOf(offer: { type: string; subtype: string }, ranges: MediaRange[]): number {
  const matching = ranges
    .filter((r) => !r.hasParams && (r.type === '*' || r.type === offer.type) && (r.subtype === '*' || r.subtype === offer.subtype))
    .sort((a, b) => b.specificity - a.specificity);
  return matching.length > 0 ? matching[0].q : 0;
}
