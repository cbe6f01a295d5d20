import type { ConformanceCase } from '../types';
import { bodyCases } from './bodies';
import { discoveryCases } from './discovery';
import { errorFormatCases } from './errors';
import { imageCases } from './images';
import { imageDataCases } from './image-data';
import { listCases } from './lists';
import { memberIdCases } from './member-ids';
import { memberMatrixCases } from './member-matrix';
import { quotaCases } from './quota';

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
    ...imageDataCases(),
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate conformance case id ${c.id}`);
    seen.add(c.id);
  }
  return cases;
}
