// What a figure measures and how it is hedged: the noun phrase after or before it (parts of speech from natural's
// Brill lexicon, first tag) and the qualifier just before it ("over", "at least", "approximately").
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Ctx, clean, isHyphen, wordAt } from "./figure-context.js";
import { BIG_SCALES, prevSolid, skipGap, wordTable, type Token, type WordTable } from "./numbers.js";

export const UNITS_OR_TENS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]);

export function moneyWhat(ctx: Ctx, i0: number, i1: number): string {
  const after = npAfter(ctx, i1, true) || inPhrase(ctx, i1);
  if (after) return after;
  return npBeforeResolved(ctx, qualifierBefore(ctx.toks, i0).i0);
}

// Heads of an "in" phrase that say when or where, not what: "$5 billion in 2024", "in the first quarter".
const TIME_OR_PLACE_HEADS = new Set(["year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days",
  "period", "half", "term", "time", "decade", "region", "country", "city", "area", "total", "all", "cash"]);

/** "$70 billion in military and financial support": the subject after the amount, when "in" leads to a common noun. */
export function inPhrase(ctx: Ctx, k: number): string {
  const { toks } = ctx;
  const p = skipGap(toks, k);
  if (p === k || wordAt(toks, p) !== "in") return "";
  const np = npAfter(ctx, p + 1, false);
  if (!np) return "";
  const words = np.split(" ");
  const head = words[words.length - 1];
  // a name ("in Ukraine") or a time ("in the first quarter") is where or when the money went, not what it bought
  if (TIME_OR_PLACE_HEADS.has(head.toLowerCase()) || /^\p{Lu}/u.test(head)) return "";
  return np;
}

// Heads that say "how much" and nothing of what: with "its"/"their" before them the subject is in the sentence before.
const GENERIC_HEADS = new Set(["amount", "total", "sum", "value", "volume", "figure", "number", "cost", "size", "scale"]);

/**
 * npBefore, and when that finds only "its total amount", the subject "its" points back to: the last noun phrase
 * with a common-noun head in the sentence before ("… Western financial and military aid to Kiev. Since then, its
 * total amount has exceeded $350 billion" → "Western financial and military aid").
 */
export function npBeforeResolved(ctx: Ctx, k: number): string {
  const span = npBeforeSpan(ctx, k);
  if (!span) return "";
  const { toks } = ctx;
  if (!GENERIC_HEADS.has(toks[span.last].lower)) return span.what;
  const p = prevSolid(toks, span.first);
  if (p < 0 || (toks[p].lower !== "its" && toks[p].lower !== "their")) return span.what;
  return antecedent(ctx, p) || span.what;
}

const ATTACHING = new Set(["to", "for", "from", "on", "with", "against", "in"]);

/** The last noun phrase headed by a common noun in the sentence before token k (stopping at the sentence before that). */
function antecedent(ctx: Ctx, k: number): string {
  const { toks } = ctx;
  let j = k - 1;
  // back to the end of the previous sentence
  while (j >= 0 && !(toks[j].type === "punct" && (toks[j].text === "." || toks[j].text === "!" || toks[j].text === "?"))) j--;
  for (let m = j - 1, seen = 0; m >= 0 && seen < 40; m--, seen++) {
    const t = toks[m];
    if (t.type === "punct" && (t.text === "." || t.text === "!" || t.text === "?")) break;
    if (t.type !== "word") continue;
    const tag = tagOf(t);
    if ((tag === "NN" || tag === "NNS") && !/^\p{Lu}/u.test(t.text) && !GENERIC_HEADS.has(t.lower)) {
      const span = npBeforeSpan(ctx, m + 1, false);
      if (!span) continue;
      // "assistance to refugees", "aid for Kiev": the phrase the last preposition hangs from
      const p = prevSolid(toks, span.first);
      if (p > 0 && ATTACHING.has(toks[p].lower)) {
        const head = npBeforeSpan(ctx, p, false);
        if (head && !/^\p{Lu}/u.test(toks[head.last].text)) return head.what;
      }
      return span.what;
    }
  }
  return "";
}

export function percentWhat(ctx: Ctx, end: number, qStart: number): string {
  return ofPhrase(ctx, end) || npAfter(ctx, end, false) || npBefore(ctx, qStart);
}

/** "… of the territory of the Kursk region" → "territory of the Kursk region". */
export function ofPhrase(ctx: Ctx, k: number): string {
  const p = skipGap(ctx.toks, k);
  if (p === k || wordAt(ctx.toks, p) !== "of") return "";
  return npAfter(ctx, p + 1, false);
}

// ---- qualifiers ------------------------------------------------------------------------------------------------

const QUALIFIERS = [
  "no fewer than", "no less than", "no more than", "not more than", "not less than", "as many as", "as much as", "as few as",
  "more than", "less than", "fewer than", "greater than", "at least", "at most", "up to", "close to", "in excess of", "upwards of",
  "just over", "just under", "well over", "well above", "an estimated", "around", "about", "approximately", "approx",
  "roughly", "nearly", "almost", "some", "over", "under", "above", "below", "exceeding", "exceeded", "exceeds", "exceed",
  "surpassing", "surpassed", "surpasses", "surpass", "estimated", "between", "circa", "upward of",
];
const QUALIFIER_SET = new Set(QUALIFIERS);

// Every qualifier ends with the word just before the figure; most figures have none of these there.
const QUALIFIER_LAST_WORDS = new Set(QUALIFIERS.map((q) => q.slice(q.lastIndexOf(" ") + 1)));

/** The hedge just before token i ("over", "at least", "more than"): its text (lower case) and first token. */
export function qualifierBefore(toks: Token[], i: number): { text: string; i0: number } {
  const last = toks[i - 2];
  if (!last || last.type !== "word" || !QUALIFIER_LAST_WORDS.has(last.lower)) return { text: "", i0: i };
  const words: Array<{ k: number; w: string }> = [];
  let k = i;
  for (let n = 0; n < 3; n++) {
    const p = k - 1;
    if (p < 0 || toks[p].type !== "space" || /\n/.test(toks[p].text) || toks[p].text.length > 2) break;
    const w = toks[p - 1];
    if (!w || w.type !== "word") break;
    words.unshift({ k: p - 1, w: w.lower });
    k = p - 1;
  }
  for (let len = words.length; len >= 1; len--) {
    const phrase = words.slice(words.length - len).map((x) => x.w).join(" ");
    if (QUALIFIER_SET.has(phrase)) return { text: phrase, i0: words[words.length - len].k };
  }
  return { text: "", i0: i };
}

// ---- noun phrases ----------------------------------------------------------------------------------------------

type Lexicon = Record<string, string[]>;
let lexicon: Lexicon | null | undefined;

/** natural's English lexicon (word → tags, most likely first), loaded once; null when natural is not installed. */
function lex(): Lexicon | null {
  if (lexicon !== undefined) return lexicon;
  lexicon = null;
  const rel = "natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json";
  for (const base of [process.cwd(), process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : ""]) {
    if (!base) continue;
    try {
      const file = createRequire(path.join(base, "noop.js")).resolve(rel);
      lexicon = JSON.parse(fs.readFileSync(file, "utf8")) as Lexicon;
      break;
    } catch {
      // try the next base
    }
  }
  return lexicon;
}

// Words whose lexicon tag misleads inside a noun phrase, and the closed classes when no lexicon is found.
const TAG_OVERRIDES: WordTable<string> = wordTable({
  of: "IN", and: "CC", the: "DT", a: "DT", an: "DT", its: "PRP$", their: "PRP$", his: "PRP$", her: "PRP$", our: "PRP$",
  which: "WDT", that: "WDT", who: "WP", have: "VBP", has: "VBZ", had: "VBD", were: "VBD", was: "VBD", are: "VBP", is: "VBZ",
  be: "VB", been: "VBN", will: "MD", would: "MD", to: "TO", from: "IN", in: "IN", on: "IN", for: "IN", with: "IN", by: "IN",
  at: "IN", as: "IN", since: "IN", than: "IN", per: "IN", each: "DT", more: "JJR", others: "NNS", total: "JJ",
});

// Tags already looked up, by token text (a token's lower case follows from its text). A Map hit is cheaper than
// the lexicon's own lookup, an object keyed by strings that have to be found in V8's table of interned strings.
const tagCache = new Map<string, string>();
const TAG_CACHE_MAX = 200_000;

/** The part of speech of a token: the first tag the lexicon gives, else a guess from its case and ending. */
export function tagOf(t: Token): string {
  let tag = tagCache.get(t.text);
  if (tag === undefined) {
    if (tagCache.size >= TAG_CACHE_MAX) tagCache.clear();
    tag = lookUpTag(t);
    tagCache.set(t.text, tag);
  }
  return tag;
}

function lookUpTag(t: Token): string {
  const o = TAG_OVERRIDES.get(t.lower);
  if (o) return o;
  if (UNITS_OR_TENS.has(t.lower) || t.lower === "hundred" || BIG_SCALES.get(t.lower) !== undefined) return "CD";
  const l = lex();
  // own keys only: "constructor" or "toString" in a text must not find Object.prototype's functions
  const e = l ? (own(l, t.text) ?? own(l, t.lower)) : undefined;
  if (e && e.length) return e[0];
  if (/^\p{Lu}/u.test(t.text)) return "NNP";
  // unknown lower-case words (British spellings such as "criticised", rare verbs): guess from the ending
  if (/ed$/.test(t.lower)) return "VBD";
  if (/ing$/.test(t.lower)) return "VBG";
  if (/ly$/.test(t.lower)) return "RB";
  return "NN";
}

/** Every tag the lexicon gives a word (lower case), most likely first; [] when unknown. */
export function lexiconTags(word: string): string[] {
  const l = lex();
  return (l ? own(l, word) : undefined) ?? [];
}

const own = (l: Lexicon, w: string): string[] | undefined => (Object.prototype.hasOwnProperty.call(l, w) ? l[w] : undefined);

export const isNounTag = (tag: string) => tag.startsWith("NN");
const isNpTag = (tag: string) => isNounTag(tag) || tag.startsWith("JJ");
const DETERMINERS = new Set(["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some", "all"]);
const MAX_NP_WORDS = 12;

/** The noun phrase starting at token k (after an optional gap): nouns and adjectives, with "of", "and", lists of names, possessives. */
export function npAfter(ctx: Ctx, k: number, allowOf: boolean): string {
  const { toks, text } = ctx;
  let j = skipGap(toks, k, 2);
  if (j === k && toks[k] && toks[k].type !== "space") return "";
  if (allowOf && wordAt(toks, j) === "of") {
    const j2 = skipGap(toks, j + 1);
    if (j2 === j + 1) return "";
    j = j2;
  }
  if (wordAt(toks, j) !== null && DETERMINERS.has(toks[j].lower)) {
    const j2 = skipGap(toks, j + 1);
    if (j2 === j + 1) return "";
    j = j2;
  }
  let first = -1;
  let lastNoun = -1;
  let words = 0;
  let ofs = 0;
  const npWord = (m: number): boolean => {
    const t = toks[m];
    return !!t && t.type === "word" && isNpTag(tagOf(t));
  };
  while (j < toks.length && words < MAX_NP_WORDS) {
    const t = toks[j];
    if (t.type === "word") {
      if (gluedToNumber(toks, j)) break;
      const tag = tagOf(t);
      if (first >= 0 && t.lower === "of" && lastNoun >= 0 && ofs < 2) {
        let q = skipGap(toks, j + 1);
        if (q === j + 1) break;
        if (wordAt(toks, q) === "the") { const q2 = skipGap(toks, q + 1); if (q2 === q + 1) break; q = q2; }
        if (!npWord(q)) break;
        ofs++; j = q; continue;
      }
      if (first >= 0 && (t.lower === "and" || t.lower === "&")) {
        const q = skipGap(toks, j + 1);
        if (q === j + 1 || !npWord(q)) break;
        j = q; continue;
      }
      if (!isNpTag(tag)) break;
      if (first < 0) first = j;
      if (isNounTag(tag)) lastNoun = j;
      words++;
      j++;
      continue;
    }
    if (t.type === "space") {
      if (/[\n\r]/.test(t.text) || t.text.length > 2) break;
      j++;
      continue;
    }
    if (t.type === "punct" && first >= 0) {
      // possessive: People’s
      if ((t.text === "’" || t.text === "'") && wordAt(toks, j + 1) === "s" && !(toks[j + 2] && toks[j + 2].type === "word")) { j += 2; continue; }
      // compound: Russian-speaking, non-NATO
      if (isHyphen(t) && toks[j - 1].type === "word" && toks[j + 1]?.type === "word") {
        if (isNounTag(tagOf(toks[j + 1])) || isNpTag(tagOf(toks[j + 1]))) { lastNoun = isNounTag(tagOf(toks[j + 1])) ? j + 1 : lastNoun; j += 2; words++; continue; }
        j += 2; continue;
      }
      // a list of names: "Donetsk, Zaporozhye, and Kherson regions"
      if (t.text === ",") {
        let q = skipGap(toks, j + 1, 1);
        if (wordAt(toks, q) === "and") q = skipGap(toks, q + 1, 1);
        const nt = toks[q];
        if (q > j + 1 && nt && nt.type === "word" && /^\p{Lu}/u.test(nt.text) && isNpTag(tagOf(nt)) && capitalisedBefore(toks, j)) { j = q; continue; }
      }
    }
    break;
  }
  if (first < 0 || lastNoun < 0) return "";
  return withoutTimePhrase(clean(text.slice(toks[first].start, toks[lastNoun].end)));
}

// "last year", "this week": when a figure was stated, not what it measures
const TIME_PHRASE = /(?:^|\s)(?:last|next|this|previous|same|past|coming|current)\s+(?:years?|months?|weeks?|days?|quarters?|decades?|times?|season|summer|winter|spring|autumn)$/i;
function withoutTimePhrase(s: string): string {
  return s.replace(TIME_PHRASE, "").trim();
}

// Words between a figure and the phrase it measures, skipped when looking back: "aid, which has amounted to approximately $70.2 billion".
const LINK_WORDS = new Set([
  "has", "have", "had", "is", "was", "were", "are", "been", "be", "being", "now", "already", "so", "far", "which", "that",
  "amounted", "amounting", "amounts", "totaled", "totalled", "totaling", "totalling", "totals", "reached", "reaching", "reaches",
  "stood", "stands", "standing", "worth", "valued", "at", "to", "of", "by", "rose", "risen", "rise", "rises", "rising", "fell", "fallen",
  "fall", "falls", "jumped", "climbed", "grew", "grown", "increased", "decreased", "dropped", "declined", "sank", "surged", "hit", "topped",
  "passed", "crossed", "exceeded", "exceeding", "exceeds", "estimated", "put", "stand", "cost", "costs", "costing", "for", "up", "down", "about",
  "some", "over", "nearly", "around", "approximately",
]);

// A relative or reporting clause between a subject and its figure: "support that he said had reached $70.2 billion",
// "support, which he estimated at over $70 billion". Its subject and verb are skipped only when a "which"/"that"
// or a comma comes before them, so "The ministry said $5 billion …" does not make the ministry the subject.
const CLAUSE_SUBJECTS = new Set(["he", "she", "they", "it", "we", "i", "you", "officials", "experts", "analysts", "observers"]);
const REPORTING_VERBS = new Set(["said", "says", "say", "estimated", "estimates", "estimate", "claimed", "claims", "believed", "believes",
  "noted", "notes", "reported", "stated", "added", "argued", "insisted", "suggested", "calculated", "reckoned", "reckons",
  "put", "puts", "valued", "values", "assessed", "assesses", "thought", "thinks", "told", "recalled", "alleged", "alleges"]);
const CLAUSE_OPENERS = new Set(["which", "that", "who", "whose"]);

/** The noun phrase ending before token k, skipping linking words ("aid, which has amounted to"). */
export function npBefore(ctx: Ctx, k: number): string {
  const span = npBeforeSpan(ctx, k);
  return span ? span.what : "";
}

/** npBefore with the tokens of its first and last word; `link` false reads the phrase ending right at k. */
export function npBeforeSpan(ctx: Ctx, k: number, link = true, links: Set<string> = LINK_WORDS): { what: string; first: number; last: number } | null {
  const { toks, text } = ctx;
  let j = k - 1;
  let skipped = 0;
  let clause = false; // a reporting subject or verb was skipped, not yet licensed by "which"/"that"/","
  while (link && j >= 0 && skipped < 10) {
    const t = toks[j];
    if (t.type === "space") { if (/[\n\r]/.test(t.text)) return null; j--; continue; }
    if (t.type === "punct" && t.text === ",") { clause = false; j--; skipped++; continue; }
    if (t.type === "word" && CLAUSE_OPENERS.has(t.lower)) { clause = false; j--; skipped++; continue; }
    if (t.type === "word" && links.has(t.lower)) { j--; skipped++; continue; }
    if (t.type === "word" && (CLAUSE_SUBJECTS.has(t.lower) || REPORTING_VERBS.has(t.lower))) { clause = true; j--; skipped++; continue; }
    break;
  }
  if (clause) return null;
  let last = -1;
  let first = -1;
  let words = 0;
  while (j >= 0 && words < MAX_NP_WORDS) {
    const t = toks[j];
    if (t.type === "word") {
      if (gluedToNumber(toks, j)) break;
      const tag = tagOf(t);
      if (last < 0) {
        if (!isNounTag(tag)) return null;
        last = j; first = j; words++; j--; continue;
      }
      if ((t.lower === "and" || t.lower === "&") && first >= 0) {
        const q = j - 1 >= 0 && toks[j - 1].type === "space" ? j - 2 : -1;
        if (q < 0 || toks[q].type !== "word" || !isNpTag(tagOf(toks[q]))) break;
        j = q; first = q; words++; j--; continue;
      }
      if (!isNpTag(tag)) break;
      first = j; words++; j--; continue;
    }
    if (t.type === "space") { if (/[\n\r]/.test(t.text) || t.text.length > 2) break; j--; continue; }
    if (t.type === "punct" && first >= 0) {
      if ((t.text === "’" || t.text === "'") && toks[j + 1]?.lower === "s" && toks[j - 1]?.type === "word") { j--; continue; }
      if (isHyphen(t) && toks[j - 1]?.type === "word" && toks[j + 1]?.type === "word") { first = j - 1; j -= 2; continue; }
    }
    break;
  }
  if (last < 0) return null;
  // a possessive "s" left as the first word ("Union’s aid" read backwards stops at "s")
  if (toks[first].lower === "s" && first > 0 && (toks[first - 1].text === "’" || toks[first - 1].text === "'")) first = first + 1;
  if (first > last) return null;
  const what = withoutTimePhrase(clean(text.slice(toks[first].start, toks[last].end)));
  return what ? { what, first, last } : null;
}

/** Is the word before the comma at k a name ("Republic, Zaporozhye and Kherson regions")? */
function capitalisedBefore(toks: Token[], k: number): boolean {
  const w = toks[k - 1];
  return !!w && w.type === "word" && /^\p{Lu}/u.test(w.text);
}

/** "bn" in "$3.36bn", "km" in "29km": part of a figure, not of a noun phrase. */
const gluedToNumber = (toks: Token[], j: number) => toks[j - 1]?.type === "num" || toks[j + 1]?.type === "num";
