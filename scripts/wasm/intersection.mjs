// Assembles the intersection-count WebAssembly module of lib/event-hashing.ts (its text is in the comment above
// INTERSECTION_WASM); prints its base64 (what INTERSECTION_WASM holds) on stdout, whether it validates and its size on stderr. Run: node scripts/wasm/intersection.mjs
import { ADD, c, GEU, get, printModule, set, SHL, simd } from './assemble.mjs';

const GTU = [0x4b], LEU = [0x4d], EQ = [0x46], POPCNT = [0x69];
const vload = [...simd(0x00), 2, 0], iload = (off) => [0x28, 2, off];
const EQ4 = simd(0x37), OR = simd(0x50), BITMASK = simd(0xa4);
const rot = (lanes) => [...simd(0x0d), ...Array.from({ length: 16 }, (_, k) => (k + 4 * lanes) % 16)];
// params 0 a, 1 la -> aend, 2 b, 3 lb -> bend; locals 4 n, 5 x, 6 y (i32); 7 va, 8 vb (v128)
const body = [
  2, 3, 0x7f, 2, 0x7b,
  ...get(1), ...c(2), ...SHL, ...get(0), ...ADD, ...set(1),
  ...get(3), ...c(2), ...SHL, ...get(2), ...ADD, ...set(3),
  0x02, 0x40, 0x03, 0x40,
    ...get(0), ...c(16), ...ADD, ...get(1), ...GTU, 0x0d, 1,
    ...get(2), ...c(16), ...ADD, ...get(3), ...GTU, 0x0d, 1,
    ...get(0), ...vload, ...set(7),
    ...get(2), ...vload, ...set(8),
    ...get(7), ...get(8), ...EQ4,
    ...get(7), ...get(8), ...get(8), ...rot(1), ...EQ4, ...OR,
    ...get(7), ...get(8), ...get(8), ...rot(2), ...EQ4, ...OR,
    ...get(7), ...get(8), ...get(8), ...rot(3), ...EQ4, ...OR,
    ...BITMASK, ...POPCNT, ...get(4), ...ADD, ...set(4),
    ...get(0), ...iload(12), ...set(5),
    ...get(2), ...iload(12), ...set(6),
    ...get(0), ...get(5), ...get(6), ...LEU, ...c(4), ...SHL, ...ADD, ...set(0),
    ...get(2), ...get(6), ...get(5), ...LEU, ...c(4), ...SHL, ...ADD, ...set(2),
    0x0c, 0,
  0x0b, 0x0b,
  0x02, 0x40, 0x03, 0x40,
    ...get(0), ...get(1), ...GEU, 0x0d, 1,
    ...get(2), ...get(3), ...GEU, 0x0d, 1,
    ...get(0), ...iload(0), ...set(5),
    ...get(2), ...iload(0), ...set(6),
    ...get(4), ...get(5), ...get(6), ...EQ, ...ADD, ...set(4),
    ...get(0), ...get(5), ...get(6), ...LEU, ...c(2), ...SHL, ...ADD, ...set(0),
    ...get(2), ...get(6), ...get(5), ...LEU, ...c(2), ...SHL, ...ADD, ...set(2),
    0x0c, 0,
  0x0b, 0x0b,
  ...get(4),
  0x0b,
];
printModule({ params: 4, returns: true, name: 'c', body });
