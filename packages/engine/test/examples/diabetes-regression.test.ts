import { describe, expect, it } from 'vitest';
import { trainDiabetesRegression } from '../../examples/diabetes/regression.js';

describe("the lesson's regression with Adam (diabetes)", () => {
  it('trains: the loss falls, the model beats predicting the mean on held-out patients, and a seed repeats a run exactly', () => {
    const run = trainDiabetesRegression({ epochs: 300 });
    expect(run.trainLosses).toHaveLength(300);
    expect(run.trainLosses.at(-1)!).toBeLessThan(run.trainLosses[0] / 10);
    expect(run.testR2).toBeGreaterThan(0);
    expect(run.trainR2).toBeGreaterThan(run.testR2);
    console.log(`diabetes regression: train R² ${run.trainR2.toFixed(4)}, test R² ${run.testR2.toFixed(4)}`);
    const again = trainDiabetesRegression({ epochs: 300 });
    expect(again.trainLosses).toEqual(run.trainLosses);
    expect(again.testR2).toBe(run.testR2);
  });
});
