import { TOLERANCES } from '../tolerances.js';

/** CS231n's relative error |a − n| / max(floor, |a| + |n|); 0 when both are 0. */
export function relativeError(analytic: number, numeric: number, floor: number = TOLERANCES.gradcheck.floor): number {
  if (analytic === numeric) return 0;
  return Math.abs(analytic - numeric) / Math.max(floor, Math.abs(analytic) + Math.abs(numeric));
}
