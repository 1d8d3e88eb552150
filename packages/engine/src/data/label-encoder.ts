/**
 * Encodes string labels as integers 0 … k−1, like scikit-learn's LabelEncoder: `fit` learns the
 * sorted distinct labels (`classes`), `transform` maps labels to their index there,
 * `inverseTransform` maps indices back.
 *
 *   const enc = new LabelEncoder().fit(['b', 'a', 'b']);  // classes ['a', 'b']
 *   enc.transform(['b', 'a'])                             // Int32Array [1, 0]
 */
export class LabelEncoder {
  private fitted: string[] | null = null;
  private index = new Map<string, number>();

  /** The distinct labels seen by `fit`, sorted (UTF-16 code-unit order); their positions are the codes. */
  get classes(): readonly string[] {
    return this.known('classes');
  }

  /** Learns the classes: the distinct labels, sorted. Returns this. */
  fit(labels: readonly string[]): this {
    const distinct = new Set(labels);
    for (const c of distinct) {
      if (typeof c !== 'string') throw new TypeError(`LabelEncoder.fit: labels must be strings, got ${typeof c} ${String(c)}.`);
    }
    const classes = [...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.fitted = classes;
    this.index = new Map(classes.map((c, i) => [c, i]));
    return this;
  }

  /** Each label's index in `classes`; a label not seen by `fit` is an error naming it and the known classes. */
  transform(labels: readonly string[]): Int32Array {
    const classes = this.known('transform');
    const out = new Int32Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const code = this.index.get(labels[i]);
      if (code === undefined) {
        throw new RangeError(
          `LabelEncoder.transform: unknown label ${JSON.stringify(labels[i])} (at position ${i}); ` +
            `known classes: ${formatClasses(classes)}.`,
        );
      }
      out[i] = code;
    }
    return out;
  }

  /** fit(labels) then transform(labels). */
  fitTransform(labels: readonly string[]): Int32Array {
    return this.fit(labels).transform(labels);
  }

  /** The labels of the given codes; a code outside 0 … k−1 is an error. */
  inverseTransform(ids: ArrayLike<number>): string[] {
    const classes = this.known('inverseTransform');
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!Number.isInteger(id) || id < 0 || id >= classes.length) {
        throw new RangeError(
          `LabelEncoder.inverseTransform: code ${id} (at position ${i}) is not a class index; ` +
            `expected an integer in 0 … ${classes.length - 1} for classes ${formatClasses(classes)}.`,
        );
      }
      out[i] = classes[id];
    }
    return out;
  }

  private known(method: string): readonly string[] {
    if (this.fitted === null) throw new Error(`LabelEncoder.${method}: call fit(labels) first.`);
    return this.fitted;
  }
}

function formatClasses(classes: readonly string[]): string {
  const shown = classes.slice(0, 20).map((c) => JSON.stringify(c));
  return `[${shown.join(', ')}${classes.length > 20 ? `, … (${classes.length} in all)` : ''}]`;
}
