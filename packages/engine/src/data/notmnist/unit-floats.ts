/** The 256 values pixel / 255 as float32, so every path (decode, cache) gives bit-identical images. */
const UNIT_FLOATS = (() => {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = v / 255;
  return table;
})();

/** 8-bit pixels → float32 in [0, 1] (pixel / 255). */
export function pixelsToUnitFloats(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  const table = UNIT_FLOATS;
  for (let i = 0; i < pixels.length; i++) out[i] = table[pixels[i]];
  return out;
}
