// The engine's WebAssembly kernels, one module built twice (build/kernels.wasm on a shared memory,
// build/kernels-local.wasm on an unshared one; see README.md): the float32 matrix product, and
// the optimizers' scaled add and Adam step.
export * from './matmul';
export * from './scaled-add';
export * from './adam';
