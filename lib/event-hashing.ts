// The inner loops of event grouping, each as plain JavaScript (the definition) and as WebAssembly with 128-bit SIMD
// (the same numbers, several times faster): MinHash signatures of an article's shingle hashes, and how many values
// two sorted hash arrays share. The modules are assembled by scripts/wasm/minhash.mjs and
// scripts/wasm/intersection.mjs (their text is in the comments below); test/events-minhash.test.ts holds each
// SIMD path to its plain one. Where WebAssembly SIMD is missing, the plain functions run.

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How many values two sorted arrays of distinct values share. */
export function intersectionScalar(a: Uint32Array, b: Uint32Array): number {
  const la = a.length, lb = b.length;
  let i = 0, j = 0, n = 0;
  // Branch-free merge: which side advances is data-dependent and unpredictable, so counting comparisons as
  // numbers runs about twice as fast as if/else on article-sized sets.
  while (i < la && j < lb) {
    const x = a[i], y = b[j];
    n += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
  }
  return n;
}

export function minHashScalar(set: Uint32Array, seeds: Uint32Array): Uint32Array {
  const hashes = seeds.length;
  const mins = new Uint32Array(hashes);
  const n = set.length;
  // One hash function at a time, its least value kept in a local; fmix32 written out so the loop stays in registers.
  for (let k = 0; k < hashes; k++) {
    const seed = seeds[k];
    let min = 0xffffffff;
    for (let x = 0; x < n; x++) {
      let v = set[x] ^ seed;
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v ^= v >>> 16;
      v >>>= 0;
      if (v < min) min = v;
    }
    mins[k] = min;
  }
  return mins;
}

/**
 * minHashScalar in WebAssembly with 128-bit SIMD: eight hash functions per pass over the set, as two vectors of
 * four lanes (i32x4.mul and i32x4.min_u are the 32-bit Math.imul and unsigned least value, so the values are the
 * same bit for bit). Assembled by hand (389 bytes) from this text; test/events-minhash.test.ts checks it against a plain
 * reference on random sets:
 *
 *   (func (export "h") (param $set i32) (param $n i32) (param $seeds i32) (param $hashes i32) (param $out i32)
 *     ;; byte offsets: $k walks seeds and out 32 bytes (8 functions) at a time, $x walks the set 4 bytes at a time
 *     (local $k i32) (local $x i32) (local $end i32) (local $sa v128) (local $sb v128) (local $ma v128)
 *     (local $mb v128) (local $e v128) (local $v v128)
 *     $end = $set + $n*4;  $hashes = $hashes*4;  $k = 0
 *     (block (loop  br_if 1 ($k >=u $hashes)
 *       $sa = v128.load($seeds + $k);  $sb = v128.load offset=16 ($seeds + $k);  $ma = $mb = all ones;  $x = $set
 *       (block (loop  br_if 1 ($x >=u $end)
 *         $e = i32x4.splat(i32.load $x)
 *         ;; per seed vector: fmix32($e ^ seed) and the lane-wise unsigned minimum, as in minHashScalar
 *         $v = $e ^ $sa;  $v = i32x4.mul($v ^ ($v >>u 16), 0x85ebca6b);  $v = i32x4.mul($v ^ ($v >>u 13), 0xc2b2ae35)
 *         $ma = i32x4.min_u($v ^ ($v >>u 16), $ma);   ...the same with $sb into $mb
 *         $x += 4;  br 0))
 *       v128.store($out + $k, $ma);  v128.store offset=16 ($out + $k, $mb);  $k += 32;  br 0)))
 *
 * Memory layout per call: the seeds at 0, the signature after them, then the set.
 */
const MINHASH_WASM =
  "AGFzbQEAAAABCQFgBX9/f39/AAMCAQAFAwEAAQcJAgFtAgABaAAACtsCAdgCAgN/CXsgAUECdCAAaiEHIANBAnQhA0EAIQUCQANAIAUgA08NASACIAVq/QAEACEIIAIgBWr9AAQQIQn9DP////////////////////8hCv0M/////////////////////yELIAAhBgJAA0AgBiAHTw0BIAYoAgD9ESEMIAwgCP1RIg0gDUEQ/a0B/VH9DGvK64VryuuFa8rrhWvK64X9tQEiDSANQQ39rQH9Uf0MNa6ywjWussI1rrLCNa6ywv21ASINIA1BEP2tAf1RIAr9twEhCiAMIAn9USINIA1BEP2tAf1R/QxryuuFa8rrhWvK64VryuuF/bUBIg0gDUEN/a0B/VH9DDWussI1rrLCNa6ywjWussL9tQEiDSANQRD9rQH9USAL/bcBIQsgBkEEaiEGDAALCyAEIAVqIAr9CwQAIAQgBWogC/0LBBAgBUEgaiEFDAALCws=";

type WasmMemory = { buffer: ArrayBuffer; grow(pages: number): number };
type Wasm = { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: Record<string, unknown> } };

/** A module's exports `m` (its memory) and one function, or null where WebAssembly (with SIMD) is not available. */
function instantiate<F>(base64: string, name: string): { memory: WasmMemory; run: F } | null {
  const wasm = (globalThis as unknown as { WebAssembly?: Wasm }).WebAssembly;
  if (!wasm) return null;
  try {
    const { exports } = new wasm.Instance(new wasm.Module(Buffer.from(base64, "base64")));
    return { memory: exports.m as WasmMemory, run: exports[name] as F };
  } catch {
    return null;
  }
}

/** The 32-bit words of a module's memory, grown first to hold at least `bytes`. */
function wasmWords(memory: WasmMemory, bytes: number): Uint32Array {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / 65_536));
  return new Uint32Array(memory.buffer);
}

let simdMinHash: ((set: Uint32Array, seeds: Uint32Array) => Uint32Array) | null | undefined;

/** The SIMD MinHash of this thread (compiled once), or null where WebAssembly SIMD is not available. */
export function minHashSimd(): ((set: Uint32Array, seeds: Uint32Array) => Uint32Array) | null {
  if (simdMinHash !== undefined) return simdMinHash;
  const m = instantiate<(set: number, n: number, seeds: number, hashes: number, out: number) => void>(MINHASH_WASM, "h");
  simdMinHash = m && ((set, seeds) => {
    const hashes = seeds.length;
    const words = wasmWords(m.memory, 8 * hashes + 4 * set.length);
    words.set(seeds, 0);
    words.set(set, 2 * hashes);
    m.run(8 * hashes, set.length, 0, hashes, 4 * hashes);
    return words.slice(hashes, 2 * hashes);
  });
  return simdMinHash;
}

/**
 * intersectionScalar in WebAssembly with 128-bit SIMD: the sorted arrays are compared four values against four
 * (i32x4.eq against the four rotations of the other block, matches counted with bitmask and popcnt), then the block
 * with the smaller last value moves on (both when equal), as in the scalar merge; the last fewer-than-four values
 * go through the scalar merge. Each common value is counted once, when the two blocks holding it meet. Assembled
 * by hand (328 bytes) from this text; test/events-minhash.test.ts checks it against the scalar merge:
 *
 *   (func (export "c") (param $a i32) (param $la i32) (param $b i32) (param $lb i32) (result i32)
 *     (local $n i32) (local $x i32) (local $y i32) (local $va v128) (local $vb v128)
 *     $aend = $a + $la*4 (in $la);  $bend = $b + $lb*4 (in $lb)
 *     (block (loop  br_if 1 ($a + 16 >u $aend);  br_if 1 ($b + 16 >u $bend)
 *       $va = v128.load $a;  $vb = v128.load $b
 *       $n += i32.popcnt(i32x4.bitmask(i32x4.eq($va, $vb) | i32x4.eq($va, rotate1($vb)) | … rotate2 | … rotate3))
 *       $x = i32.load offset=12 $a;  $y = i32.load offset=12 $b       ;; the blocks' last values
 *       $a += 16 * ($x <=u $y);  $b += 16 * ($y <=u $x);  br 0))
 *     (block (loop  br_if 1 ($a >=u $aend);  br_if 1 ($b >=u $bend)
 *       $x = i32.load $a;  $y = i32.load $b
 *       $n += ($x == $y);  $a += 4 * ($x <=u $y);  $b += 4 * ($y <=u $x);  br 0))
 *     $n)
 *
 * (rotateK is i8x16.shuffle of $vb with itself by K lanes.) Memory layout per call: a at 0, b after it.
 */
const INTERSECTION_WASM =
  "AGFzbQEAAAABCQFgBH9/f38BfwMCAQAFAwEAAQcJAgFtAgABYwAACp4CAZsCAgN/AnsgAUECdCAAaiEBIANBAnQgAmohAwJAA0AgAEEQaiABSw0BIAJBEGogA0sNASAA/QACACEHIAL9AAIAIQggByAI/TcgByAIIAj9DQQFBgcICQoLDA0ODwABAgP9N/1QIAcgCCAI/Q0ICQoLDA0ODwABAgMEBQYH/Tf9UCAHIAggCP0NDA0ODwABAgMEBQYHCAkKC/03/VD9pAFpIARqIQQgACgCDCEFIAIoAgwhBiAAIAUgBk1BBHRqIQAgAiAGIAVNQQR0aiECDAALCwJAA0AgACABTw0BIAIgA08NASAAKAIAIQUgAigCACEGIAQgBSAGRmohBCAAIAUgBk1BAnRqIQAgAiAGIAVNQQJ0aiECDAALCyAECw==";

let simdIntersection: ((a: Uint32Array, b: Uint32Array) => number) | null | undefined;

/** The SIMD intersection count of this thread (compiled once), or null where WebAssembly SIMD is not available. */
export function intersectionSimd(): ((a: Uint32Array, b: Uint32Array) => number) | null {
  if (simdIntersection !== undefined) return simdIntersection;
  const m = instantiate<(a: number, la: number, b: number, lb: number) => number>(INTERSECTION_WASM, "c");
  simdIntersection = m && ((a, b) => {
    const words = wasmWords(m.memory, 4 * (a.length + b.length));
    words.set(a, 0);
    words.set(b, a.length);
    return m.run(0, a.length, 4 * a.length, b.length);
  });
  return simdIntersection;
}

