export { plotLosses, buildLossesSvg, type PlotLossesOptions, type PlotLossesResult } from './plot-losses.js';
export type { PlotSeries } from './series.js';
