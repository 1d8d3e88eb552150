// AssemblyScript source of the engine's float32 matrix product (compiled into build/kernels.wasm
// and build/kernels-local.wasm by `npm run build:wasm`, which `npm ci` runs through the engine's
// `prepare` script; the .wasm is never committed).
//
// C[b] = op(A[b]) · op(B[b]) in the GotoBLAS/BLIS shape. A is packed once, before the threads
// start (`packA`): per 256-deep k-block, 4-row panels stored k-major, so one pointer with constant
// offsets feeds the splat loads (10-25% faster than reading A's rows in place). B is packed by
// each thread for its own columns, one k-block (KC) by at most NC columns at a time, into
// 8-column panels that stay in L2 while a 4×8 register tile of f32x4 sums walks them with each A
// panel (4 KiB, in L1). Node 20's V8 has no relaxed-SIMD FMA by default, hence mul + add.
//
// Threads: `gemm` hands out column chunks of the products through an atomic counter, so a thread
// that the OS runs late (a busy shared machine) simply takes fewer chunks. Chunks never share an
// output element, and each thread packs B into its own scratch.

/** Rows of the register tile (rows of A per micro-kernel call). */
const MR: i32 = 4;
/** Columns of the register tile: two f32x4 vectors. */
const NR: i32 = 8;
/** Depth of one packed block: a KC×NR panel of B (8 KiB) and a KC×MR panel of A (4 KiB). */
const KC: i32 = 256;
/** Columns of one packed block of B: KC×NC floats (512 KiB) stay in L2. */
const NC: i32 = 512;

/** The first byte after the module's own static data: the host places its buffers from here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes of B-packing scratch one thread needs (one KC×NC block). */
export function packScratchBytes(): i32 {
  return KC * NC * 4;
}

/** Columns of one packed panel of B: column chunks that are multiples of it pack no padding. */
export function panelColumns(): i32 {
  return NR;
}

/** Bytes of packed A for one m×k product (rows padded to a multiple of MR); f64 so it cannot wrap. */
export function packedABytes(m: i32, k: i32): f64 {
  return <f64>((m + MR - 1) / MR) * MR * <f64>k * 4;
}

/**
 * Packs op(A) of one product (transA: stored [k, m]) for gemm: k-block pc (kc deep) starts at
 * float pc·mPad, and within it the panel of rows i…i+3 at i·kc, k-major, missing rows zero.
 */
export function packA(a: usize, m: i32, k: i32, transA: bool, dst: usize): void {
  const mPad = ((m + MR - 1) / MR) * MR;
  const rowStep: usize = transA ? 4 : <usize>k * 4;
  const kStep: usize = transA ? <usize>m * 4 : 4;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = min(KC, k - pc);
    for (let i = 0; i < m; i += MR) {
      const rows = min(MR, m - i);
      const src = a + <usize>i * rowStep + <usize>pc * kStep;
      const panel = dst + (<usize>pc * <usize>mPad + <usize>i * <usize>kc) * 4;
      if (transA) packATransposed(src, kStep, kc, rows, panel);
      else packARows(src, rowStep, kc, rows, panel);
    }
  }
}

/**
 * Computes chunks of C[t] = A[t]·op(B[t]) for t < batch, taking chunk after chunk from the i32
 * counter at `counter` until none is left: chunk u is columns [c·chunkCols, (c+1)·chunkCols) of
 * product t = u / chunksPerProduct. A is packed (packA), aPackedStride bytes apart per product
 * (0 = shared); B is stored [k, n] ([n, k] if transB), bBatchStride elements apart (0 = shared).
 * `bias` (0 = none) holds n floats added to every row of every product once its sum is complete,
 * so C is rounded before the bias is added, as a product followed by an add would round.
 * `scratch` holds packScratchBytes() per thread; this is thread number `thread`.
 * Returns how many chunks this thread computed.
 */
export function gemm(
  aPacked: usize, aPackedStride: usize, b: usize, bBatchStride: i32, transB: bool, c: usize,
  batch: i32, m: i32, k: i32, n: i32, chunkCols: i32, counter: usize, scratch: usize, bias: usize, thread: i32,
): i32 {
  const pack = scratch + <usize>thread * <usize>packScratchBytes();
  const chunksPerProduct = (n + chunkCols - 1) / chunkCols;
  const chunks = batch * chunksPerProduct;
  let done = 0;
  for (let u = atomic.add<i32>(counter, 1); u < chunks; u = atomic.add<i32>(counter, 1), done++) {
    const t = u / chunksPerProduct;
    const colStart = (u % chunksPerProduct) * chunkCols;
    const colEnd = min(n, colStart + chunkCols);
    const ct = c + <usize>t * <usize>m * <usize>n * 4;
    if (k == 0) zeroColumns(ct, m, n, colStart, colEnd, bias);
    else gemmColumns(aPacked + <usize>t * aPackedStride, b + <usize>t * <usize>bBatchStride * 4, transB, ct, m, k, n, colStart, colEnd, pack, bias);
  }
  return done;
}

/** Columns [colStart, colEnd) of C = A·op(B) (+ bias, unless it is 0) for one product. */
function gemmColumns(aPacked: usize, b: usize, transB: bool, c: usize, m: i32, k: i32, n: i32, colStart: i32, colEnd: i32, pack: usize, bias: usize): void {
  const mPad = ((m + MR - 1) / MR) * MR;
  for (let jc = colStart; jc < colEnd; jc += NC) {
    const nc = min(NC, colEnd - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      if (transB) packBTransposed(b, k, pc, kc, jc, nc, pack);
      else packB(b, n, pc, kc, jc, nc, pack);
      const accumulate = pc > 0;
      // the bias goes onto the finished sums: at the last k-block's store
      const lastBlock = pc + kc >= k;
      const aBlock = aPacked + <usize>pc * <usize>mPad * 4;
      for (let i = 0; i < m; i += MR) {
        const rows = min(MR, m - i);
        const aPanel = aBlock + <usize>i * <usize>kc * 4;
        for (let j = 0; j < nc; j += NR) {
          const cols = min(NR, nc - j);
          const cTile = c + (<usize>i * <usize>n + <usize>(jc + j)) * 4;
          const biasTile = bias != 0 && lastBlock ? bias + <usize>(jc + j) * 4 : 0;
          microKernel(aPanel, pack + <usize>j * <usize>kc * 4, kc, cTile, <usize>n * 4, rows, cols, accumulate, biasTile);
        }
      }
    }
  }
}

/** An empty sum (k = 0): zeros, plus the bias as an add onto 0 would give it (−0 becomes +0). */
function zeroColumns(c: usize, m: i32, n: i32, colStart: i32, colEnd: i32, bias: usize): void {
  for (let i = 0; i < m; i++) {
    const row = c + (<usize>i * <usize>n + <usize>colStart) * 4;
    if (bias == 0) {
      memory.fill(row, 0, <usize>(colEnd - colStart) * 4);
    } else {
      for (let j = colStart; j < colEnd; j++) store<f32>(row + <usize>(j - colStart) * 4, <f32>0 + load<f32>(bias + <usize>j * 4));
    }
  }
}

/** pack[(j/NR)·kc·NR + p·NR + j%NR] = B[pc + p, jc + j] with B stored [k, n]; short panels zero-padded. */
function packB(b: usize, n: i32, pc: i32, kc: i32, jc: i32, nc: i32, pack: usize): void {
  for (let j = 0; j < nc; j += NR) {
    const cols = min(NR, nc - j);
    let dst = pack + <usize>j * <usize>kc * 4;
    let src = b + (<usize>pc * <usize>n + <usize>(jc + j)) * 4;
    const srcStep = <usize>n * 4;
    if (cols == NR) {
      for (let p = 0; p < kc; p++, dst += 32, src += srcStep) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      }
    } else {
      for (let p = 0; p < kc; p++, dst += 32, src += srcStep) {
        v128.store(dst, f32x4.splat(0));
        v128.store(dst, f32x4.splat(0), 16);
        for (let q = 0; q < cols; q++) store<f32>(dst + <usize>q * 4, load<f32>(src + <usize>q * 4));
      }
    }
  }
}

/** Like packB with B stored [n, k]: each column of op(B) is contiguous in memory. */
function packBTransposed(b: usize, k: i32, pc: i32, kc: i32, jc: i32, nc: i32, pack: usize): void {
  for (let j = 0; j < nc; j += NR) {
    const cols = min(NR, nc - j);
    const panel = pack + <usize>j * <usize>kc * 4;
    if (cols < NR) memory.fill(panel, 0, <usize>kc * NR * 4);
    for (let q = 0; q < cols; q++) {
      let src = b + (<usize>(jc + j + q) * <usize>k + <usize>pc) * 4;
      let dst = panel + <usize>q * 4;
      let p = 0;
      // four k at a time: one vector load, four lane stores
      for (; p + 4 <= kc; p += 4, src += 16, dst += 128) {
        const v = v128.load(src);
        store<f32>(dst, f32x4.extract_lane(v, 0));
        store<f32>(dst, f32x4.extract_lane(v, 1), 32);
        store<f32>(dst, f32x4.extract_lane(v, 2), 64);
        store<f32>(dst, f32x4.extract_lane(v, 3), 96);
      }
      for (; p < kc; p++, src += 4, dst += 32) store<f32>(dst, load<f32>(src));
    }
  }
}

/**
 * C tile (rows×cols, at most 4×8) = or += packed A panel · packed B panel over kc, then + the
 * bias tile's 8 floats when `bias` is not 0. Missing rows and columns are zero in the panels and
 * are not stored.
 */
// @ts-ignore: decorator
@inline
function microKernel(
  a: usize, b: usize, kc: i32,
  c: usize, cRowStep: usize, rows: i32, cols: i32, accumulate: bool, bias: usize,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const end = a + <usize>kc * 16;
  for (; a < end; a += 16, b += 32) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let x = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(x, b0));
    c01 = f32x4.add(c01, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(x, b0));
    c11 = f32x4.add(c11, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(x, b0));
    c21 = f32x4.add(c21, f32x4.mul(x, b1));
    x = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(x, b0));
    c31 = f32x4.add(c31, f32x4.mul(x, b1));
  }
  if (rows == MR && cols == NR) {
    if (bias == 0) {
      storeRow(c, c00, c01, accumulate);
      storeRow(c + cRowStep, c10, c11, accumulate);
      storeRow(c + 2 * cRowStep, c20, c21, accumulate);
      storeRow(c + 3 * cRowStep, c30, c31, accumulate);
    } else {
      const b0 = v128.load(bias), b1 = v128.load(bias, 16);
      storeRowBias(c, c00, c01, accumulate, b0, b1);
      storeRowBias(c + cRowStep, c10, c11, accumulate, b0, b1);
      storeRowBias(c + 2 * cRowStep, c20, c21, accumulate, b0, b1);
      storeRowBias(c + 3 * cRowStep, c30, c31, accumulate, b0, b1);
    }
    return;
  }
  storePartialRow(c, c00, c01, cols, accumulate, bias);
  if (rows > 1) storePartialRow(c + cRowStep, c10, c11, cols, accumulate, bias);
  if (rows > 2) storePartialRow(c + 2 * cRowStep, c20, c21, cols, accumulate, bias);
  if (rows > 3) storePartialRow(c + 3 * cRowStep, c30, c31, cols, accumulate, bias);
}

// @ts-ignore: decorator
@inline
function storeRow(c: usize, lo: v128, hi: v128, accumulate: bool): void {
  if (accumulate) {
    lo = f32x4.add(v128.load(c), lo);
    hi = f32x4.add(v128.load(c, 16), hi);
  }
  v128.store(c, lo);
  v128.store(c, hi, 16);
}

/** storeRow, then + the bias: the sum is rounded first, as an add after the product rounds it. */
// @ts-ignore: decorator
@inline
function storeRowBias(c: usize, lo: v128, hi: v128, accumulate: bool, b0: v128, b1: v128): void {
  if (accumulate) {
    lo = f32x4.add(v128.load(c), lo);
    hi = f32x4.add(v128.load(c, 16), hi);
  }
  v128.store(c, f32x4.add(lo, b0));
  v128.store(c, f32x4.add(hi, b1), 16);
}

function storePartialRow(c: usize, lo: v128, hi: v128, cols: i32, accumulate: bool, bias: usize): void {
  for (let q = 0; q < cols; q++) {
    let v: f32;
    switch (q) {
      case 0: v = f32x4.extract_lane(lo, 0); break;
      case 1: v = f32x4.extract_lane(lo, 1); break;
      case 2: v = f32x4.extract_lane(lo, 2); break;
      case 3: v = f32x4.extract_lane(lo, 3); break;
      case 4: v = f32x4.extract_lane(hi, 0); break;
      case 5: v = f32x4.extract_lane(hi, 1); break;
      case 6: v = f32x4.extract_lane(hi, 2); break;
      default: v = f32x4.extract_lane(hi, 3);
    }
    const dst = c + <usize>q * 4;
    const sum = accumulate ? load<f32>(dst) + v : v;
    store<f32>(dst, bias != 0 ? sum + load<f32>(bias + <usize>q * 4) : sum);
  }
}

/** panel[p·MR + r] = A[i + r, pc + p] for A stored [m, k] (rows aRowStep bytes apart); missing rows 0. */
function packARows(a: usize, aRowStep: usize, kc: i32, rows: i32, panel: usize): void {
  if (rows < MR) {
    memory.fill(panel, 0, <usize>kc * MR * 4);
    for (let r = 0; r < rows; r++) {
      let src = a + <usize>r * aRowStep;
      let dst = panel + <usize>r * 4;
      for (let p = 0; p < kc; p++, src += 4, dst += 16) store<f32>(dst, load<f32>(src));
    }
    return;
  }
  const r1 = a + aRowStep, r2 = r1 + aRowStep, r3 = r2 + aRowStep;
  let p = 0;
  let off: usize = 0;
  // 4×4 blocks: four row vectors in, transposed, four k vectors out
  for (; p + 4 <= kc; p += 4, off += 16, panel += 64) {
    const x0 = v128.load(a + off), x1 = v128.load(r1 + off), x2 = v128.load(r2 + off), x3 = v128.load(r3 + off);
    const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5);
    const t1 = i32x4.shuffle(x0, x1, 2, 6, 3, 7);
    const t2 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
    const t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
    v128.store(panel, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
    v128.store(panel, i32x4.shuffle(t0, t2, 2, 3, 6, 7), 16);
    v128.store(panel, i32x4.shuffle(t1, t3, 0, 1, 4, 5), 32);
    v128.store(panel, i32x4.shuffle(t1, t3, 2, 3, 6, 7), 48);
  }
  for (; p < kc; p++, off += 4, panel += 16) {
    store<f32>(panel, load<f32>(a + off));
    store<f32>(panel, load<f32>(r1 + off), 4);
    store<f32>(panel, load<f32>(r2 + off), 8);
    store<f32>(panel, load<f32>(r3 + off), 12);
  }
}

/** Like packARows for A stored [k, m]: the MR values of one k are contiguous (aKStep bytes per k). */
function packATransposed(a: usize, aKStep: usize, kc: i32, rows: i32, panel: usize): void {
  if (rows == MR) {
    for (let p = 0; p < kc; p++, a += aKStep, panel += 16) v128.store(panel, v128.load(a));
    return;
  }
  for (let p = 0; p < kc; p++, a += aKStep, panel += 16) {
    v128.store(panel, f32x4.splat(0));
    for (let r = 0; r < rows; r++) store<f32>(panel + <usize>r * 4, load<f32>(a + <usize>r * 4));
  }
}
