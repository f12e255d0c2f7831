// Stage 2: text → tokens. The one tokenisation pass every later stage (themes, phrases, keyness, events) reuses,
// so that a "word" means the same thing everywhere.
//
// Decisions:
// - A token is a run of letters (accents included), marks and digits, with inner apostrophes ("Putin’s", "don't")
//   and, between digits, inner dots and commas ("70.2", "1,000"). Single letters joined by dots are one token
//   ("U.S.", "H.E." → "U.S", "H.E"), so "U.S." is not read as the end of a sentence.
// - Hyphenated compounds are split into their parts, each with its own offsets, and the later parts are marked
//   `hyphen: true`: "Russian-speaking" → russian, speaking. So the pattern "Russian-speaking" also finds
//   "Russian speaking", and "NATO" is found inside "non-NATO". Matchers that want "ceasefire" to find
//   "cease-fire" can join the parts back through the flag.
// - `lower` is lower case with curly apostrophes made straight (’ → '), so "Russia’s" and "Russia's" match.
// - `stem` is the Porter stem (natural) of `lower` without a possessive 's; words with digits or letters outside
//   a–z are not stemmed (the English stemmer would only damage them).
// - Sentences end at . ! ? followed by a capital or digit (or at a line break), except after a title ("Mr.",
//   "Dr."), a month ("Jan."), a single capital (the initial in "Albert P. Khorev") or a dotted abbreviation
//   ("U.S."). A sentence is never split inside a quotation's closing marks.
import { PorterStemmer } from "natural/lib/natural/stemmers/index.js";
// natural ships no type declarations for this file; it exports `{ words: string[] }`.
// @ts-ignore
import naturalStopwords from "natural/lib/natural/util/stopwords.js";
import { charClass, hasSurrogates, LETTER, NUMBER, OTHER } from "./chars.js";

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  /** Porter stem of `lower` (possessive 's removed); `lower` itself for words with digits or non a–z letters. */
  stem: string;
  /** Offsets into the original text: text.slice(start, end) === token.text. */
  start: number;
  end: number;
  /** 0-based index of the sentence the token is in. */
  sentence: number;
  /** True when the token is attached to the previous one by a hyphen ("speaking" in "Russian-speaking"). */
  hyphen: boolean;
  /** isStopword(lower), worked out once per written word: the stages that skip stopwords read it per token. */
  stop: boolean;
}

export interface Sentence {
  /** Offsets into the original text, from the first word (or opening quote) to the closing punctuation. */
  start: number;
  end: number;
  /** Index of the sentence's first token and one past its last. */
  first: number;
  last: number;
}

const TOKEN = /\p{L}(?:\.\p{L})+|[\p{L}\p{M}\p{N}]+(?:(?:['’ʼ]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const HYPHEN = /^[-‐‑]$/;

const stems = new Map<string, string>();

/** The stem of a lower-case word (cached): Porter for a–z words, possessive 's removed first. */
export function stemOf(lower: string): string {
  let s = stems.get(lower);
  if (s === undefined) {
    const base = lower.replace(/'s?$/, "");
    s = /^[a-z]+$/.test(base) ? PorterStemmer.stem(base) : base || lower;
    if (stems.size > 200_000) stems.clear();
    stems.set(lower, s);
  }
  return s;
}

/** Lower case with curly apostrophes straightened: the form matching compares. */
export function lowerOf(word: string): string {
  return word.normalize("NFC").toLowerCase().replace(/[’ʼ‘]/g, "'");
}

/**
 * Split text into word tokens with offsets, stems and sentence numbers.
 * @return Tokens in text order; `text.slice(t.start, t.end) === t.text` for every token.
 */
export function tokenize(text: string): Token[] {
  // The scanner reads UTF-16 code units; a text with surrogates (astral letters, emoji) goes through the regex.
  if (hasSurrogates(text)) return tokenizeByRegex(text);
  const list = new TokenList(text);
  const n = text.length;
  for (let start = 0; start < n; ) {
    if (charClass(text.charCodeAt(start)) === OTHER) {
      start++;
      continue;
    }
    const end = wordEnd(text, start);
    list.add(text.slice(start, end), start);
    start = end;
  }
  return list.tokens;
}

/** tokenize as the TOKEN regex defines it, for texts the code-unit scanner does not read. */
export function tokenizeByRegex(text: string): Token[] {
  const list = new TokenList(text);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) list.add(m[0], m.index);
  return list.tokens;
}

/** Tokens added in text order, their sentences numbered and hyphen-joined parts marked from the gaps between them. */
class TokenList {
  readonly tokens: Token[] = [];
  private sentence = 0;
  private prev: Token | null = null;

  constructor(private readonly text: string) {}

  add(word: string, start: number): void {
    const prev = this.prev;
    let hyphen = false;
    // The usual gap, one space, neither ends a sentence nor joins a compound: no need to look at it.
    if (prev && !(start === prev.end + 1 && this.text.charCodeAt(prev.end) === 32)) {
      const gap = this.text.slice(prev.end, start);
      if (endsSentence(prev, gap, word)) this.sentence++;
      hyphen = HYPHEN.test(gap);
    }
    const forms = formsOf(word);
    const t: Token = { text: word, lower: forms.lower, stem: forms.stem, start, end: start + word.length, sentence: this.sentence, hyphen, stop: forms.stop };
    this.tokens.push(t);
    this.prev = t;
  }
}

/**
 * Where the token starting at `start` (a letter, mark or number) ends, as TOKEN matches it: single letters joined
 * by dots ("U.S"), else a run of letters, marks and numbers with inner apostrophes, and inner dots and commas
 * between numbers ("70.2", "1,000").
 */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  if (charClass(text.charCodeAt(start)) === LETTER && start + 2 < n && text.charCodeAt(start + 1) === 46 && charClass(text.charCodeAt(start + 2)) === LETTER) {
    let end = start + 3;
    while (end + 1 < n && text.charCodeAt(end) === 46 && charClass(text.charCodeAt(end + 1)) === LETTER) end += 2;
    return end;
  }
  let end = start + 1;
  for (;;) {
    while (end < n && charClass(text.charCodeAt(end)) !== OTHER) end++;
    // A separator joins only when a letter, mark or number follows it.
    if (end + 1 >= n) return end;
    const after = charClass(text.charCodeAt(end + 1));
    if (after === OTHER) return end;
    const sep = text.charCodeAt(end);
    const apostrophe = sep === 39 || sep === 0x2019 || sep === 0x2bc;
    const inNumber = (sep === 46 || sep === 44) && after === NUMBER && charClass(text.charCodeAt(end - 1)) === NUMBER;
    if (!apostrophe && !inNumber) return end;
    end += 2;
  }
}

const wordForms = new Map<string, { lower: string; stem: string; stop: boolean }>();

/** lowerOf, stemOf and isStopword of a word as written, cached: news text repeats its words. */
function formsOf(word: string): { lower: string; stem: string; stop: boolean } {
  let f = wordForms.get(word);
  if (f === undefined) {
    const lower = lowerOf(word);
    f = { lower, stem: stemOf(lower), stop: isStopword(lower) };
    if (wordForms.size > 200_000) wordForms.clear();
    wordForms.set(word, f);
  }
  return f;
}

// Words after which a full stop does not end a sentence (compared in lower case, without the dot).
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "capt", "maj", "sgt", "gov", "sen", "rep", "rev", "hon", "amb", "pres", "messrs",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "no", "nos", "vol", "fig", "art", "vs", "cf", "approx", "est",
]);

/** Does the gap between `prev` and the next word end a sentence? */
function endsSentence(prev: Token, gap: string, next: string): boolean {
  if (gap.includes("\n")) return true;
  const stop = /[.!?]/.exec(gap);
  if (!stop) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(next)) return false;
  if (stop[0] !== "." || /[!?]/.test(gap)) return true;
  if (ABBREVIATIONS.has(prev.lower)) return false;
  if (/^\p{Lu}$/u.test(prev.text)) return false; // an initial: "Albert P. Khorev"
  if (/^\p{L}(?:\.\p{L})+$/u.test(prev.text)) return false; // "U.S.", "H.E."
  return true;
}

/** The sentences of a tokenised text, as offsets and token ranges. Punctuation closing a sentence is included. */
export function sentences(text: string, tokens: Token[] = tokenize(text)): Sentence[] {
  const out: Sentence[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && tokens[j].sentence === tokens[i].sentence) j++;
    const last = tokens[j - 1];
    const limit = j < tokens.length ? tokens[j].start : text.length;
    const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(last.end, limit))![0];
    const lead = /[“"‘'(\[«]*$/u.exec(text.slice(i > 0 ? tokens[i - 1].end : 0, tokens[i].start))![0];
    out.push({ start: tokens[i].start - lead.length, end: last.end + tail.length, first: i, last: j });
    i = j;
  }
  return out;
}

const cache = new WeakMap<object, { text: string; tokens: Token[] }>();

/** The tokens of an article, computed once per article object (and again if its text changes). */
export function tokensOf(article: { text: string }): Token[] {
  const hit = cache.get(article);
  if (hit && hit.text === article.text) return hit.tokens;
  const tokens = tokenize(article.text);
  cache.set(article, { text: article.text, tokens });
  return tokens;
}

/**
 * Forget the tokens cached for an article, once no stage needs them: a cache entry keeps its tokens alive until
 * the collector finds the article dead, long enough for them to be copied into the old generation.
 */
export function dropTokens(article: { text: string }): void {
  cache.delete(article);
}

// natural's English list, plus auxiliaries and negations it lacks, which make poor ends for a phrase.
const STOPWORDS = new Set<string>([
  ...(naturalStopwords as { words: string[] }).words,
  "will", "shall", "may", "not", "no", "nor", "us", "just", "yet", "upon", "per", "via", "however", "whether", "it's", "'s",
]);

/** Is this lower-case word a stopword (natural's English list plus will, shall, may, not, no, nor, us…)? */
export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower) || (lower.includes("'") && STOPWORDS.has(lower.replace(/'s?$/, "")));
}
