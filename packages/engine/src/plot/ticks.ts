/** Axis ticks: "nice" round numbers (1, 2, 5 × 10^k) that cover a range. */

/** The round step that gives about `target` intervals over `span`. */
export function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** A linear axis: its ends (rounded outwards to the step) and its ticks. */
export function linearTicks(min: number, max: number, target = 6, integer = false): { lo: number; hi: number; ticks: number[] } {
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  let step = niceStep(max - min, target);
  if (integer) step = Math.max(1, Math.round(step));
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = 0; lo + k * step <= hi + step * 1e-9; k++) ticks.push(round(lo + k * step, step));
  return { lo, hi, ticks };
}

/** A log10 axis over positive values: whole decades, with 2 and 5 in between when it spans few. */
export function logTicks(min: number, max: number): { lo: number; hi: number; ticks: number[] } {
  let loExp = Math.floor(Math.log10(min) + 1e-9);
  let hiExp = Math.ceil(Math.log10(max) - 1e-9);
  if (hiExp === loExp) hiExp = loExp + 1;
  const decades = hiExp - loExp;
  const mantissas = decades <= 2 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil(decades / 8));
  const ticks: number[] = [];
  for (let e = loExp; e <= hiExp; e++) {
    if ((e - loExp) % every !== 0) continue;
    for (const m of mantissas) {
      const t = m * 10 ** e;
      if (t <= 10 ** hiExp * (1 + 1e-9)) ticks.push(Number(t.toPrecision(12)));
    }
  }
  loExp = Math.min(loExp, Math.floor(Math.log10(ticks[0])));
  return { lo: 10 ** loExp, hi: 10 ** hiExp, ticks };
}

/** A tick label: as few digits as the step needs; 1e-5 style when very small or large. */
export function formatTick(value: number, step?: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return Number(value.toPrecision(3)).toExponential().replace('e+', 'e');
  if (step === undefined) return String(Number(value.toPrecision(6)));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(Math.min(decimals, 10));
}

function round(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(decimals, 15)));
}
