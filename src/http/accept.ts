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
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [range, ...params] = part.split(';').map((p) => p.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      const qParam = params.find((p) => /^q=/i.test(p));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      const specificity = (type === '*' ? 0 : 1) + (subtype === '*' ? 0 : 1);
      return { type, subtype, q: Number.isFinite(q) ? q : 0, specificity };
    });
}

function qualityOf(offer: { type: string; subtype: string }, ranges: MediaRange[]): number {
  const matching = ranges
    .filter(
      (r) => (r.type === '*' || r.type === offer.type) && (r.subtype === '*' || r.subtype === offer.subtype),
    )
    .sort((a, b) => b.specificity - a.specificity);
  return matching.length > 0 ? matching[0].q : 0;
}
