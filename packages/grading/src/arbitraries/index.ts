export { shape, broadcastPair, type ShapeOptions } from './shapes.js';
export { value, tensorOf, anyTensor, classIndices, type ValueOptions } from './tensors.js';
export { layerCase, type LayerCase, type LayerSizes } from './layer.js';
export { printable } from './printable.js';
