import type { ConformanceCase } from '../types';
import { bodyCases } from './bodies';
import { databaseCases } from './database';
import { discoveryCases } from './discovery';
import { edgeCases } from './edge';
import { errorFormatCases } from './errors';
import { imageCases } from './images';
import { jsonBodyCases } from './json-bodies';
import { imageDataCases } from './image-data';
import { integerColumnCases } from './integer-columns';
import { listCases } from './lists';
import { memberIdCases } from './member-ids';
import { memberMatrixCases } from './member-matrix';
import { noauthCases } from './noauth';
import { quotaCases } from './quota';
import { imageCreateOrderCases, requestIdCases } from './request-ids';

/**
 * The case sets, one per way Glance is deployed: `default` (behind Keystone, or trusted
 * headers, with an image cache), `noauth` (without Keystone) and `no-image-cache` (no
 * `image_cache_dir`: version discovery only).
 */
export { CASE_SETS, type CaseSetName } from '../case-sets';
import type { CaseSetName } from '../case-sets';

/** Every conformance case, in a stable order; ids are unique. */
export function allCases(): ConformanceCase[] {
  return unique([
    ...memberMatrixCases(),
    ...bodyCases(),
    ...errorFormatCases(),
    ...memberIdCases(),
    ...quotaCases(),
    ...imageCases(),
    ...listCases(),
    ...discoveryCases(),
    ...databaseCases(),
    ...requestIdCases(),
    ...imageCreateOrderCases(),
    ...edgeCases(),
    ...jsonBodyCases(),
    ...imageDataCases(),
    ...integerColumnCases(),
  ]);
}

export function casesOf(set: CaseSetName): ConformanceCase[] {
  if (set === 'noauth') return unique(noauthCases(allCases()));
  if (set === 'no-image-cache') return unique(discoveryCases());
  return allCases();
}

function unique(cases: ConformanceCase[]): ConformanceCase[] {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate conformance case id ${c.id}`);
    seen.add(c.id);
  }
  return cases;
}
