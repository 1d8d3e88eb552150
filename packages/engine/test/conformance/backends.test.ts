/** The backend selection itself: a requested backend that is missing must fail, never skip. */
import { describe, it, expect } from 'vitest';
import { cpuBackend } from '../../src/backend/cpu/cpu-backend.js';
import { requestedBackends, resolveTargets } from './backends.js';

const lookup = (name: string) => {
  if (name === 'cpu') return cpuBackend;
  throw new Error(`Device '${name}' is not available: no GPU adapter.`);
};

describe('conformance backend selection', () => {
  it('parses CONFORMANCE_BACKENDS (commas, spaces, duplicates); unset or blank means every registered backend', () => {
    expect(requestedBackends(undefined)).toBeUndefined();
    expect(requestedBackends('  ')).toBeUndefined();
    expect(requestedBackends('cpu, webgpu,,cpu')).toEqual(['cpu', 'webgpu']);
    expect(resolveTargets(undefined, ['cpu'], lookup)).toEqual([{ name: 'cpu', backend: cpuBackend }]);
  });

  it('a requested backend that is missing becomes a target with the reason (its suite then fails)', () => {
    const [cpu, gpu] = resolveTargets(['cpu', 'webgpu'], ['cpu'], lookup);
    expect(cpu.backend).toBe(cpuBackend);
    expect(gpu.backend).toBeUndefined();
    expect(gpu.missing).toMatch(/CONFORMANCE_BACKENDS asks for backend 'webgpu'.*no GPU adapter.*Registered backends: cpu/);
  });

  it('no registered backend at all is a failure too', () => {
    expect(resolveTargets(undefined, [], lookup)[0].missing).toMatch(/no backend/);
  });
});
