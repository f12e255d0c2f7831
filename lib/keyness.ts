// Stage 4a: counts → keyness. Which words mark one period against the other.
//
// Method (what a reader needs to reproduce a number):
// - G² is Dunning's log-likelihood on the 2×2 table of (this term, every other token) × (period A, period B),
//   G² = 2 Σ O ln(O / E) with E = row total × column total / N and 0 · ln 0 = 0 — the table quanteda's
//   textstat_keyness(measure = "lr") builds. It is signed: positive when the term is relatively more frequent in B
//   (the later period), negative when more frequent in A. No continuity correction by default (quanteda applies
//   Yates's by default for "lr"); `correction: "yates"` follows quanteda's rule (move each cell 0.5 towards its
//   expectation when |ad − bc| ≥ N/2 and an expected cell is below 5), `"williams"` divides by Williams's q
//   (q = 1 when a cell is zero, as quanteda does).
// - The effect size is Hardie's Log Ratio, log2((countB / tokensB) / (countA / tokensA)): +1 means twice as
//   frequent in B. A zero count is replaced by 0.5 (Hardie 2014, "Log Ratio – an informal introduction"), so a
//   term absent from one period gets a finite ratio.
// - p is the upper tail of the chi-square distribution with 1 degree of freedom, P(X ≥ |G²|) = erfc(√(|G²|/2)),
//   with erfc from Numerical Recipes' Chebyshev fit (erfcc; fractional error below 1.2e-7).
// - Terms are stems (lib/tokens.ts), shown in their most frequent surface form. Stopwords and tokens without a
//   letter are left out by default: numbers are the figure ledger's business.
import { tokensOf } from "./tokens.js";

export type Correction = "none" | "yates" | "williams";

/** Term counts of one period: the totals a 2×2 table needs and, per term, its count and how many units hold it. */
export interface TermCounts {
  /** Tokens counted in all (the column total). */
  tokens: number;
  /** Units counted (events or articles). */
  units: number;
  terms: Map<string, { count: number; units: number }>;
}

export interface KeynessRow {
  /** The term as shown: the stem's most frequent surface form. */
  term: string;
  stem: string;
  /** Signed G²: positive when relatively more frequent in B. */
  g2: number;
  /** log2 of B's relative frequency over A's (zero counts as 0.5). */
  logRatio: number;
  p: number;
  countA: number;
  countB: number;
  unitsA: number;
  unitsB: number;
}

export interface KeynessOptions {
  /** Least count in A and B together for a term to be scored. Default 3. */
  minCount?: number;
  /** Least number of units (events or articles, A and B together) holding the term. Default 1. */
  minUnits?: number;
  correction?: Correction;
  /** Stem → the form to show (see `surfaceForms`); the stem itself when missing. */
  surface?: Map<string, string>;
}

/**
 * Score every term of two periods' counts.
 * @return One row per term passing the filters, most B-characteristic first (G² descending, then term), so the
 *   most A-characteristic terms are at the end. Defaults: minCount 3, minUnits 1, no correction.
 */
export function keyness(a: TermCounts, b: TermCounts, options: KeynessOptions = {}): KeynessRow[] {
  const { minCount = 3, minUnits = 1, correction = "none", surface } = options;
  if (!Number.isInteger(minCount) || minCount < 1) throw new RangeError(`keyness: minCount must be a whole number ≥ 1, not ${minCount}`);
  if (!Number.isInteger(minUnits) || minUnits < 1) throw new RangeError(`keyness: minUnits must be a whole number ≥ 1, not ${minUnits}`);
  if (!["none", "yates", "williams"].includes(correction)) throw new RangeError(`keyness: correction must be none, yates or williams, not "${correction}"`);
  if (!a.tokens || !b.tokens) return [];
  const rows: KeynessRow[] = [];
  for (const stem of new Set([...a.terms.keys(), ...b.terms.keys()])) {
    const ca = a.terms.get(stem) ?? { count: 0, units: 0 };
    const cb = b.terms.get(stem) ?? { count: 0, units: 0 };
    if (ca.count + cb.count < minCount || ca.units + cb.units < minUnits) continue;
    rows.push({
      term: surface?.get(stem) ?? stem,
      stem,
      g2: logLikelihood(ca.count, cb.count, a.tokens, b.tokens, correction),
      logRatio: logRatio(ca.count, cb.count, a.tokens, b.tokens),
      p: chiSquareP(logLikelihood(ca.count, cb.count, a.tokens, b.tokens, correction)),
      countA: ca.count,
      countB: cb.count,
      unitsA: ca.units,
      unitsB: cb.units,
    });
  }
  return rows.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}

/**
 * Signed G² of a term counted `countA` times in `tokensA` tokens and `countB` times in `tokensB`.
 * Positive when the term is relatively more frequent in B.
 */
export function logLikelihood(countA: number, countB: number, tokensA: number, tokensB: number, correction: Correction = "none"): number {
  // Cells: a = term in A, b = term in B, c = other tokens in A, d = other tokens in B.
  let [a, b, c, d] = [countA, countB, tokensA - countA, tokensB - countB];
  if (c < 0 || d < 0) throw new RangeError(`logLikelihood: a count exceeds its total (${countA}/${tokensA}, ${countB}/${tokensB})`);
  const n = a + b + c + d;
  if (!n) return 0;
  const sign = countB * tokensA > countA * tokensB ? 1 : -1;
  if (correction === "yates") {
    const delta = yatesDelta(a, b, c, d);
    const s = a * d - b * c > 0 ? 1 : -1;
    [a, b, c, d] = [a - s * delta, b + s * delta, c + s * delta, d - s * delta];
  }
  const term = (o: number, row: number, col: number) => (o > 0 ? o * Math.log((o * n) / (row * col)) : 0);
  let g2 = 2 * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c) + term(d, c + d, b + d));
  if (correction === "williams") g2 /= williamsQ(countA, countB, tokensA - countA, tokensB - countB);
  // Rounding can leave -1e-16 for identical rates.
  return sign * Math.max(0, g2);
}

function yatesDelta(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const small = (a + b) * (a + c) / n < 5 || (a + b) * (b + d) / n < 5 || (a + c) * (c + d) / n < 5 || (c + d) * (b + d) / n < 5;
  return Math.abs(a * d - b * c) >= n / 2 && small ? 0.5 : 0;
}

function williamsQ(a: number, b: number, c: number, d: number): number {
  if (a * b * c * d === 0) return 1;
  const n = a + b + c + d;
  return 1 + ((n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1)) / (6 * n);
}

/** Hardie's Log Ratio: log2 of B's relative frequency over A's, a zero count taken as 0.5. */
export function logRatio(countA: number, countB: number, tokensA: number, tokensB: number): number {
  if (!tokensA || !tokensB) return 0;
  return Math.log2(((countB || 0.5) / tokensB) / ((countA || 0.5) / tokensA));
}

/** P(X ≥ x) for X chi-square with 1 degree of freedom: erfc(√(x/2)). Takes |x|, so a signed G² may be passed. */
export function chiSquareP(x: number): number {
  // The erfc approximation overshoots 1 by ~3e-8 at 0: a probability must stay in [0, 1].
  return Math.min(1, erfc(Math.sqrt(Math.abs(x) / 2)));
}

/** The complementary error function (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

// ---------------------------------------------------------------------------------------------------------------
// From texts to counts

export interface CountOptions {
  /** "drop" (default) leaves stopwords out of the counts and the total; "keep" counts every word. */
  stopwords?: "drop" | "keep";
}

/**
 * Count the terms (stems) of some units — events' deduplicated texts or articles.
 * @return The counts and, per stem, how often each lower-case form was written (for `surfaceForms`).
 */
export function countTerms(units: Array<{ text: string }>, options: CountOptions = {}): { counts: TermCounts; forms: Map<string, Map<string, number>> } {
  const { stopwords = "drop" } = options;
  const terms = new Map<string, { count: number; units: number }>();
  const forms = new Map<string, Map<string, number>>();
  let tokens = 0;
  for (const u of units) {
    const seen = new Set<string>();
    for (const t of tokensOf(u)) {
      if (!/\p{L}/u.test(t.lower)) continue;
      if (stopwords === "drop" && t.stop) continue;
      tokens++;
      const c = terms.get(t.stem) ?? { count: 0, units: 0 };
      c.count++;
      if (!seen.has(t.stem)) {
        seen.add(t.stem);
        c.units++;
      }
      terms.set(t.stem, c);
      const f = forms.get(t.stem) ?? new Map<string, number>();
      // The form as written (case kept), so "UN", "Zelensky" and "Kiev" are shown as the articles write them.
      const form = t.text.replace(/['’]s$/i, "");
      f.set(form, (f.get(form) ?? 0) + 1);
      forms.set(t.stem, f);
    }
  }
  return { counts: { tokens, units: units.length, terms }, forms };
}

/**
 * Each stem's most frequent written form over any number of form tables: the word is chosen case-blind
 * (ties to the shorter, then alphabetical), then shown in its most frequent casing (ties to lower case),
 * so "UN" and "Kiev" keep their capitals while a sentence-initial "Ceasefire" does not win.
 */
export function surfaceForms(...tables: Array<Map<string, Map<string, number>>>): Map<string, string> {
  const merged = new Map<string, Map<string, number>>();
  for (const t of tables) for (const [stem, fs] of t) {
    const m = merged.get(stem) ?? new Map<string, number>();
    for (const [f, n] of fs) m.set(f, (m.get(f) ?? 0) + n);
    merged.set(stem, m);
  }
  const out = new Map<string, string>();
  for (const [stem, fs] of merged) {
    const byLower = new Map<string, { total: number; casings: Map<string, number> }>();
    for (const [f, c] of fs) {
      const key = f.toLowerCase();
      const e = byLower.get(key) ?? { total: 0, casings: new Map<string, number>() };
      e.total += c;
      e.casings.set(f, (e.casings.get(f) ?? 0) + c);
      byLower.set(key, e);
    }
    let word = "";
    let n = -1;
    for (const [w, e] of byLower) if (e.total > n || (e.total === n && (w.length < word.length || (w.length === word.length && w < word)))) [word, n] = [w, e.total];
    let best = "";
    let m = -1;
    for (const [f, c] of byLower.get(word)!.casings) if (c > m || (c === m && tieBreak(f, best) < 0)) [best, m] = [f, c];
    out.set(stem, best);
  }
  return out;
}

// Between casings of one word: prefer lower case, then alphabetical.
function tieBreak(a: string, b: string): number {
  const lowA = a === a.toLowerCase();
  const lowB = b === b.toLowerCase();
  if (lowA !== lowB) return lowA ? -1 : 1;
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
