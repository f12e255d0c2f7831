// Keyness statistics against numbers worked by hand on corpora small enough to check with a calculator, and the
// counting that feeds them.
import { describe, expect, it } from "vitest";
import { chiSquareP, countTerms, erfc, keyness, logLikelihood, logRatio, surfaceForms, type TermCounts } from "../lib/keyness.js";

// The ten-token corpus: A = "the cat sat on the mat" (6 tokens), B = "the dog sat down" (4 tokens), N = 10.
// Stopwords kept here so that "the" and "on" count.
const A = countTerms([{ text: "the cat sat on the mat" }], { stopwords: "keep" });
const B = countTerms([{ text: "the dog sat down" }], { stopwords: "keep" });
const scored = keyness(A.counts, B.counts, { minCount: 1 });
const row = (term: string) => scored.find((r) => r.term === term)!;

describe("G² on the ten-token corpus", () => {
  it("matches the hand-worked values", () => {
    // "the": cells (A, B) = term (2, 1), other tokens (4, 3). Row totals 3 and 7, column totals 6 and 4.
    // E = 3·6/10 = 1.8, 3·4/10 = 1.2, 7·6/10 = 4.2, 7·4/10 = 2.8.
    // G² = 2(2 ln(2/1.8) + 1 ln(1/1.2) + 4 ln(4/4.2) + 3 ln(3/2.8)) = 0.0804349 (node -e on this line);
    // relatively more frequent in A (2/6 > 1/4), so signed negative.
    expect(row("the").g2).toBeCloseTo(-0.08043486460964827, 12);
    // "cat": term (1, 0), other (5, 4); E = 0.6, 0.4, 5.4, 3.6; the empty cell adds 0 (0 · ln 0 = 0).
    // G² = 2(1 ln(1/0.6) + 5 ln(5/5.4) + 4 ln(4/3.6)) = 1.0949250.
    expect(row("cat").g2).toBeCloseTo(-1.0949249614333079, 12);
    // "sat": term (1, 1), other (5, 3); E = 1.2, 0.8, 4.8, 3.2.
    // G² = 2(1 ln(1/1.2) + 1 ln(1/0.8) + 5 ln(5/4.8) + 3 ln(3/3.2)) = 0.1026328; 1/4 > 1/6, so positive.
    expect(row("sat").g2).toBeCloseTo(0.10263280741763531, 12);
    // "dog" is "cat" mirrored with the columns swapped: term (0, 1), other (6, 3); E = 0.6, 0.4, 5.4, 3.6.
    // G² = 2(1 ln(1/0.4) + 6 ln(6/5.4) + 3 ln(3/3.6)) = 2.0029783 (node -e); positive.
    expect(row("dog").g2).toBeCloseTo(2.0029783108784955, 12);
  });

  it("gives Hardie's log ratio with a zero count taken as 0.5", () => {
    // "dog": log2((1/4) / (0.5/6)) = log2(3) = 1.5849625. "the": log2((1/4) / (2/6)) = log2(0.75) = -0.4150375.
    expect(row("dog").logRatio).toBeCloseTo(1.584962500721156, 12);
    expect(row("the").logRatio).toBeCloseTo(-0.4150374992788438, 12);
    expect(logRatio(0, 0, 10, 10)).toBe(0);
  });

  it("sorts B-characteristic terms first and A-characteristic last, with counts per period", () => {
    expect(scored[0]).toMatchObject({ term: "dog", countA: 0, countB: 1, unitsA: 0, unitsB: 1 });
    expect(scored[scored.length - 1].g2).toBeLessThan(0);
    expect(scored.map((r) => r.g2)).toEqual(scored.map((r) => r.g2).sort((x, y) => y - x));
  });

  it("applies quanteda's Yates rule and Williams's q only when asked", () => {
    // A = "a a a a b" (5), B = "b b b b c" (5). Term "a": cells (4, 0 | 1, 5); |ad − bc| = 20 ≥ N/2 = 5 and
    // E11 = 4·5/10 = 2 < 5, so each cell moves 0.5 towards its expectation: (3.5, 0.5 | 1.5, 4.5), E = 2, 2, 3, 3.
    // No correction: 2(4 ln(4/2) + 1 ln(1/3) + 5 ln(5/3)) = 8.4562091.
    // Yates: 2(3.5 ln(3.5/2) + 0.5 ln(0.5/2) + 1.5 ln(1.5/3) + 4.5 ln(4.5/3)) = 4.1007606.
    expect(logLikelihood(4, 0, 5, 5)).toBeCloseTo(-8.45620910480325, 12);
    expect(logLikelihood(4, 0, 5, 5, "yates")).toBeCloseTo(-4.100760585721712, 12);
    // Term "b": cells (1, 4 | 4, 1), E = 2.5 each: G² = 2(2 ln(1/2.5) + 8 ln(4/2.5)) = 3.8548951.
    // Williams: q = 1 + (10/5 + 10/5 − 1)(10/5 + 10/5 − 1) / (6·10) = 1.15; 3.8548951 / 1.15 = 3.3520827.
    expect(logLikelihood(1, 4, 5, 5)).toBeCloseTo(3.854895140435149, 12);
    expect(logLikelihood(1, 4, 5, 5, "williams")).toBeCloseTo(3.3520827308131733, 12);
    // Yates leaves a table with no small expectation alone: (40, 60 | 960, 940), E11 = 100·1000/2000 = 50.
    expect(logLikelihood(40, 60, 1000, 1000, "yates")).toBe(logLikelihood(40, 60, 1000, 1000));
  });

  it("is zero for equal rates and rejects a count above its total", () => {
    expect(logLikelihood(3, 6, 100, 200)).toBeCloseTo(0, 12);
    expect(() => logLikelihood(7, 1, 5, 5)).toThrow(/exceeds its total/);
  });
});

describe("p-values", () => {
  it("match chi-square (1 df) table values", () => {
    // Critical values of chi-square with 1 df from any statistics table.
    expect(chiSquareP(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquareP(6.634897)).toBeCloseTo(0.01, 6);
    expect(chiSquareP(10.827566)).toBeCloseTo(0.001, 6);
    expect(chiSquareP(-3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquareP(0)).toBeCloseTo(1, 6);
    // A probability never exceeds 1, even where the erfc approximation overshoots (found by npm run fuzz).
    for (const x of [0, 1e-12, 1e-9, 1e-6]) expect(chiSquareP(x)).toBeLessThanOrEqual(1);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207, 6);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
  });

  it("come with each keyness row", () => {
    expect(row("cat").p).toBeCloseTo(chiSquareP(1.0949249614333079), 12);
    expect(row("cat").p).toBeGreaterThan(0.2);
  });
});

describe("filters and counting", () => {
  const counts = (terms: Record<string, [number, number]>, tokens: number, units: number): TermCounts => ({
    tokens,
    units,
    terms: new Map(Object.entries(terms).map(([t, [count, u]]) => [t, { count, units: u }])),
  });

  it("drops terms below the minimum count and the minimum number of units", () => {
    const a = counts({ truce: [1, 1], war: [5, 3], front: [2, 1] }, 100, 3);
    const b = counts({ truce: [6, 1], war: [2, 2], front: [1, 1] }, 100, 2);
    expect(keyness(a, b).map((r) => r.term).sort()).toEqual(["front", "truce", "war"]);
    expect(keyness(a, b, { minCount: 4 }).map((r) => r.term).sort()).toEqual(["truce", "war"]);
    expect(keyness(a, b, { minUnits: 3 }).map((r) => r.term).sort()).toEqual(["war"]);
    expect(() => keyness(a, b, { minCount: 0 })).toThrow(/minCount must be a whole number ≥ 1, not 0/);
    expect(keyness(counts({}, 0, 0), b)).toEqual([]);
  });

  it("counts stems without stopwords or numbers, and shows each in its most frequent form", () => {
    const { counts: c, forms } = countTerms([
      { text: "Negotiations failed. The negotiations resumed in 2025 after negotiating for 30 days." },
      { text: "Russia's negotiators said nothing." },
    ]);
    expect(c.units).toBe(2);
    expect(c.tokens).toBe(9); // negotiations failed negotiations resumed negotiating days russia's negotiators said
    expect(c.terms.get("negoti")).toEqual({ count: 4, units: 2 });
    expect(c.terms.has("the")).toBe(false);
    expect(c.terms.has("2025")).toBe(false);
    expect(surfaceForms(forms).get("negoti")).toBe("negotiations");
    // A sentence-initial capital does not win: "Ceasefire" once and "ceasefire" once → lower case.
    expect(surfaceForms(new Map([["ceasefir", new Map([["Ceasefire", 1], ["ceasefire", 1]])]])).get("ceasefir")).toBe("ceasefire");
    // Shown as written: the capital stays ("UN", "Kiev"), the possessive goes.
    expect(surfaceForms(forms).get("russia")).toBe("Russia");
  });
});
