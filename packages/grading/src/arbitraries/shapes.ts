import fc from 'fast-check';

export interface ShapeOptions {
  minDims?: number;
  maxDims?: number;
  /** Largest size of any one dim. */
  maxSize?: number;
  minSize?: number;
}

/** A shape such as [3, 1, 4]. */
export function shape(options: ShapeOptions = {}): fc.Arbitrary<number[]> {
  const { minDims = 1, maxDims = 3, minSize = 1, maxSize = 5 } = options;
  return fc.array(fc.integer({ min: minSize, max: maxSize }), { minLength: minDims, maxLength: maxDims });
}

/** Two shapes that broadcast together (some dims set to 1, some leading dims dropped). */
export function broadcastPair(options: ShapeOptions = {}): fc.Arbitrary<[number[], number[]]> {
  return shape({ minDims: 1, ...options }).chain((full) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.nat({ max: full.length }),
      )
      .map(([onesA, onesB, drop]) => {
        const a = full.map((d, i) => (onesA[i] ? 1 : d));
        const b = full.map((d, i) => (onesB[i] && !onesA[i] ? 1 : d)).slice(drop);
        return [a, b] as [number[], number[]];
      }),
  );
}
