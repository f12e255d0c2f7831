// What the two module scripts share: LEB128 numbers, the instructions both use, and the module around one function
// (its own memory exported as "m", the function as a one-letter name), printed as minhash.mjs and intersection.mjs say.
export const leb = (n) => { const o = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; o.push(b); } while (n); return o; };
export const sleb = (n) => { const o = []; for (;;) { const b = n & 0x7f; n >>= 7; if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { o.push(b); return o; } o.push(b | 0x80); } };
export const simd = (op) => [0xfd, ...leb(op)];
export const get = (i) => [0x20, i], set = (i) => [0x21, i], tee = (i) => [0x22, i], c = (n) => [0x41, ...sleb(n)];
export const ADD = [0x6a], SHL = [0x74], GEU = [0x4f];

/** Print the module of one function taking `params` i32 values (returning one i32 when `returns`), exported as `name`. */
export function printModule({ params, returns, name, body }) {
  const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
  const mod = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, params, ...Array(params).fill(0x7f), ...(returns ? [1, 0x7f] : [0])]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, 1, 0x6d, 2, 0, 1, name.charCodeAt(0), 0, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ];
  const bytes = Uint8Array.from(mod);
  console.error('valid', WebAssembly.validate(bytes), bytes.length);
  console.log(Buffer.from(bytes).toString('base64'));
}
