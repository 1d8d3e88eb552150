/**
 * What is measured, the single place for every size. Each framework receives these
 * descriptions (the Python side as JSON) and builds the same computation from them.
 */

/** A·B, Aᵀ·B (A stored [k, m]) and A·Bᵀ (B stored [n, k]): the three products of training a Linear. */
export type MatmulForm = 'ab' | 'atb' | 'abt';

export interface MatmulTask {
  kind: 'matmul';
  m: number;
  k: number;
  n: number;
  form: MatmulForm;
}

/** One epoch of Linear(inputs→hidden)–ReLU–Linear(hidden→classes), cross-entropy, plain SGD. */
export interface MlpEpochTask {
  kind: 'mlp_epoch';
  samples: number;
  batch: number;
  inputs: number;
  hidden: number;
  classes: number;
  lr: number;
}

export type Task = MatmulTask | MlpEpochTask;

/** The synthetic streams (see synthetic.ts); every framework draws the same arrays from them. */
export const STREAMS = { matmulA: 1, matmulB: 2, samples: 3, labels: 4, w1: 5, b1: 6, w2: 7, b2: 8 } as const;

/** A benchmark row: its key in the JSON, its label in the table, and the task. */
export interface Row {
  key: string;
  label: string;
  task: Task;
}

const FORM_LABEL: Record<MatmulForm, string> = { ab: 'A·B', atb: 'Aᵀ·B', abt: 'A·Bᵀ' };

function matmulRow(m: number, k: number, n: number, form: MatmulForm): Row {
  const suffix = form === 'ab' ? '' : `_${form}`;
  return { key: `matmul_${m}x${k}x${n}${suffix}`, label: `matmul ${m}×${k}×${n} ${FORM_LABEL[form]}`, task: { kind: 'matmul', m, k, n, form } };
}

function mlpRow(task: Omit<MlpEpochTask, 'kind'>): Row {
  const { inputs, hidden, classes, samples, batch } = task;
  return { key: 'mlp_epoch', label: `MLP epoch ${inputs}-${hidden}-${classes}, ${samples} samples, batch ${batch}`, task: { kind: 'mlp_epoch', ...task } };
}

/** The notMNIST MLP of the course (exercise 5): one batch of it is a 128×784×256 product. */
export function fullRows(): Row[] {
  return [
    matmulRow(128, 784, 256, 'ab'),
    matmulRow(128, 784, 256, 'atb'),
    matmulRow(128, 784, 256, 'abt'),
    matmulRow(1024, 1024, 1024, 'ab'),
    mlpRow({ samples: 12_000, batch: 128, inputs: 784, hidden: 256, classes: 10, lr: 0.1 }),
  ];
}

/** Tiny sizes with the same structure, for the smoke test (seconds, not minutes). */
export function tinyRows(): Row[] {
  return [
    matmulRow(8, 16, 12, 'ab'),
    matmulRow(8, 16, 12, 'atb'),
    matmulRow(8, 16, 12, 'abt'),
    matmulRow(32, 32, 32, 'ab'),
    mlpRow({ samples: 200, batch: 32, inputs: 16, hidden: 8, classes: 4, lr: 0.1 }),
  ];
}

export function matmulFlops(task: MatmulTask): number {
  return 2 * task.m * task.k * task.n;
}
