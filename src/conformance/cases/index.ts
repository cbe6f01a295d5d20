import type { ConformanceCase } from '../types';
import { bodyCases } from './bodies';
import { discoveryCases } from './discovery';
import { edgeCases } from './edge';
import { errorFormatCases } from './errors';
import { imageCases } from './images';
import { listCases } from './lists';
import { memberIdCases } from './member-ids';
import { memberMatrixCases } from './member-matrix';
import { quotaCases } from './quota';
import { imageCreateOrderCases, requestIdCases } from './request-ids';

/** Every conformance case, in a stable order; ids are unique. */
export function allCases(): ConformanceCase[] {
  const cases = [
    ...memberMatrixCases(),
    ...bodyCases(),
    ...errorFormatCases(),
    ...memberIdCases(),
    ...quotaCases(),
    ...imageCases(),
    ...listCases(),
    ...discoveryCases(),
    ...requestIdCases(),
    ...imageCreateOrderCases(),
    ...edgeCases(),
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate conformance case id ${c.id}`);
    seen.add(c.id);
  }
  return cases;
}
