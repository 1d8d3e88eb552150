// One extra thread of the WebAssembly matmul (started by node-host.ts). It instantiates the
// kernel on the shared memory, says it is ready, then computes its share of every product the
// calling thread posts in the mailbox (see thread-pool.ts for the protocol).
import { workerData } from 'node:worker_threads';

const { index, module, memory, mailbox, layout, spinMs } = workerData;
const slots = new Int32Array(mailbox);
const { gemm } = new WebAssembly.Instance(module, { env: { memory } }).exports;

let seen = Atomics.load(slots, layout.generation);
Atomics.store(slots, layout.ready + index - 1, 1);
Atomics.notify(slots, layout.ready + index - 1);
for (;;) {
  // Spin a little before sleeping: on a virtual machine, waking a sleeping thread takes ~0.1 ms
  // (its CPU was halted), as long as a small product; the next product of a training step
  // usually comes well within the spin.
  const spinUntil = performance.now() + spinMs;
  while (Atomics.load(slots, layout.generation) === seen && performance.now() < spinUntil);
  Atomics.add(slots, layout.asleep, 1);
  Atomics.wait(slots, layout.generation, seen);
  Atomics.sub(slots, layout.asleep, 1);
  const generation = Atomics.load(slots, layout.generation);
  if (generation === seen) continue;
  seen = generation;
  const threads = slots[layout.threads];
  if (index >= threads) continue;
  try {
    gemm(...slots.subarray(layout.args, layout.args + slots[layout.argCount]), index);
  } catch {
    Atomics.store(slots, layout.failed, 1);
  }
  if (Atomics.sub(slots, layout.pending, 1) === 1) Atomics.notify(slots, layout.pending);
}
