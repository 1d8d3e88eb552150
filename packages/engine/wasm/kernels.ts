// The engine's WebAssembly kernels, one module (build/kernels.wasm, see README.md): the float32
// matrix product, and the optimizers' scaled add and Adam step.
export * from './matmul';
export * from './scaled-add';
export * from './adam';
