// minHashSignature runs in WebAssembly SIMD when the number of hashes is a multiple of 8, and in plain JavaScript
// otherwise: both must give exactly the values of the definition (fmix32 of each shingle hash xor a seed, least
// value per seed), which this file writes out once more, as plainly as possible, and compares on random sets.
// containment counts common values in WebAssembly SIMD too, four against four: compared here with a plain count.
// shingleHashes sorts with its own radix sort: compared with the definition (FNV-1a of the joined stems, distinct,
// in numeric order).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadArticles } from "../lib/corpus.js";
import { containment, fnv1a, minHashSignature, shingleHashes } from "../lib/events.js";
import { isStopword, tokenize } from "../lib/tokens.js";

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function reference(set: Uint32Array, hashes: number): number[] {
  const out: number[] = [];
  let s = 0x9e3779b9;
  for (let k = 0; k < hashes; k++) {
    s = fmix32(s + 0x6d2b79f5);
    let min = 0xffffffff;
    for (const x of set) min = Math.min(min, fmix32(x ^ s));
    out.push(min);
  }
  return out;
}

const sorted = (xs: number[]) => Uint32Array.from(new Set(xs)).sort();

describe("minHashSignature", () => {
  it("matches the definition on random sets, SIMD (multiples of 8) and scalar hash counts alike", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), fc.constantFrom(1, 5, 8, 12, 16, 64, 128, 136), (xs, hashes) => {
        const set = sorted(xs);
        expect(Array.from(minHashSignature(set, hashes))).toEqual(reference(set, hashes));
      }),
      { numRuns: 300 },
    );
  });

  it("matches on the extremes of the value range, an empty set and a set larger than the first memory page", () => {
    for (const xs of [[], [0], [0xffffffff], [0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]]) {
      const set = sorted(xs);
      for (const hashes of [8, 128, 7]) expect(Array.from(minHashSignature(set, hashes))).toEqual(reference(set, hashes));
    }
    const big = sorted(Array.from({ length: 40_000 }, (_, i) => fmix32(i + 1)));
    expect(Array.from(minHashSignature(big, 128))).toEqual(reference(big, 128));
    // and a small set again after the memory grew: the bytes left beyond the set are not read
    const small = sorted([3, 5, 7]);
    expect(Array.from(minHashSignature(small, 128))).toEqual(reference(small, 128));
  });

  it("matches on the seed articles' shingles", () => {
    for (const a of loadArticles("data/articles").articles) {
      const set = shingleHashes(a);
      expect(Array.from(minHashSignature(set, 128))).toEqual(reference(set, 128));
    }
  });
});

describe("containment", () => {
  const plain = (a: Uint32Array, b: Uint32Array) => {
    if (!a.length || !b.length) return 0;
    const inB = new Set(b);
    return a.filter((x) => inB.has(x)).length / Math.min(a.length, b.length);
  };
  const values = (max: number) => fc.array(fc.integer({ min: 0, max }), { maxLength: 70 });

  it("matches a plain count on random sets, dense and sparse, across the whole unsigned range", () => {
    fc.assert(
      fc.property(fc.constantFrom(12, 200, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff - 200 }), (max, base) =>
        fc.assert(
          fc.property(values(max), values(max), (xs, ys) => {
            const [a, b] = [sorted(xs.map((x) => (max < 0xffffffff ? base + x : x))), sorted(ys.map((y) => (max < 0xffffffff ? base + y : y)))];
            expect(containment(a, b)).toBe(plain(a, b));
            expect(containment(b, a)).toBe(plain(a, b));
          }),
          { numRuns: 40 },
        ),
      ),
      { numRuns: 10 },
    );
  });

  it("matches on blocks that end equal, sets within one block, extremes and the seed articles", () => {
    const cases: number[][][] = [
      [[1, 2, 3, 4], [1, 2, 3, 4]],
      [[1, 2, 3, 8, 9], [4, 5, 6, 8, 9, 10]],
      [[0, 0x7fffffff, 0x80000000, 0xffffffff], [0x80000000, 0xffffffff]],
      [[5], [1, 2, 3, 4, 5, 6, 7, 8, 9]],
      [[1, 3, 5, 7, 9, 11, 13, 15], [2, 3, 4, 7, 8, 11, 12, 15]],
    ];
    for (const [xs, ys] of cases) expect(containment(sorted(xs), sorted(ys))).toBe(plain(sorted(xs), sorted(ys)));
    const sets = loadArticles("data/articles").articles.map((a) => shingleHashes(a));
    for (const a of sets) for (const b of sets) expect(containment(a, b)).toBe(plain(a, b));
    const big = sorted(Array.from({ length: 40_000 }, (_, i) => fmix32(i)));
    expect(containment(big, big.subarray(10_000, 30_000).slice())).toBe(1);
  });
});

describe("shingleHashes", () => {
  const reference = (text: string, size: number): number[] => {
    const words = tokenize(text).filter((t) => !isStopword(t.lower)).map((t) => t.stem);
    if (words.length < size) return words.length ? [fnv1a(words.join(" "))] : [];
    const hs = new Set<number>();
    for (let i = 0; i + size <= words.length; i++) hs.add(fnv1a(words.slice(i, i + size).join(" ")));
    return Array.from(hs).sort((a, b) => a - b);
  };

  it("matches the definition on the seeds and on short, repeated and long texts, for shingles of 1 to 3 words", () => {
    const seeds = loadArticles("data/articles").articles.map((a) => a.text);
    const texts = [...seeds, "", "the", "Grain convoys", "grain grain grain grain", seeds.join(" "), "talks ".repeat(200), seeds[0].slice(0, 400)];
    for (const text of texts) for (const size of [1, 2, 3]) expect(Array.from(shingleHashes({ text }, size))).toEqual(reference(text, size));
  });

  it("matches on random word salads around the size where the radix sort takes over", () => {
    const vocabulary = "minister grain corridor Odesa convoy said the of insurance Bosphorus wheat prices ship owners exports".split(" ");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 400 }), (words) => {
        const text = words.join(" ");
        expect(Array.from(shingleHashes({ text }))).toEqual(reference(text, 2));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the WebAssembly modules", () => {
  it("are what wabt assembles from scripts/wasm/*.wat", async () => {
    const { spawnSync } = await import("node:child_process");
    const fs = await import("node:fs");
    const source = fs.readFileSync("lib/event-hashing.ts", "utf8");
    const wat = fs.readdirSync("scripts/wasm").filter((f) => f.endsWith(".wat")).sort();
    expect(wat).toEqual(["intersection.wat", "minhash.wat"]);
    for (const file of wat) {
      const run = spawnSync(process.execPath, ["scripts/wasm/wat.mjs", `scripts/wasm/${file}`], { encoding: "utf8" });
      // A missing wabt (a devDependency) is named, not shown as a stack trace.
      expect(run.stderr.includes("Cannot find package 'wabt'") ? "wabt is not installed (npm install)" : run.stderr.trim(), file).toMatch(/^valid true \d+$/);
      expect(source.includes(`"${run.stdout.trim()}"`), `lib/event-hashing.ts holds what ${file} assembles to`).toBe(true);
    }
  });
});
