// Assembles the MinHash WebAssembly module of lib/event-hashing.ts (its text is in the comment above MINHASH_WASM); prints the
// module's base64 (what MINHASH_WASM holds) on stdout, whether it validates and its size on stderr. Run: node scripts/wasm/minhash.mjs
import { ADD, c, GEU, get, printModule, set, SHL, simd, tee } from './assemble.mjs';

const splat4 = (x) => { const b = []; for (let i = 0; i < 4; i++) b.push(x & 255, (x >>> 8) & 255, (x >>> 16) & 255, (x >>> 24) & 255); return b; };
const vconst = (x) => [...simd(0x0c), ...splat4(x)];
const XOR = simd(0x51), SHRU = simd(0xad), MUL = simd(0xb5), MINU = simd(0xb7), SPLAT = simd(0x11);
const vload = [...simd(0x00), 4, 0], vstore = [...simd(0x0b), 4, 0], iload = [0x28, 2, 0];
// params: 0 set, 1 n, 2 seeds, 3 hashes, 4 out; locals 5 k, 6 x, 7 end (i32); 8 seedA, 9 seedB, 10 minA, 11 minB, 12 e, 13 v (v128)
const fmix = (seed, min) => [
  ...get(12), ...get(seed), ...XOR, ...tee(13),
  ...get(13), ...c(16), ...SHRU, ...XOR, ...vconst(0x85ebca6b), ...MUL, ...tee(13),
  ...get(13), ...c(13), ...SHRU, ...XOR, ...vconst(0xc2b2ae35), ...MUL, ...tee(13),
  ...get(13), ...c(16), ...SHRU, ...XOR, ...get(min), ...MINU, ...set(min),
];
const body = [
  2, 3, 0x7f, 9, 0x7b,
  ...get(1), ...c(2), ...SHL, ...get(0), ...ADD, ...set(7),
  ...get(3), ...c(2), ...SHL, ...set(3),
  ...c(0), ...set(5),
  0x02, 0x40, 0x03, 0x40,
    ...get(5), ...get(3), ...GEU, 0x0d, 1,
    ...get(2), ...get(5), ...ADD, ...vload, ...set(8),
    ...get(2), ...get(5), ...ADD, ...simd(0x00), 4, 16, ...set(9),
    ...vconst(-1), ...set(10), ...vconst(-1), ...set(11),
    ...get(0), ...set(6),
    0x02, 0x40, 0x03, 0x40,
      ...get(6), ...get(7), ...GEU, 0x0d, 1,
      ...get(6), ...iload, ...SPLAT, ...set(12),
      ...fmix(8, 10), ...fmix(9, 11),
      ...get(6), ...c(4), ...ADD, ...set(6),
      0x0c, 0,
    0x0b, 0x0b,
    ...get(4), ...get(5), ...ADD, ...get(10), ...vstore,
    ...get(4), ...get(5), ...ADD, ...get(11), ...simd(0x0b), 4, 16,
    ...get(5), ...c(32), ...ADD, ...set(5),
    0x0c, 0,
  0x0b, 0x0b,
  0x0b,
];
printModule({ params: 5, returns: false, name: 'h', body });
