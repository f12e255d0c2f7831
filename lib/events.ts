// Stage 2b: articles → events. Several outlets report one briefing; an event groups them so later stages count
// the briefing once, and dates it from the evidence its reports agree on.
//
// Decisions:
// - Similarity is on content-word bigrams: tokens from lib/tokens.ts, stopwords dropped, stems kept. Reports of
//   one briefing are paraphrases ("Russian forces currently control 75% of Donetsk" / "the Russian armed forces
//   liberated 75% of the territory of the Donetsk People's Republic") that share few exact 5-word shingles, but
//   share content bigrams ("donetsk peopl", "kherson region"). On the seeds, reports of one briefing share
//   20–53% of the shorter report's bigrams; reports of different briefings 4–8%.
// - The measure is containment, |A ∩ B| / min(|A|, |B|), not Jaccard: a 360-word report of a 1,500-word statement
//   has a low Jaccard with it however faithful it is.
// - Candidates come from MinHash with LSH banding of one row per band (128 bands by default): paraphrases have a
//   Jaccard of 0.03–0.1, and wider bands would miss them. Each candidate pair is then checked exactly on sorted
//   shingle hashes, so the bands only decide which pairs are looked at. A band bucket holding more than
//   `maxBucket` articles (a wire story syndicated everywhere, or boilerplate) pairs each member only with its next
//   few in date order, so the number of pairs stays linear in the number of articles and copies still chain up.
// - Dates: articles within `windowDays` of each other (or undated) join at `near` containment (default 0.15).
//   Farther apart they join only at `copy` containment (default 0.5): a talking point repeated months later is a
//   paragraph, not most of an article, whereas a re-publication of the same text weeks later reports the same
//   briefing — it joins, keeps its own date and gets a warning, and keyness does not count that briefing twice.
// - An event's date is the briefing's date, so the evidence closest to the briefing wins: first statement dates
//   ("said on Tuesday", resolved against the article's date: the day the words were spoken), then datelines in
//   the text (the day the report was filed), then header and metadata dates (often publication, scrape or
//   placeholder dates, like 001's 2025-01-01), used only when no member has a date in its text. Within a tier,
//   the date most members give wins; a tie goes to the earliest (reports follow the briefing).
import type { Article } from "./types.js";
import { sentences, tokensOf } from "./tokens.js";
import { dateEvidence, days, eventDate, type DateEvidence } from "./event-dates.js";
import { countWords } from "./corpus.js";
import { intersectionScalar, intersectionSimd, minHashScalar, minHashSimd } from "./event-hashing.js";

export { dateEvidence, days, statementDate, type DateEvidence } from "./event-dates.js";

/** An article with its event and the date of the statement it reports (from "said on Tuesday"). */
export interface EventArticle extends Article {
  event: string | null;
  /** YYYY-MM-DD resolved from relative day words near a speech verb, against the article's own date; else null. */
  statementDate: string | null;
}

/** One briefing (or one article that matched nothing). */
export interface EventRow {
  /** Stable id: `ev-<date>-<hash of member ids>` (`ev-undated-…` when no member has a date). */
  event: string;
  date: string | null;
  /** Which evidence dated the event and from which articles, e.g. "dateline: 000_…". */
  dateFrom: string;
  articles: string[];
  outlets: string[];
  title: string;
}

export interface EventOptions {
  /** Words per shingle (content words, stemmed). Default 2. */
  shingle?: number;
  /** MinHash functions = LSH bands of one row. Default 128. */
  hashes?: number;
  /** Buckets with more articles than this pair each only with its next few by date. Default 50. */
  maxBucket?: number;
  /** Containment that joins two articles within `windowDays` of each other (or undated). Default 0.15. */
  near?: number;
  /** Containment that joins two articles farther apart: a copy or re-publication. Default 0.5. */
  copy?: number;
  /** Days apart that still count as "near", and beyond which an article's own date is warned about. Default 7. */
  windowDays?: number;
}

export interface EventsResult {
  articles: EventArticle[];
  events: EventRow[];
}

/**
 * Group articles that report one briefing into events and date each event.
 * @return Copies of the articles with `event` and `statementDate` set (undated ones take the event's date with
 *   `dateSource: "event"`; one dated more than `windowDays` from its event gets a warning naming both dates), and
 *   the events sorted by date (undated last). Defaults: bigrams, 128 hashes, near 0.15, copy 0.5, 7 days.
 */
export function assignEvents(articles: Article[], options: EventOptions = {}, inputs?: EventInput[]): EventsResult {
  const { shingle = 2, hashes = 128, maxBucket = 50, near = 0.15, copy = 0.5, windowDays = 7 } = options;
  for (const [name, v, lo] of [["shingle", shingle, 1], ["hashes", hashes, 1], ["maxBucket", maxBucket, 2], ["windowDays", windowDays, 0]] as const)
    if (!Number.isInteger(v) || v < lo) throw new RangeError(`assignEvents: ${name} must be a whole number ≥ ${lo}, not ${v}`);
  for (const [name, v] of [["near", near], ["copy", copy]] as const)
    if (!(v > 0 && v <= 1)) throw new RangeError(`assignEvents: ${name} must be a containment between 0 and 1, not ${v}`);
  if (inputs && inputs.length !== articles.length) throw new RangeError(`assignEvents: ${inputs.length} event inputs for ${articles.length} articles`);
  if (inputs?.some((x) => x.signature.length !== hashes)) throw new RangeError(`assignEvents: event inputs were computed with another number of hashes than ${hashes}`);

  const evidence = inputs ? inputs.map((x) => x.evidence) : articles.map((a) => dateEvidence(a));
  const own = evidence.map((e) => e.best);
  const sets = inputs ? inputs.map((x) => x.shingles) : articles.map((a) => shingleHashes(a, shingle));
  const uf = new UnionFind(articles.length);
  // Days since 1970 of each date, computed once per distinct date (most articles share their dates with others).
  const dayNumbers = new Map<string, number>();
  const dayOf = (date: string): number => {
    let n = dayNumbers.get(date);
    if (n === undefined) dayNumbers.set(date, (n = days(date)));
    return n;
  };
  const order = own.map((d) => (d ? dayOf(d) : Number.MAX_SAFE_INTEGER));
  // The same as typed arrays for the pair checks: reading the date strings there missed the cache.
  const dated = Uint8Array.from(own, (d) => (d ? 1 : 0));
  const dayOrder = Float64Array.from(order);
  // Every candidate pair is checked as candidatePairs would list it, but a pair already joined through others is
  // skipped (joining it again changes nothing: the groups are the connected pairs, whatever the order), and the
  // containment of two shingle sets is computed once however many copies of each there are.
  const same = sameSets(sets);
  const known = new Map<number, number>();
  const containmentOf = (i: number, j: number): number => {
    const a = same.id[i], b = same.id[j];
    const key = a < b ? a * same.count + b : b * same.count + a;
    let c = known.get(key);
    if (c === undefined) known.set(key, (c = containment(sets[i], sets[j])));
    return c;
  };
  const joins = (c: number, i: number, j: number): boolean => {
    const gap = dated[i] & dated[j] ? Math.abs(dayOrder[i] - dayOrder[j]) : 0;
    return c >= (gap <= windowDays ? near : copy);
  };
  const consider = (i: number, j: number) => {
    if (uf.find(i) !== uf.find(j) && joins(containmentOf(i, j), i, j)) uf.union(i, j);
  };
  // All pairs of a bucket, with copies (identical shingle sets) taken together: a story copied into every band's
  // bucket costs one check per band instead of one per pair of copies. Copies contain each other wholly, so they
  // join whatever their dates; two groups of copies join when one pair of them does.
  const [lo, hi] = [Math.min(near, copy), Math.max(near, copy)];
  const considerAll = (docs: number[]) => {
    const copies: number[][] = [];
    for (const d of docs) {
      const g = copies.find((g) => same.id[g[0]] === same.id[d]);
      if (g) g.push(d);
      else copies.push([d]);
    }
    for (const g of copies) for (let x = 1; x < g.length; x++) uf.union(g[0], g[x]);
    for (let x = 0; x < copies.length; x++) {
      for (let y = x + 1; y < copies.length; y++) {
        const [g, h] = [copies[x], copies[y]];
        if (uf.find(g[0]) === uf.find(h[0])) continue;
        const c = containmentOf(g[0], h[0]);
        if (c >= hi) uf.union(g[0], h[0]);
        else if (c >= lo) pairs: for (const i of g) for (const j of h) if (joins(c, i, j)) { uf.union(i, j); break pairs; }
      }
    }
  };
  const signatures = inputs ? inputs.map((x) => x.signature) : undefined;
  forEachBucket(sets, hashes, signatures, (docs) => {
    if (docs.length <= maxBucket) {
      const root = uf.find(docs[0]);
      if (!docs.every((d) => uf.find(d) === root)) considerAll(docs);
    } else {
      const sorted = byOrder(docs, order);
      for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + NEIGHBOURS && y < sorted.length; y++) consider(sorted[x], sorted[y]);
    }
  });

  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });

  // Object.assign rather than an object spread: the same own properties in the same order, but the copies share
  // one hidden class (built from {}): on 22,250 articles they were made 3 times and read 10 times faster.
  const out: EventArticle[] = articles.map((a, i) => Object.assign({}, a, { warnings: a.warnings.slice(), event: null, statementDate: evidence[i].statement }));
  const events: EventRow[] = [];
  for (const members of groups.values()) {
    const { date, dateFrom } = eventDate(members.map((i) => ({ id: articles[i].id, ev: evidence[i] })));
    const ids = members.map((i) => articles[i].id).sort();
    const event = `ev-${date ?? "undated"}-${fnv1a(ids.join("\n")).toString(16).padStart(8, "0").slice(0, 6)}`;
    for (const i of members) {
      const a = out[i];
      a.event = event;
      if (!date) continue;
      if (!evidence[i].articleDate) {
        a.date = date;
        a.dateSource = "event";
        const w = `no date of its own; dated ${date} from the event it reports (${event})`;
        if (!a.warnings.includes(w)) a.warnings.push(w);
      } else if (Math.abs(dayOf(evidence[i].articleDate!) - dayOf(date)) > windowDays) {
        const w = `date ${evidence[i].articleDate} (${a.dateSource}) is ${Math.abs(dayOf(evidence[i].articleDate!) - dayOf(date))} days from ${date}, the date of the event it reports (${event}); kept`;
        if (!a.warnings.includes(w)) a.warnings.push(w);
      }
    }
    const byId = new Map(members.map((i) => [articles[i].id, i]));
    const titled = ids.find((id) => date !== null && evidence[byId.get(id)!].dates.includes(date)) ?? ids[0];
    events.push({
      event,
      date,
      dateFrom,
      articles: ids,
      outlets: Array.from(new Set(ids.map((id) => articles[byId.get(id)!].outlet).filter((o): o is string => !!o))).sort(),
      title: articles[byId.get(titled)!].title,
    });
  }
  events.sort((a, b) => (a.date === b.date ? (a.event < b.event ? -1 : 1) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
  return { articles: out, events };
}

/** What assignEvents reads from one article, computed once per article (a worker thread can compute it beside the article's other stages). */
export interface EventInput {
  evidence: DateEvidence;
  /** shingleHashes(article, shingle). */
  shingles: Uint32Array;
  /** minHashSignature(shingles, hashes). */
  signature: Uint32Array;
}

/**
 * The date evidence, shingle hashes and MinHash signature of one article, for `assignEvents(articles, options, inputs)`.
 * Options must be the ones later given to assignEvents (defaults: bigrams, 128 hashes).
 */
export function eventInput(article: Article, options: Pick<EventOptions, "shingle" | "hashes"> = {}): EventInput {
  const { shingle = 2, hashes = 128 } = options;
  const shingles = shingleHashes(article, shingle);
  return { evidence: dateEvidence(article), shingles, signature: minHashSignature(shingles, hashes) };
}

// ---------------------------------------------------------------------------------------------------------------
// Shingles, MinHash, LSH

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads the bits of a 32-bit value so seeded variants behave as independent hashes. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The sorted, distinct hashes of an article's content-word shingles. */
export function shingleHashes(article: Pick<Article, "text">, size = 2): Uint32Array {
  const words: string[] = [];
  for (const t of tokensOf(article)) if (!t.stop) words.push(t.stem);
  if (words.length < size) return words.length ? Uint32Array.of(fnv1a(words.join(" "))) : new Uint32Array(0);
  // fnv1a(words.slice(i, i + size).join(" ")), without building the strings.
  const hs = new Uint32Array(words.length - size + 1);
  for (let i = 0; i < hs.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < size; k++) {
      if (k) h = Math.imul(h ^ 32, 0x01000193);
      const w = words[i + k];
      for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), 0x01000193);
    }
    hs[i] = h >>> 0;
  }
  sortUint32(hs);
  let n = 0;
  for (let i = 0; i < hs.length; i++) if (i === 0 || hs[i] !== hs[i - 1]) hs[n++] = hs[i];
  return hs.slice(0, n);
}

// Scratch for sortUint32, reused from call to call.
let sortTmp = new Uint32Array(1024);
const sortCounts = new Uint32Array(4 * 256);

/**
 * Sort 32-bit values ascending, in place: an LSD radix sort in four passes of 8 bits (the four histograms counted
 * in one read). On article-sized arrays it takes a quarter of the time of TypedArray.prototype.sort, which was the
 * largest part of shingleHashes. Short arrays go to the built-in sort.
 */
function sortUint32(a: Uint32Array): void {
  const n = a.length;
  if (n < 64) {
    a.sort();
    return;
  }
  if (sortTmp.length < n) sortTmp = new Uint32Array(2 * n);
  const counts = sortCounts;
  counts.fill(0);
  for (let x = 0; x < n; x++) {
    const v = a[x];
    counts[v & 255]++;
    counts[256 + ((v >>> 8) & 255)]++;
    counts[512 + ((v >>> 16) & 255)]++;
    counts[768 + (v >>> 24)]++;
  }
  for (let d = 0; d < 1024; d += 256) {
    for (let b = d, sum = 0; b < d + 256; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
  }
  // Four stable scatters, a -> tmp -> a -> tmp -> a.
  let from: Uint32Array = a, to: Uint32Array = sortTmp;
  for (let d = 0, shift = 0; d < 1024; d += 256, shift += 8) {
    for (let x = 0; x < n; x++) {
      const v = from[x];
      to[counts[d + ((v >>> shift) & 255)]++] = v;
    }
    [from, to] = [to, from];
  }
}

/** A number per distinct shingle set (equal arrays, equal number) and how many distinct sets there are. */
function sameSets(sets: Uint32Array[]): { id: Int32Array; count: number } {
  const id = new Int32Array(sets.length);
  const firsts: number[] = [];
  const byHash = new Map<number, number[]>();
  sets.forEach((set, i) => {
    let h = set.length;
    for (let k = 0; k < set.length; k++) h = Math.imul(h ^ set[k], 0x01000193);
    const candidates = byHash.get(h) ?? [];
    let found = candidates.find((c) => equalArrays(sets[firsts[c]], set));
    if (found === undefined) {
      found = firsts.length;
      firsts.push(i);
      candidates.push(found);
      byHash.set(h, candidates);
    }
    id[i] = found;
  });
  return { id, count: firsts.length };
}

function equalArrays(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** |A ∩ B| / min(|A|, |B|) of two sorted hash arrays (0 when either is empty). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  // Most of assignEvents' pair checks: the WebAssembly SIMD count (same number) runs 2-3 times faster.
  const simd = intersectionSimd();
  return (simd ? simd(a, b) : intersectionScalar(a, b)) / Math.min(a.length, b.length);
}

/** Members of an oversized bucket are paired with this many next members in `order`. */
const NEIGHBOURS = 3;

/**
 * Pairs [i, j] (i < j) that share a MinHash value under at least one of `hashes` seeded hash functions.
 * A bucket larger than `maxBucket` pairs each member with its next few in `order` (e.g. days since 1970) instead of all.
 */
export function candidatePairs(sets: Uint32Array[], hashes: number, maxBucket: number, order: number[] = [], signatures?: Uint32Array[]): Array<[number, number]> {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = sets.length;
  const add = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = a * n + b;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([a, b]);
  };
  forEachBucket(sets, hashes, signatures, (docs) => {
    if (docs.length <= maxBucket) {
      for (let x = 0; x < docs.length; x++) for (let y = x + 1; y < docs.length; y++) add(docs[x], docs[y]);
      return;
    }
    const sorted = byOrder(docs, order);
    for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y <= x + NEIGHBOURS && y < sorted.length; y++) add(sorted[x], sorted[y]);
  });
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function byOrder(docs: number[], order: number[]): number[] {
  const key = (i: number) => order[i] ?? Number.MAX_SAFE_INTEGER;
  return docs.slice().sort((i, j) => key(i) - key(j) || i - j);
}

const seedCache = new Map<number, Uint32Array>();

/** The seeds of the `hashes` hash functions: fixed, so signatures computed in different threads agree. */
function minHashSeeds(hashes: number): Uint32Array {
  let seeds = seedCache.get(hashes);
  if (!seeds) {
    seeds = new Uint32Array(hashes);
    let s = 0x9e3779b9;
    for (let k = 0; k < hashes; k++) seeds[k] = s = fmix32(s + 0x6d2b79f5);
    seedCache.set(hashes, seeds);
  }
  return seeds;
}

/** The MinHash signature of a set of shingle hashes: per seeded hash function, the least value over the set (all 0xffffffff for an empty set). */
export function minHashSignature(set: Uint32Array, hashes = 128): Uint32Array {
  // Most of the per-article event cost: the WebAssembly SIMD copy (same values) runs about 6 times faster.
  const simd = hashes % 8 === 0 ? minHashSimd() : null;
  return simd ? simd(set, minHashSeeds(hashes)) : minHashScalar(set, minHashSeeds(hashes));
}

/**
 * Call `visit` with each LSH bucket of two or more documents: per hash function (a band of one row), the documents
 * sharing their least hash, in document order (in one array reused for every bucket: copy it to keep it).
 * Documents without shingles are in none. One band at a time, grouped by sorting (least hash, document), so no map
 * of every bucket is kept.
 */
function forEachBucket(sets: Uint32Array[], hashes: number, signatures: Uint32Array[] | undefined, visit: (docs: number[]) => void): void {
  const docs: number[] = [];
  const sigs: Uint32Array[] = [];
  sets.forEach((set, doc) => {
    if (!set.length) return;
    docs.push(doc);
    sigs.push(signatures ? signatures[doc] : minHashSignature(set, hashes));
  });
  // Per band, the documents sorted by (least hash, document): an LSD radix sort of the 32-bit values in three
  // passes of 11 bits, stable, so documents with one value stay in document order. (Sorting 2^21-scaled doubles
  // with Float64Array.sort gave the same order and was most of this function's time.) The signatures are first
  // copied into one array, then 16 bands at a time out to band-major rows: reading one value per signature and
  // band from thousands of small arrays spread over the heap missed the cache on nearly every read.
  const n = docs.length;
  const flat = new Uint32Array(n * hashes);
  for (let x = 0; x < n; x++) flat.set(sigs[x], x * hashes);
  const scratch = radixScratch(n);
  const BLOCK = 16;
  const block = new Uint32Array(BLOCK * n);
  // One array for every bucket: visit must not keep it.
  const bucket: number[] = [];
  for (let k0 = 0; k0 < hashes; k0 += BLOCK) {
    const width = Math.min(BLOCK, hashes - k0);
    for (let x = 0; x < n; x++) {
      const from = x * hashes + k0;
      for (let b = 0; b < width; b++) block[b * n + x] = flat[from + b];
    }
    for (let b = 0; b < width; b++) {
      const { keys, idx } = radixSort(block.subarray(b * n, (b + 1) * n), scratch);
      for (let x = 0; x < n; ) {
        const min = keys[x];
        let y = x + 1;
        while (y < n && keys[y] === min) y++;
        if (y - x >= 2) {
          bucket.length = 0;
          for (let z = x; z < y; z++) bucket.push(docs[idx[z]]);
          visit(bucket);
        }
        x = y;
      }
    }
  }
}

type RadixScratch = { keys: Uint32Array; idx: Uint32Array; keys2: Uint32Array; idx2: Uint32Array; count: Uint32Array };

function radixScratch(n: number): RadixScratch {
  return { keys: new Uint32Array(n), idx: new Uint32Array(n), keys2: new Uint32Array(n), idx2: new Uint32Array(n), count: new Uint32Array(3 * 2048) };
}

/**
 * The values sorted, with their positions, stable: LSD radix in three passes of 11 bits (the three histograms
 * counted in one read). The result lives in the scratch arrays, until the next call.
 */
function radixSort(values: Uint32Array, s: RadixScratch): { keys: Uint32Array; idx: Uint32Array } {
  const { keys, idx, keys2, idx2, count } = s;
  const n = values.length;
  count.fill(0);
  for (let x = 0; x < n; x++) {
    const v = values[x];
    count[v & 2047]++;
    count[2048 + ((v >>> 11) & 2047)]++;
    count[4096 + (v >>> 22)]++;
  }
  for (let d = 0; d < 3 * 2048; d += 2048) {
    for (let b = d, sum = 0; b < d + 2048; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
  }
  for (let x = 0; x < n; x++) {
    const v = values[x];
    const p = count[v & 2047]++;
    keys2[p] = v;
    idx2[p] = x;
  }
  for (let x = 0; x < n; x++) {
    const v = keys2[x];
    const p = count[2048 + ((v >>> 11) & 2047)]++;
    keys[p] = v;
    idx[p] = idx2[x];
  }
  for (let x = 0; x < n; x++) {
    const v = keys[x];
    const p = count[4096 + (v >>> 22)]++;
    keys2[p] = v;
    idx2[p] = idx[x];
  }
  return { keys: keys2, idx: idx2 };
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Event texts: one document per event, each sentence the reports share counted once

/** One event as a document: the member articles' sentences, near-duplicates kept once, in article then text order. */
export interface EventDocument {
  id: string;
  date: string | null;
  text: string;
  words: number;
  /** The member articles. */
  articles: string[];
  /** Sentences seen across the members, and how many were dropped as near-duplicates of a longer one. */
  sentences: number;
  duplicates: number;
}

/** An event document as an Article-shaped unit, so the per-article stages (themes, keyness) count it like one. */
export function eventUnit(d: EventDocument): Article {
  return { id: d.id, file: "", title: d.id, outlet: null, url: null, date: d.date, dateSource: null, text: d.text, words: d.words, warnings: [] };
}

/** Share of a sentence's word bigrams found in a longer kept sentence above which it is a copy of it. */
const DUPLICATE_SENTENCE = 0.7;

/**
 * Build one document per event, so a sentence three outlets copied counts once. Sentences are taken longest first;
 * one whose word bigrams are at least 70% inside an already kept sentence is a near-duplicate and is dropped
 * ("said that" or a changed conjunction does not make a new sentence).
 * @return One document per event in `events` order; text is the kept sentences, one per line.
 */
export function eventDocuments(articles: Array<Article & { event?: string | null }>, events: EventRow[]): EventDocument[] {
  const byEvent = new Map<string, Article[]>();
  for (const a of articles) if (a.event) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a]);
  return events.map((e) => {
    const members = byEvent.get(e.event) ?? [];
    const all: Array<{ text: string; order: number; grams: Set<string>; size: number }> = [];
    members.forEach((a, ai) => {
      const tokens = tokensOf(a);
      for (const s of sentences(a.text, tokens)) {
        const words = tokens.slice(s.first, s.last).map((t) => t.lower);
        const grams = new Set<string>();
        for (let i = 0; i + 2 <= words.length; i++) grams.add(words[i] + " " + words[i + 1]);
        if (!grams.size && words.length) grams.add(words[0]);
        all.push({ text: a.text.slice(s.start, s.end).replace(/\s+/g, " "), order: ai * 1e9 + s.start, grams, size: words.length });
      }
    });
    const byLength = all.slice().sort((x, y) => y.size - x.size || x.order - y.order);
    const kept: typeof all = [];
    const index = new Map<string, number[]>();
    for (const s of byLength) {
      const shared = new Map<number, number>();
      for (const g of s.grams) for (const k of index.get(g) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
      let copy = false;
      for (const n of shared.values()) if (n >= DUPLICATE_SENTENCE * s.grams.size) { copy = true; break; }
      if (copy) continue;
      const k = kept.length;
      kept.push(s);
      for (const g of s.grams) {
        const list = index.get(g);
        if (list) list.push(k);
        else index.set(g, [k]);
      }
    }
    kept.sort((x, y) => x.order - y.order);
    const text = kept.map((s) => s.text).join("\n");
    return { id: e.event, date: e.date, text, words: countWords(text), articles: e.articles, sentences: all.length, duplicates: all.length - kept.length };
  });
}

/**
 * Grouping keys for counts such as themeReach: the event an article reports, and that event's month
 * (the periods the shift and the timeline compare). Articles must come from assignEvents.
 */
export function eventKeys(events: EventRow[]): { events: (a: Article) => string | null; periods: (a: Article) => string | null } {
  const month = new Map(events.map((e) => [e.event, e.date ? e.date.slice(0, 7) : null]));
  const eventOf = (a: Article) => (a as EventArticle).event ?? null;
  return { events: eventOf, periods: (a) => month.get(eventOf(a) ?? "") ?? null };
}
