// Stage 2b, the evidence beside shared bigrams: what one article gives for telling which briefing it reports, and
// what two articles share of it. Read by lib/events.ts, which says how the pieces combine and why (the numbers are
// there). Computed once per article (eventInput), in a worker thread when analyze runs.
//
// - Terms: the stems of its content words (tokens from lib/tokens.ts, stopwords and bare numbers dropped) with
//   their counts, for a tf-idf cosine: paraphrase keeps the words ("liberated 75% of Donetsk" / "control 75% of
//   Donetsk") when it breaks the pairs.
// - Specific figures: percentages, money, and counts of ten or more from lib/figures.ts, keyed by value and unit as
//   written out ("75%", "$70.2 billion", "6,060"); dates, ordinals, durations and small counts ("two sides") say
//   nothing about which briefing a report carries.
// - Names: the words of proper-noun sequences (capitalised, not stopwords, not a sentence's first word, not a month
//   or weekday), lower-cased: outlets spell a name differently ("Albert P. Khorev", "Khorev") but share its words.
// - Quotations: each quoted passage of four content-word pairs or more, as the hashes of those pairs, so a quotation
//   one outlet prints and another paraphrases in reported speech is still found in the other's text.
import type { Article } from "./types.js";
import { tokensOf, type Token } from "./tokens.js";
import { extractFigures, formatValue, type FigureMention } from "./figures.js";
import { fnv1a } from "./event-hashing.js";

/** What one article gives for grouping beyond its bigrams. */
export interface ArticleEvidence {
  /** Distinct content-word stem hashes, ascending. */
  terms: Uint32Array;
  /** How often each term occurs (parallel to `terms`). */
  counts: Uint16Array;
  /** Distinct specific figures as written out ("75%", "$70.2 billion"), sorted. */
  figures: string[];
  /** Distinct lower-case words of proper-noun sequences, sorted. */
  names: string[];
  /** The content-word pair hashes of each quotation, one after another (each quotation's ascending). */
  quotes: Uint32Array;
  /** Where each quotation ends in `quotes`. */
  quoteEnds: Uint32Array;
}

/** Counts of at least this are specific figures; smaller ones ("two sides", "three rounds") are not. */
const MIN_COUNT = 10;
/** A quotation needs this many content-word pairs to be evidence: shorter ones are stock phrases ("double standards"). */
const MIN_QUOTE_PAIRS = 4;
const NOT_NAMES = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr"]);

/** Is this figure specific enough to tell one briefing from another (a quantity, not a date, ordinal, duration or small count)? */
export function isSpecificFigure(f: Pick<FigureMention, "kind" | "value">): boolean {
  return f.kind === "percent" || f.kind === "money" || (f.kind === "count" && f.value >= MIN_COUNT);
}

/**
 * The terms, specific figures, names and quotations of one article.
 * @param figures The article's figures when already extracted (analyze has them); else extracted here.
 */
export function articleEvidence(article: Article, figures: FigureMention[] = extractFigures(article)): ArticleEvidence {
  const tokens = tokensOf(article);
  const counts = new Map<number, number>();
  const words: string[] = [];
  const wordAt: number[] = [];
  const names = new Set<string>();
  tokens.forEach((t, k) => {
    if (t.stop) return;
    words.push(t.stem);
    wordAt.push(k);
    if (!/^\d/.test(t.stem)) {
      const h = fnv1a(t.stem);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    if (isNameWord(t, tokens[k - 1])) names.add(t.lower.replace(/'s?$/, ""));
  });
  const terms = Uint32Array.from(counts.keys()).sort();
  const tf = Uint16Array.from(terms, (h) => Math.min(65_535, counts.get(h)!));
  const labels = new Set<string>();
  for (const f of figures) if (isSpecificFigure(f)) labels.add(formatValue(f.kind, f.value, f.unit, f.high));
  const quoted = quotations(article.text, tokens, words, wordAt);
  const ends = new Uint32Array(quoted.length);
  let total = 0;
  quoted.forEach((q, i) => (ends[i] = total += q.length));
  const quotes = new Uint32Array(total);
  quoted.forEach((q, i) => quotes.set(q, ends[i] - q.length));
  return { terms, counts: tf, figures: Array.from(labels).sort(), names: Array.from(names).sort(), quotes, quoteEnds: ends };
}

function isNameWord(t: Token, prev: Token | undefined): boolean {
  if (!prev || prev.sentence !== t.sentence) return false;
  const c = t.text.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && !/^\p{Lu}/u.test(t.text)) return false;
  return t.text.length > 1 && !/\d/.test(t.text) && !NOT_NAMES.has(t.lower);
}

const QUOTE = /“([^”]{12,}?)”|"([^"\n]{12,}?)"/g;

/** The content-word pair hashes of each quotation long enough to count, ascending, distinct. */
function quotations(text: string, tokens: Token[], words: string[], wordAt: number[]): Uint32Array[] {
  const out: Uint32Array[] = [];
  QUOTE.lastIndex = 0;
  let w = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    const start = m.index, end = m.index + m[0].length;
    while (w < words.length && tokens[wordAt[w]].start < start) w++;
    let last = w;
    while (last < words.length && tokens[wordAt[last]].end <= end) last++;
    if (last - w < MIN_QUOTE_PAIRS + 1) continue;
    const hs = new Uint32Array(last - w - 1);
    for (let k = w; k + 1 < last; k++) hs[k - w] = fnv1a(words[k] + " " + words[k + 1]);
    hs.sort();
    const distinct = hs.filter((h, i) => i === 0 || h !== hs[i - 1]);
    if (distinct.length >= MIN_QUOTE_PAIRS) out.push(distinct);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus weights and pair measures

/** Per article, the tf-idf weight of each of its terms, scaled so an article's vector has length 1. */
export function termWeights(evidence: ArticleEvidence[]): Float32Array[] {
  const df = new HashCounter(1 << 16);
  for (const e of evidence) for (let k = 0; k < e.terms.length; k++) df.add(e.terms[k]);
  const n = evidence.length;
  return evidence.map((e) => {
    const w = new Float32Array(e.terms.length);
    let norm = 0;
    for (let k = 0; k < w.length; k++) {
      // idf ln((n+1)/df): a word every article uses weighs almost nothing (in one speaker's archive, the talking
      // points), yet two articles alone still have a cosine.
      const v = (1 + Math.log(e.counts[k])) * Math.log((n + 1) / df.get(e.terms[k]));
      w[k] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) w[k] /= norm;
    return w;
  });
}

/** The cosine of two articles' tf-idf vectors (terms ascending, weights unit length). */
export function cosine(a: Uint32Array, wa: Float32Array, b: Uint32Array, wb: Float32Array): number {
  let i = 0, j = 0, dot = 0;
  while (i < a.length && j < b.length) {
    const x = a[i], y = b[j];
    if (x === y) dot += wa[i++] * wb[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** The strings two sorted lists share. */
export function shared(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** Share of a quotation's pairs another article's shingles must hold for the quotation to be shared. */
const QUOTE_FOUND = 0.6;

/** How many of one article's quotations the other article carries (quoted or in reported speech), the larger direction. */
export function sharedQuotes(a: ArticleEvidence, aShingles: Uint32Array, b: ArticleEvidence, bShingles: Uint32Array): number {
  return Math.max(quotesFound(a, bShingles), quotesFound(b, aShingles));
}

function quotesFound(e: ArticleEvidence, other: Uint32Array): number {
  let n = 0;
  for (let q = 0, from = 0; q < e.quoteEnds.length; from = e.quoteEnds[q++]) {
    let hit = 0;
    for (let k = from; k < e.quoteEnds[q]; k++) if (has(other, e.quotes[k])) hit++;
    if (hit >= QUOTE_FOUND * (e.quoteEnds[q] - from)) n++;
  }
  return n;
}

function has(sorted: Uint32Array, v: number): boolean {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === v) return true;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Counts of 32-bit keys in an open-addressed table (a Map of millions of numbers was the slow part). */
class HashCounter {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private size = 0;
  constructor(capacity: number) {
    this.keys = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
  }
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.counts[s] !== 0 && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }
  add(key: number): void {
    const s = this.slot(key);
    if (this.counts[s] === 0) {
      this.keys[s] = key;
      if (++this.size * 2 > this.keys.length) {
        this.counts[s] = 1;
        this.grow();
        return;
      }
    }
    this.counts[s]++;
  }
  get(key: number): number {
    return this.counts[this.slot(key)] || 1;
  }
  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    for (let s = 0; s < keys.length; s++) {
      if (!counts[s]) continue;
      const t = this.slot(keys[s]);
      this.keys[t] = keys[s];
      this.counts[t] = counts[s];
    }
  }
}

/** How many articles hold each string (figures, names), for telling rare ones from common ones. */
export function documentFrequency(lists: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const l of lists) for (const s of l) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}
