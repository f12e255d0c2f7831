// Stage 3b: tokens → recurring phrases. The phrases nobody named: word sequences the corpus repeats across articles,
// found by hashing n-grams of stems (one pass per length, longer ones only where shorter ones recur), never by
// comparing articles pairwise.
//
// Names and titles are set apart (kind "name"): "Russian Ambassador to Pakistan Albert P. Khorev" recurs because every
// outlet introduces the speaker, not because it is a talking point (on the seeds it and its parts were 4 of the 10 most
// shared phrases). A phrase is a name when each word is a title (ambassador, minister, …), a word this corpus
// writes with a capital when it is not the first of a sentence (Russian, Pakistan, Khorev: capitalised in at least
// 70% of such places), an initial, a number in a date, or a stopword inside it; "Special Military Operation" in a headline is
// not, because this corpus writes "military" in lower case.
import type { Article } from "./types.js";
import { isStopword, tokenize, tokensOf, type Token } from "./tokens.js";

export interface PhraseOptions {
  /** Shortest phrase, in words. Default 2. */
  min?: number;
  /** Longest n-gram counted, in words. Default 6. Runs of recurring n-grams still join into longer phrases. */
  max?: number;
  /** Distinct articles a phrase must appear in. Default 2. */
  minArticles?: number;
}

/** A phrase that recurs across articles. */
export type Phrase = {
  /** Its most frequent written form. */
  phrase: string;
  /** Distinct articles it appears in. */
  articles: number;
  /** Occurrences in all articles. */
  count: number;
  /** "name": only names and titles ("Russian Ambassador to Pakistan Albert P. Khorev"); "phrase": a possible talking point. */
  kind: "phrase" | "name";
};

/** Titles and forms of address that make a phrase a name when the rest is names: "Foreign Minister", "H.E.". */
const TITLES = new Set(("ambassador ambassadors envoy envoys minister ministers president presidents prime secretary spokesperson spokesman " +
  "spokeswoman deputy foreign affairs director general chairman chairwoman chair head chief excellency mr mrs ms dr sir " +
  "h.e embassy ministry consul consulate senator governor mayor chancellor king queen prince special representative " +
  "permanent counsellor counselor attaché plenipotentiary extraordinary commissioner advisor adviser").split(" "));

const MONTHS = new Set("january february march april may june july august september october november december".split(" "));

/**
 * Which written words this corpus spells with a capital: a word counts when at least 70% of its occurrences that do
 * not start a sentence begin with an upper-case letter. A word seen only at sentence starts counts when written so.
 * @return A test on a word as written (its lower-case form is looked up).
 */
export function capitalWords(docs: Array<{ tokens: Token[] }>): (word: string) => boolean {
  const seen = new Map<string, [number, number]>();
  for (const d of docs) {
    const T = d.tokens;
    for (let i = 1; i < T.length; i++) {
      const t = T[i];
      if (t.sentence !== T[i - 1].sentence) continue;
      const c = t.text.charCodeAt(0);
      if (c < 65 && c >= 48 && c <= 57) continue; // digits: neither
      const e = seen.get(t.lower) ?? [0, 0];
      e[0]++;
      if (t.text[0] !== t.text[0].toLowerCase()) e[1]++;
      seen.set(t.lower, e);
    }
  }
  return (word) => {
    const e = seen.get(word.toLowerCase().replace(/’/g, "'"));
    return e ? e[1] >= 0.7 * e[0] : word[0] !== word[0].toLowerCase();
  };
}

/** Whether a phrase is only names and titles (see the top of this file), given the corpus's capital words. */
export function isNamePhrase(phrase: string, capital: (word: string) => boolean): boolean {
  const T = tokenize(phrase);
  const dated = T.some((t) => MONTHS.has(t.lower));
  let named = false;
  for (let i = 0; i < T.length; i++) {
    const t = T[i];
    const lower = t.lower.replace(/'s$/, "");
    if (/^\p{N}/u.test(lower)) { if (dated) continue; return false; } // "June 2024" is a date; "99% of the Luhansk" is not a name
    if (/^\p{L}(\.\p{L})*$/u.test(lower) && t.text[0] !== t.text[0].toLowerCase()) continue; // the initial in "Albert P. Khorev", "U.S."
    if (TITLES.has(lower)) { named = true; continue; }
    if (i > 0 && i < T.length - 1 && isStopword(lower) && t.text === t.lower) continue; // "of", "to" inside
    if (t.text[0] === t.text[0].toLowerCase() || !capital(t.text.replace(/['’]s$/, ""))) return false;
    named = true;
  }
  return named;
}

/**
 * Phrases of `min`–`max` words that recur in at least `minArticles` articles. Words are compared by stem; a phrase
 * neither starts nor ends with a stopword and stays inside one sentence. Where recurring `max`-word n-grams follow
 * each other in the same articles they join into one longer phrase. A phrase is dropped when a longer one containing
 * it appears in exactly the same articles, so only maximal phrases remain.
 * @return Phrases, most articles first, then longest, then most frequent. Defaults: min 2, max 6, minArticles 2.
 */
export function recurringPhrases(articles: Article[], options: PhraseOptions = {}): Phrase[] {
  const { min = 2, max = 6, minArticles = 2 } = options;
  for (const [name, v] of [["min", min], ["max", max], ["minArticles", minArticles]] as const)
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`recurringPhrases: ${name} must be a whole number ≥ 1, not ${v}`);
  if (max < min) throw new RangeError(`recurringPhrases: max (${max}) is smaller than min (${min})`);
  const docs = articles.map((a) => ({ text: a.text, tokens: tokensOf(a) }));
  const capital = capitalWords(docs);
  return findPhrases(docs, min, max, minArticles).map((p) => ({ ...p, kind: isNamePhrase(p.phrase, capital) ? "name" : "phrase" }));
}

interface Doc {
  text: string;
  tokens: Token[];
}

interface Gram {
  /** Article indices, ascending, each once. */
  docs: number[];
  count: number;
}

const keyOf = (tokens: Token[], p: number, n: number) => {
  let k = tokens[p].stem;
  for (let i = p + 1; i < p + n; i++) k += " " + tokens[i].stem;
  return k;
};
const inSentence = (tokens: Token[], p: number, n: number) => p + n <= tokens.length && tokens[p].sentence === tokens[p + n - 1].sentence;
const edgesOk = (tokens: Token[], p: number, n: number) => !tokens[p].stop && !tokens[p + n - 1].stop;

function findPhrases(docs: Doc[], min: number, max: number, minArticles: number): Array<Omit<Phrase, "kind">> {
  // 1. Count n-grams of stems (stopword edges included: long phrases are chained through them), level by level: an
  //    n-gram can recur in minArticles articles only where the two (n−1)-grams it is made of do, so longer grams are
  //    counted only there. Exact, and on the 2,225 BBC articles it keeps the map to the recurring few instead of every
  //    n-gram of the corpus (the unpruned count spent most of its time collecting garbage).
  const grams = new Map<string, Gram>();
  const add = (k: string, di: number) => {
    const g = grams.get(k);
    if (!g) grams.set(k, { docs: [di], count: 1 });
    else {
      g.count++;
      if (g.docs[g.docs.length - 1] !== di) g.docs.push(di);
    }
  };
  const recurring = (k: string) => (grams.get(k)?.docs.length ?? 0) >= minArticles;
  // keys[di][p]: the key of the (n−1)-gram at p when it recurs, else null.
  let keys: Array<Array<string | null>> = docs.map((d) => d.tokens.map((t) => t.stem));
  for (let n = min; n <= max; n++) {
    const next: Array<Array<string | null>> = docs.map((d, di) => {
      const T = d.tokens;
      const out: Array<string | null> = new Array(T.length).fill(null);
      for (let p = 0; p + n <= T.length; p++) {
        if (!inSentence(T, p, n)) continue;
        let k: string;
        if (n === min) k = keyOf(T, p, n);
        else {
          const a = keys[di][p];
          if (a === null || keys[di][p + 1] === null) continue;
          k = a + " " + T[p + n - 1].stem;
        }
        add(k, di);
        out[p] = k;
      }
      return out;
    });
    for (const [k, g] of grams) if (g.docs.length < minArticles) grams.delete(k);
    keys = next.map((list) => list.map((k) => (k !== null && recurring(k) ? k : null)));
  }
  const recurs = (k: string) => (grams.get(k)?.docs.length ?? 0) >= minArticles;

  // 2. Where each recurring n-gram occurs.
  const where = new Map<string, Array<[number, number]>>();
  docs.forEach((d, di) => {
    for (let p = 0; p < d.tokens.length; p++)
      for (let n = min; n <= max && inSentence(d.tokens, p, n); n++) {
        const k = keyOf(d.tokens, p, n);
        // A gram whose prefix does not recur does not either: longer ones from p need not be looked at.
        if (!recurs(k)) break;
        const list = where.get(k);
        if (list) list.push([di, p]);
        else where.set(k, [[di, p]]);
      }
  });

  // 3. Candidate phrases: recurring n-grams with content-word edges, and longer runs of recurring max-grams.
  const phrases = new Map<string, { length: number; occurrences: Array<[number, number]> }>();
  for (const [k, occ] of where) {
    const [di, p] = occ[0];
    const n = k.split(" ").length;
    if (edgesOk(docs[di].tokens, p, n)) phrases.set(k, { length: n, occurrences: occ });
  }
  for (const [k, length] of longCandidates(docs, grams, max, minArticles)) {
    const occ = longOccurrences(docs, where, k, length, max);
    if (new Set(occ.map((o) => o[0])).size >= minArticles) phrases.set(k, { length, occurrences: occ });
  }

  // 4. Keep maximal phrases: drop one whose article set equals that of a longer phrase containing it.
  const docsOf = new Map<string, string>();
  for (const [k, ph] of phrases) docsOf.set(k, Array.from(new Set(ph.occurrences.map((o) => o[0]))).sort((a, b) => a - b).join(","));
  const dropped = new Set<string>();
  for (const k of phrases.keys()) {
    const stems = k.split(" ");
    const sig = docsOf.get(k);
    for (let i = 0; i < stems.length; i++)
      for (let j = i + min; j <= stems.length; j++) {
        if (j - i === stems.length) continue;
        const sub = stems.slice(i, j).join(" ");
        if (sub !== k && docsOf.get(sub) === sig) dropped.add(sub);
      }
  }

  // 5. Show each in its most frequent written form; rank.
  const out: Array<Omit<Phrase, "kind"> & { length: number }> = [];
  for (const [k, ph] of phrases) {
    if (dropped.has(k)) continue;
    const forms = new Map<string, number>();
    for (const [di, p] of ph.occurrences) {
      const t = docs[di].tokens;
      const f = writtenForm(docs[di].text, t[p].start, t[p + ph.length - 1].end);
      forms.set(f, (forms.get(f) ?? 0) + 1);
    }
    let best = "";
    let bestN = 0;
    for (const [f, c] of forms) if (c > bestN) [best, bestN] = [f, c];
    out.push({ phrase: best, articles: docsOf.get(k)!.split(",").length, count: ph.occurrences.length, length: ph.length });
  }
  out.sort((a, b) => b.articles - a.articles || b.length - a.length || b.count - a.count || (a.phrase.toLowerCase() < b.phrase.toLowerCase() ? -1 : a.phrase.toLowerCase() > b.phrase.toLowerCase() ? 1 : 0));
  return out.map(({ phrase, articles, count }) => ({ phrase, articles, count }));
}

/**
 * Phrases longer than `max`: in each article, runs of consecutive positions whose max-gram recurs. A run is cut where
 * the set of articles sharing every window so far would fall below minArticles; each stretch between points where the
 * article set changes is a candidate, trimmed of stopword edges. Returns stem keys with their length in words.
 */
function longCandidates(docs: Doc[], grams: Map<string, Gram>, max: number, minArticles: number): Map<string, number> {
  const out = new Map<string, number>();
  docs.forEach((d) => {
    const T = d.tokens;
    const setAt = (p: number): number[] | null => {
      if (!inSentence(T, p, max)) return null;
      const g = grams.get(keyOf(T, p, max));
      return g && g.docs.length >= minArticles ? g.docs : null;
    };
    for (let p = 0; p < T.length; ) {
      if (!setAt(p)) { p++; continue; }
      let q = p;
      while (q + 1 < T.length && setAt(q + 1)) q++;
      if (q > p) addRunCandidates(T, p, q, max, minArticles, setAt, out);
      p = q + 1;
    }
  });
  return out;
}

function addRunCandidates(T: Token[], p: number, q: number, max: number, minArticles: number,
  setAt: (p: number) => number[] | null, out: Map<string, number>): void {
  const sets: number[][] = [];
  for (let i = p; i <= q; i++) sets.push(setAt(i)!);
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < sets.length; i++) {
    if (i === 0 || !same(sets[i], sets[i - 1])) starts.push(i);
    if (i === sets.length - 1 || !same(sets[i], sets[i + 1])) ends.push(i);
  }
  for (const s of starts) {
    let shared = sets[s];
    let e = s;
    for (const end of ends) {
      if (end <= s) continue;
      for (; e < end; ) shared = intersect(shared, sets[++e]);
      if (shared.length < minArticles) break;
      let a = p + s;
      let b = p + end + max; // exclusive
      while (a < b && T[a].stop) a++;
      while (b > a && T[b - 1].stop) b--;
      if (b - a > max) out.set(keyOf(T, a, b - a), b - a);
    }
  }
}

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return out;
}

/** Where a long phrase occurs: the occurrences of its first max-gram that go on to match every stem. */
function longOccurrences(docs: Doc[], where: Map<string, Array<[number, number]>>, key: string, length: number, max: number): Array<[number, number]> {
  const stems = key.split(" ");
  const first = stems.slice(0, max).join(" ");
  const out: Array<[number, number]> = [];
  for (const [di, p] of where.get(first) ?? []) {
    const T = docs[di].tokens;
    if (!inSentence(T, p, length)) continue;
    let ok = true;
    for (let i = max; i < length && ok; i++) ok = T[p + i].stem === stems[i];
    if (ok) out.push([di, p]);
  }
  return out;
}

const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "”": "“", "’": "‘", "»": "«" };
const countOf = (s: string, c: string) => s.split(c).length - 1;

/** The text from start to end on one line, with a closing bracket or quote added when the phrase opened one. */
function writtenForm(text: string, start: number, end: number): string {
  let s = text.slice(start, end);
  for (let c = text[end]; c; c = text[++end]) {
    const open = CLOSERS[c];
    const unbalanced = c === '"' ? countOf(s, '"') % 2 === 1 : open !== undefined && countOf(s, open) > countOf(s, c);
    if (!unbalanced) break;
    s += c;
  }
  return s.replace(/\s+/g, " ");
}
