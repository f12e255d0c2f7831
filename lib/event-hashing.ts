// The inner loops of event grouping, each as plain JavaScript (the definition) and as WebAssembly with 128-bit SIMD
// (the same numbers, several times faster): MinHash signatures of an article's shingle hashes, and how many values
// two sorted hash arrays share. Their source is WebAssembly text, scripts/wasm/minhash.wat and
// scripts/wasm/intersection.wat; `node scripts/wasm/wat.mjs FILE.wat` assembles one with wabt and prints the base64
// the constants below hold. test/events-minhash.test.ts checks that they hold exactly that, and holds each SIMD path
// to its plain one. Where WebAssembly SIMD is missing, the plain functions run.

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
 * minHashScalar in WebAssembly with 128-bit SIMD, eight hash functions per pass over the set: scripts/wasm/minhash.wat
 * assembled by wabt (401 bytes). Memory layout per call: the seeds at 0, the signature after them, then the set.
 */
const MINHASH_WASM =
  "AGFzbQEAAAABCQFgBX9/f39/AAMCAQAFAwEAAQcJAgFtAgABaAAACucCAeQCAgN/BnsgAUECdCAAaiEHIANBAnQhA0EAIQUCQANAIAUgA08NASACIAVq/QAEACEIIAIgBWr9AAQQIQn9DP////////////////////8hCv0M/////////////////////yELIAAhBgJAA0AgBiAHTw0BIAYoAgD9ESEMIAwgCP1RIQ0gDSANQRD9rQH9Uf0Ma8rrhWvK64VryuuFa8rrhf21ASENIA0gDUEN/a0B/VH9DDWussI1rrLCNa6ywjWussL9tQEhDSANIA1BEP2tAf1RIAr9twEhCiAMIAn9USENIA0gDUEQ/a0B/VH9DGvK64VryuuFa8rrhWvK64X9tQEhDSANIA1BDf2tAf1R/Qw1rrLCNa6ywjWussI1rrLC/bUBIQ0gDSANQRD9rQH9USAL/bcBIQsgBkEEaiEGDAALCyAEIAVqIAr9CwQAIAQgBWogC/0LBBAgBUEgaiEFDAALCws=";

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
 * intersectionScalar in WebAssembly with 128-bit SIMD, four values against four: scripts/wasm/intersection.wat
 * assembled by wabt (328 bytes). Memory layout per call: a at 0, b after it.
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

