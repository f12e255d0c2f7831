// Numbers as news text writes them: numerals ("1,000", "70.2", "12,34,567", "40 000"), number words
// ("Fifty-three", "two hundred and six"), magnitudes ("19 thousand", "10k", "bn") and ordinals ("80th",
// "twenty-first"). Everything reads a token list made in one pass; each reader looks a bounded number of
// tokens ahead and the callers move past what it read, so no input ("1,1,1,…", a megabyte of digits,
// runs of "$") can make the work grow faster than the text.

export type TokenType = "num" | "word" | "space" | "punct";

/** A run of ASCII digits, of letters, of whitespace, or one other character; `lower` is the lowercased text. */
export interface Token {
  type: TokenType;
  start: number;
  end: number;
  text: string;
  lower: string;
}

const NUM = /[0-9]+/y;
const WORD = /[\p{L}\p{M}]+/uy;
const SPACE = /\s+/uy;
const RUNS = [[NUM, "num"], [WORD, "word"], [SPACE, "space"]] as const;
// \s in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** The end of a run from `j` on: ASCII characters `inRun` accepts, then, at a non-ASCII character, what `re` (sticky) reads there. */
function asciiRun(text: string, j: number, re: RegExp, inRun: (c: number) => boolean): number {
  for (let c = text.charCodeAt(j); j < text.length; c = text.charCodeAt(++j)) {
    if (inRun(c)) continue;
    if (c < 128) return j;
    re.lastIndex = j;
    return re.test(text) ? re.lastIndex : j;
  }
  return j;
}

/** Split text into tokens with offsets; one linear pass (each sticky regex is a single character class). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // A run that starts with a digit, an ASCII letter or a plain space is scanned here over its ASCII part (a
    // digit run is only ASCII); where a word or space run meets a non-ASCII character, its regex goes on from
    // there. Another ASCII character is punctuation; any other character tries the runs in order. The runs are the regexes' runs either way.
    if (c >= 48 && c <= 57) {
      let end = i + 1;
      for (let d = text.charCodeAt(end); d >= 48 && d <= 57; d = text.charCodeAt(end)) end++;
      const s = text.slice(i, end);
      out.push({ type: "num", start: i, end, text: s, lower: s });
      i = end;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      i = pushAsciiWord(text, i, out);
    } else if (c === 32) {
      const end = asciiRun(text, i + 1, SPACE, isAsciiSpace);
      const s = text.slice(i, end);
      out.push({ type: "space", start: i, end, text: s, lower: s });
      i = end;
    } else if (c < 128 && !isAsciiSpace(c)) {
      // Any other ASCII character is none of the runs: one punctuation character.
      const s = text[i];
      out.push({ type: "punct", start: i, end: i + 1, text: s, lower: s });
      i++;
    } else {
      i = pushOther(text, i, out);
    }
  }
  return out;
}

/**
 * The word at i, which starts with an ASCII letter: its ASCII letters are scanned here, noting whether any is
 * upper case, so that an all-lower-case ASCII word (most words) is its own `lower` without a call to toLowerCase.
 */
function pushAsciiWord(text: string, i: number, out: Token[]): number {
  let end = i;
  let upper = false;
  let c = text.charCodeAt(end);
  for (; end < text.length; c = text.charCodeAt(++end)) {
    if (c >= 97 && c <= 122) continue;
    if (c >= 65 && c <= 90) { upper = true; continue; }
    break;
  }
  let ascii = true;
  if (end < text.length && c >= 128) {
    // a non-ASCII letter or mark goes on the word: the regex reads the rest of it
    WORD.lastIndex = end;
    if (WORD.test(text)) { end = WORD.lastIndex; ascii = false; }
  }
  const s = text.slice(i, end);
  out.push({ type: "word", start: i, end, text: s, lower: upper || !ascii ? s.toLowerCase() : s });
  return end;
}

/** A token starting with a character that is not ASCII (or an ASCII space other than " "): the runs in order, else one character. */
function pushOther(text: string, i: number, out: Token[]): number {
  let type: TokenType = "punct";
  let end = -1;
  for (const [re, ty] of RUNS) {
    re.lastIndex = i;
    if (re.test(text)) {
      type = ty;
      end = re.lastIndex;
      break;
    }
  }
  if (end < 0) {
    const cp = text.codePointAt(i)!;
    end = i + (cp > 0xffff ? 2 : 1);
  }
  const s = text.slice(i, end);
  out.push({ type, start: i, end, text: s, lower: type === "word" ? s.toLowerCase() : s });
  return end;
}

// ---- word tables -------------------------------------------------------------------------------

/** A word table: `table.get(word)` is the entry or undefined. */
export type WordTable<T> = ReadonlyMap<string, T>;

/**
 * A lookup table for words as a Map: every word of the text is looked up. A plain object would answer
 * "constructor" or "toString" with a function; one without a prototype still looks each word (a string sliced
 * from the text) up in V8's table of interned strings, which is large and slow for a miss; a Map hashes the word
 * once and probes its own small table.
 */
export function wordTable<T>(entries: Record<string, T>): WordTable<T> {
  return new Map(Object.entries(entries));
}

export const UNIT_WORDS: WordTable<number> = wordTable({
  zero: 0, nought: 0, naught: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
});
export const TENS_WORDS: WordTable<number> = wordTable({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
/** Scales that close a group ("two hundred thousand"), as powers of ten. Lakh and crore are South Asian. */
export const BIG_SCALES: WordTable<number> = wordTable({ thousand: 3, lakh: 5, lac: 5, crore: 7, million: 6, billion: 9, trillion: 12 });
const PLURAL_SCALES: WordTable<string> = wordTable({
  hundreds: "hundred", thousands: "thousand", millions: "million", billions: "billion", trillions: "trillion", lakhs: "lakh", crores: "crore",
});
const DOZENS = new Set(["dozen", "dozens", "dz", "dzs", "doz", "dozs"]);
// Magnitude letters: glued to the numeral ("10k", "$5bn", "1.2b") or after one space ("10 bln", "1,674.5 G").
// A spaced lowercase "m" or "b" is left alone: "5 m" is five metres.
const GLUED_SUFFIX: WordTable<number> = wordTable({ k: 3, K: 3, m: 6, M: 6, b: 9, B: 9, G: 9, T: 12 });
const GLUED_SUFFIX_CI: WordTable<number> = wordTable({ mn: 6, mln: 6, mil: 6, mm: 6, bn: 9, bln: 9, tn: 12, tln: 12 });
const SPACED_SUFFIX: WordTable<number> = wordTable({ k: 3, K: 3, M: 6, G: 9, B: 9, MM: 6 });

export const ORDINAL_WORDS: WordTable<number> = wordTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, nineth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90,
});
const ORDINAL_SCALES: WordTable<number> = wordTable({ hundredth: 2, thousandth: 3, millionth: 6, billionth: 9, trillionth: 12 });

/**
 * Every word (lower case) that `readNumber` or `readOrdinal` can start at: number and ordinal words, "half",
 * "a hundred", "minus five". Any other word starts neither, so a caller scanning a text can skip it unread.
 */
export const NUMBER_START_WORDS: ReadonlySet<string> = new Set([
  ...UNIT_WORDS.keys(), ...TENS_WORDS.keys(), ...ORDINAL_WORDS.keys(), ...ORDINAL_SCALES.keys(),
  "half", "quarter", "a", "an", "hundred", "thousand", "minus", "negative",
]);

// ---- token helpers ---------------------------------------------------------------------------------

export const HYPHENS = new Set(["-", "–", "—", "‐", "‑"]);
const MINUS = new Set(["-", "−"]);

/** The index after a short inline space at k (at most `max` characters, no line break); else k itself. */
export function skipGap(toks: Token[], k: number, max = 3): number {
  const t = toks[k];
  if (t && t.type === "space" && t.text.length <= max && !/[\n\r]/.test(t.text)) return k + 1;
  return k;
}

/** Multiply by a power of ten through the decimal string, so 70.2 × 10⁹ is exactly 70200000000. */
export function scaleBy(value: number, exp: number): number {
  const s = String(value);
  return /e/i.test(s) ? value * 10 ** exp : Number(`${s}e${exp}`);
}

const isNum = (t: Token | undefined, len?: number) => !!t && t.type === "num" && (len === undefined || t.text.length === len);
const isP = (t: Token | undefined, s: string) => !!t && t.type === "punct" && t.text === s;

// ---- numerals written with digits --------------------------------------------------------------------

interface DigitsRead {
  next: number;
  value: number;
  integer: boolean;
  /** The token after a dotted run such as "192.168.1.2" (a version or address, not one number). */
  chainEnd?: number;
}

// A single space, no-break space, thin space or narrow no-break space between groups of three digits.
const GROUP_SPACES = new Set([" ", "\u00a0", "\u2009", "\u202f"]);

// Longer digit runs are identifiers or junk, not figures; they also overflow a double.
const MAX_DIGITS = 30;

/** Read a numeral at token j: "1,000", "12,34,567.89", "1 234 567", "4.800", ".08", decimal comma "1,3". */
export function readDigits(toks: Token[], j: number): DigitsRead | null {
  let k = j;
  let intStr = "";
  const t = toks[j];
  if (isP(t, ".") && isNum(toks[j + 1])) {
    // ".08" — a leading point only at the start of a word
    const prev = toks[j - 1];
    if (prev && prev.type !== "space" && !(prev.type === "punct" && "([{$".includes(prev.text))) return null;
    if (toks[j + 1].text.length > MAX_DIGITS) return null;
    return { next: j + 2, value: Number("0." + toks[j + 1].text), integer: false };
  }
  if (!isNum(t) || t.text.length > MAX_DIGITS) return null;
  intStr = t.text;
  k = j + 1;
  let grouped = false;
  if (t.text.length <= 3) {
    // 1,234,567
    let m = k;
    while (isP(toks[m], ",") && isNum(toks[m + 1], 3) && intStr.length < MAX_DIGITS) {
      intStr += toks[m + 1].text;
      m += 2;
    }
    if (m > k) { k = m; grouped = true; }
    // 12,34,567 (lakh grouping): two-digit groups then one three-digit group
    if (!grouped && t.text.length <= 2) {
      m = k;
      let s = intStr;
      while (isP(toks[m], ",") && isNum(toks[m + 1], 2) && s.length < MAX_DIGITS) { s += toks[m + 1].text; m += 2; }
      if (m > k && isP(toks[m], ",") && isNum(toks[m + 1], 3)) { intStr = s + toks[m + 1].text; k = m + 2; grouped = true; }
    }
    // 1 234 567 (space grouping): single spaces and exactly three digits per group
    if (!grouped) {
      m = k;
      while (toks[m]?.type === "space" && GROUP_SPACES.has(toks[m].text) && isNum(toks[m + 1], 3) && intStr.length < MAX_DIGITS) {
        intStr += toks[m + 1].text;
        m += 2;
      }
      if (m > k) { k = m; grouped = true; }
    }
    // 1,3 or 5,00 (decimal comma), but not a list such as 22,24,26
    if (!grouped && isP(toks[k], ",") && isNum(toks[k + 1]) && toks[k + 1].text.length <= 2
        && !(isP(toks[k + 2], ",") && isNum(toks[k + 3])) && !(isP(toks[j - 1], ",") && isNum(toks[j - 2]))) {
      return { next: k + 2, value: Number(`${intStr}.${toks[k + 1].text}`), integer: false };
    }
  }
  // decimals, unless the dots run on ("192.168.1.2")
  if (isP(toks[k], ".") && isNum(toks[k + 1])) {
    if (isP(toks[k + 2], ".") && isNum(toks[k + 3])) {
      let m = k;
      while (isP(toks[m], ".") && isNum(toks[m + 1])) m += 2;
      return { next: j + 1, value: Number(t.text), integer: true, chainEnd: m };
    }
    if (toks[k + 1].text.length > MAX_DIGITS) return { next: k, value: Number(intStr), integer: true };
    return { next: k + 2, value: Number(`${intStr}.${toks[k + 1].text}`), integer: false };
  }
  return { next: k, value: Number(intStr), integer: true };
}

// ---- numbers in words --------------------------------------------------------------------------------

interface SmallRead {
  value: number;
  next: number;
}

/** 0–99 in words: "seven", "Fifty-three", "fifty - two", "fifty two". */
export function readSmallWords(toks: Token[], j: number): SmallRead | null {
  const t = toks[j];
  if (!t || t.type !== "word") return null;
  const u = UNIT_WORDS.get(t.lower);
  if (u !== undefined) return { value: u, next: j + 1 };
  const tens = TENS_WORDS.get(t.lower);
  if (tens === undefined) return null;
  let k = skipGap(toks, j + 1);
  if (toks[k] && toks[k].type === "punct" && HYPHENS.has(toks[k].text)) k = skipGap(toks, k + 1);
  else if (k === j + 1) return { value: tens, next: j + 1 };
  const w = toks[k];
  const v = w && w.type === "word" ? UNIT_WORDS.get(w.lower) : undefined;
  if (v !== undefined && v >= 1 && v <= 9) return { value: tens + v, next: k + 1 };
  return { value: tens, next: j + 1 };
}

export interface NumberRead {
  /** First and one-past-last token. */
  i0: number;
  i1: number;
  start: number;
  end: number;
  value: number;
  /** Written (at least partly) with digits / with number words. */
  digits: boolean;
  words: boolean;
  /** For a dotted run ("192.168.1.2"): the token after it; `value` is then only its first part. */
  chainEnd?: number;
  /** When the number ends in a magnitude ("10 million", "5bn"): its power of ten. */
  scaleExp?: number;
}

const wordAt = (toks: Token[], k: number): string | null => (toks[k] && toks[k].type === "word" ? toks[k].lower : null);

/** The magnitude suffix at token k right after a numeral: glued ("10k", "5bn") or after one space ("10 bln"). */
function suffixAt(toks: Token[], k: number): { exp: number; next: number } | null {
  const t = toks[k];
  if (t && t.type === "word") {
    const e = GLUED_SUFFIX.get(t.text) ?? GLUED_SUFFIX_CI.get(t.lower);
    return e === undefined ? null : { exp: e, next: k + 1 };
  }
  const k2 = skipGap(toks, k);
  if (k2 === k) return null;
  const w = toks[k2];
  if (!w || w.type !== "word") return null;
  const e = SPACED_SUFFIX.get(w.text) ?? (w.text.length > 1 ? GLUED_SUFFIX_CI.get(w.lower) : undefined);
  // "10 k" but not "10 km": the suffix must be the whole word, and not followed by more letters
  return e === undefined ? null : { exp: e, next: k2 + 1 };
}

/**
 * Read the number that starts at token i, if any: digits, words or both ("4 thousand 3 hundred and 21"),
 * with a sign ("-5", "minus five"), magnitudes ("19 thousand", "10k", "three lakh crore"), "a dozen",
 * "half a million", and spoken decimals ("two hundred point zero three").
 */
export function readNumber(toks: Token[], i: number): NumberRead | null {
  const t = toks[i];
  if (!t) return null;
  if (t.type === "punct" && MINUS.has(t.text)) {
    const prev = toks[i - 1];
    if (prev && !(prev.type === "space" || (prev.type === "punct" && "([{<=".includes(prev.text)))) return null;
    // "- 10 k" with a space only at the very start of the text; "-5" anywhere after a space
    const k = prev ? i + 1 : skipGap(toks, i + 1);
    if (!isNum(toks[k]) && !(isP(toks[k], ".") && isNum(toks[k + 1]))) return null;
    const r = readUnsigned(toks, k);
    if (!r || r.chainEnd !== undefined) return null;
    return { ...r, i0: i, start: t.start, value: -r.value };
  }
  if (t.type === "word" && (t.lower === "minus" || t.lower === "negative")) {
    const k = skipGap(toks, i + 1);
    if (k === i + 1) return null;
    const r = readUnsigned(toks, k);
    if (!r || r.chainEnd !== undefined) return null;
    return { ...r, i0: i, start: t.start, value: -r.value };
  }
  return readUnsigned(toks, i);
}

function finish(toks: Token[], i0: number, i1: number, value: number, digits: boolean, words: boolean, chainEnd?: number, scaleExp?: number): NumberRead {
  const r: NumberRead = { i0, i1, start: toks[i0].start, end: toks[i1 - 1].end, value, digits, words };
  if (chainEnd !== undefined) r.chainEnd = chainEnd;
  if (scaleExp !== undefined) r.scaleExp = scaleExp;
  return r;
}

function readUnsigned(toks: Token[], i: number): NumberRead | null {
  const t = toks[i];
  if (!t) return null;
  let digits = false;
  let words = false;
  let group: number | null = null; // the part below the last big scale
  let lastSmall = 0; // the most recent small atom, for "three hundred and two dozen"
  let hasHundred = false;
  let groupFromDigits = false;
  let total = 0;
  let lastBig = Infinity; // exponent of the last big scale applied
  let end = i; // one past the last token read
  let pendingScale = -1; // token index of a scale word to apply first ("a hundred", bare "thousand")

  const w0 = t.type === "word" ? t.lower : null;
  if (w0 === "half" || w0 === "quarter") {
    // "half a million", "half million", "quarter million", "half a dozen"
    let k = skipGap(toks, i + 1);
    if (k === i + 1) return null;
    if (wordAt(toks, k) === "a") { const k2 = skipGap(toks, k + 1); if (k2 === k + 1) return null; k = k2; }
    const s = wordAt(toks, k);
    const frac = w0 === "half" ? 0.5 : 0.25;
    if (s && BIG_SCALES.get(s) !== undefined) return finish(toks, i, k + 1, frac * 10 ** BIG_SCALES.get(s)!, false, true);
    if (s === "dozen") return finish(toks, i, k + 1, frac * 12, false, true);
    return null;
  }
  if (w0 === "a" || w0 === "an") {
    const k = skipGap(toks, i + 1);
    if (k === i + 1) return null;
    const s = wordAt(toks, k);
    if (s === "half" || s === "quarter") {
      const r = readUnsigned(toks, k);
      return r ? { ...r, i0: i, start: t.start } : null;
    }
    if (!s || !(s === "hundred" || s === "dozen" || BIG_SCALES.get(s) !== undefined)) return null;
    group = 1; lastSmall = 1; words = true; end = i + 1; pendingScale = k;
  } else if ((w0 === "hundred" || w0 === "thousand") && t.text === w0) {
    group = 1; lastSmall = 1; words = true; end = i; pendingScale = i;
  } else {
    const d = readDigits(toks, i);
    if (d) {
      if (d.chainEnd !== undefined) return finish(toks, i, d.next, d.value, true, false, d.chainEnd);
      digits = true;
      const suf = suffixAt(toks, d.next);
      if (suf) return finish(toks, i, suf.next, scaleBy(d.value, suf.exp), true, false, undefined, suf.exp);
      group = d.value; lastSmall = d.value; groupFromDigits = true; end = d.next;
    } else {
      const s = readSmallWords(toks, i);
      if (!s) return null;
      words = true;
      group = s.value; lastSmall = s.value; end = s.next;
    }
  }

  let atoms = 1;
  let steps = 0;
  while (steps++ < 40) {
    const p = pendingScale >= 0 ? pendingScale : skipGap(toks, end);
    pendingScale = -1;
    const raw = wordAt(toks, p);
    // plural scales only after a number ("3 dozens", "five hundreds")
    const w = raw && (PLURAL_SCALES.get(raw) ?? raw);
    if (w === "hundred") {
      if (group === null || hasHundred) break;
      if (group >= 100 && !(groupFromDigits && atoms === 1)) break;
      group = scaleBy(group, 2); lastSmall = group; hasHundred = true; words = true; end = p + 1;
      continue;
    }
    if (w && BIG_SCALES.get(w) !== undefined) {
      const e = BIG_SCALES.get(w)!;
      if (group === null) {
        // "three lakh crore": a larger scale right after a smaller one multiplies everything
        if (e <= lastBig || total === 0) break;
        total = scaleBy(total, e); lastBig = lastBig + e; words = true; end = p + 1;
        continue;
      }
      if (e >= lastBig) break;
      total += scaleBy(group, e); group = null; hasHundred = false; groupFromDigits = false; lastBig = e; words = true; end = p + 1;
      continue;
    }
    if (raw && DOZENS.has(raw)) {
      if (group === null) break;
      group = group - lastSmall + lastSmall * 12; lastSmall = group; words = true; end = p + 1;
      continue;
    }
    if (raw === "point" && words && group !== null && Number.isInteger(group)) {
      const dec = readSpokenDecimals(toks, p);
      if (dec) { group += Number("0." + dec.digits); end = dec.next; }
      break;
    }
    // a smaller part added after "hundred" or a big scale: "one hundred and six", "two thousand and two hundred"
    const canAdd = (group !== null && hasHundred && group % 100 === 0) || (group === null && lastBig < Infinity);
    if (!canAdd) break;
    let q = p;
    if (raw === "and") {
      if (p === end) break;
      q = skipGap(toks, p + 1);
      if (q === p + 1) break;
    }
    let v: number | null = null;
    let next = q;
    let fromDigits = false;
    const d = readDigits(toks, q);
    if (d && d.integer && d.chainEnd === undefined && toks[q].text.length <= 3) { v = d.value; next = d.next; fromDigits = true; }
    else { const s = readSmallWords(toks, q); if (s) { v = s.value; next = s.next; } }
    if (v === null || v === 0) break;
    if (fromDigits && wordAt(toks, next) !== null && toks[next].start === toks[next - 1].end) break; // "3mg"
    const after = wordAt(toks, skipGap(toks, next));
    const afterW = after && (PLURAL_SCALES.get(after) ?? after);
    if (group !== null) {
      // within a hundred-group: "3 hundred and 2 hundred" is two numbers
      if (v >= 100 || afterW === "hundred" || (afterW && BIG_SCALES.get(afterW) !== undefined && BIG_SCALES.get(afterW)! >= lastBig)) break;
      group += v; lastSmall = v;
    } else {
      if (afterW && BIG_SCALES.get(afterW) !== undefined && BIG_SCALES.get(afterW)! >= lastBig) break;
      if (v >= 10 ** lastBig) break;
      group = v; lastSmall = v; hasHundred = false; groupFromDigits = fromDigits;
    }
    if (fromDigits) digits = true; else words = true;
    atoms++;
    end = next;
  }
  if (end <= i) return null;
  return finish(toks, i, end, total + (group ?? 0), digits, words, undefined, group === null && lastBig < Infinity ? lastBig : undefined);
}

/** After "point": digit words ("zero three", "nought four") or one number word ("seventy-one", "eleven"). */
function readSpokenDecimals(toks: Token[], p: number): { digits: string; next: number } | null {
  let k = skipGap(toks, p + 1);
  if (k === p + 1) return null;
  const first = readSmallWords(toks, k);
  if (!first) return null;
  if (first.value >= 10) return { digits: String(first.value), next: first.next };
  let digits = "";
  let next = k;
  for (let n = 0; n < 20; n++) {
    const w = wordAt(toks, k);
    const v = w === "oh" ? 0 : w !== null ? UNIT_WORDS.get(w) : undefined;
    if (v === undefined || v > 9) break;
    digits += String(v);
    next = k + 1;
    const k2 = skipGap(toks, k + 1);
    if (k2 === k + 1) break;
    k = k2;
  }
  return digits ? { digits, next } : null;
}

// ---- whole-text finders ----------------------------------------------------------------------------------

export interface NumberSpan {
  text: string;
  start: number;
  end: number;
  value: number;
}

// "the one you mentioned", "which one": a pronoun, not a number
const ONE_DETERMINERS = new Set(["the", "this", "that", "which", "any", "each", "every", "no", "another", "some", "what", "whichever"]);

/** The index of the previous non-space token before k, or -1. */
export function prevSolid(toks: Token[], k: number): number {
  let j = k - 1;
  if (j >= 0 && toks[j].type === "space") j--;
  return j;
}

/**
 * Every number in a text, as a number recogniser sees it: digits and words, with magnitudes; numbers glued to
 * letters ("29km", "180ml", "J1149") are parts of words, not numbers; a dotted run gives one number per part.
 * @return spans in text order with their values.
 */
export function findNumbers(text: string): NumberSpan[] {
  const toks = tokenize(text);
  const out: NumberSpan[] = [];
  const push = (s: number, e: number, value: number) => out.push({ text: text.slice(s, e), start: s, end: e, value });
  for (let i = 0; i < toks.length;) {
    const r = toks[i].type === "space" ? null : readNumber(toks, i);
    if (!r) { i++; continue; }
    if (r.chainEnd !== undefined) {
      for (let k = i; k < r.chainEnd; k++) if (toks[k].type === "num") push(toks[k].start, toks[k].end, Number(toks[k].text));
      i = r.chainEnd;
      continue;
    }
    const before = toks[r.i0 - 1];
    const after = toks[r.i1];
    const gluedLeft = before && before.type === "word";
    const gluedRight = after && (after.type === "word" || (after.type === "num"));
    const pronoun = r.words && !r.digits && toks[r.i0].lower === "one" && r.i1 === r.i0 + 1
      && (() => { const p = prevSolid(toks, r.i0); return p >= 0 && ONE_DETERMINERS.has(toks[p].lower); })();
    if (!gluedLeft && !gluedRight && !pronoun) push(r.start, r.end, r.value);
    i = r.i1;
  }
  return out;
}

export interface OrdinalSpan extends NumberSpan {}

const ORDINAL_SUFFIX = (n: string) => {
  const last2 = Number(n.slice(-2));
  const last = Number(n.slice(-1));
  if (last2 >= 11 && last2 <= 13) return "th";
  return last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
};

/** An ordinal at token i: "80th", "21st", "twentieth", "twenty-first", "one hundred twenty-fifth", "three trillionth". */
export function readOrdinal(toks: Token[], i: number): { i1: number; value: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.type === "num" && t.text.length <= 12) {
    const s = toks[i + 1];
    if (s && s.type === "word" && s.lower === ORDINAL_SUFFIX(t.text) && !(toks[i + 2] && toks[i + 2].type === "word")) {
      return { i1: i + 2, value: Number(t.text) };
    }
    return null;
  }
  if (t.type !== "word") return null;
  const single = ordinalWord(t.lower);
  if (single) return { i1: i + 1, value: single.value };
  // a number, then (space or hyphen) an ordinal word
  const n = readUnsigned(toks, i);
  if (!n || n.digits || n.chainEnd !== undefined) return null;
  let k = skipGap(toks, n.i1);
  if (toks[k] && toks[k].type === "punct" && HYPHENS.has(toks[k].text)) k = skipGap(toks, k + 1);
  else if (k === n.i1) return null;
  const w = wordAt(toks, k);
  const o = w ? ordinalWord(w) : null;
  if (!o) return null;
  if (o.scale) return { i1: k + 1, value: n.value * o.value };
  // "twenty-first" (tens + unit), "one hundred twenty-fifth", "three hundred twentieth"
  if ((n.value % 100 === 0) || (n.value % 10 === 0 && o.value < 10)) return { i1: k + 1, value: n.value + o.value };
  return null;
}

function ordinalWord(w: string): { value: number; scale: boolean } | null {
  if (ORDINAL_WORDS.get(w) !== undefined) return { value: ORDINAL_WORDS.get(w)!, scale: false };
  if (ORDINAL_SCALES.get(w) !== undefined) return { value: 10 ** ORDINAL_SCALES.get(w)!, scale: true };
  return null;
}

/** Every ordinal in a text ("80th", "first", "twenty-first"). A lone "a trillionth" is a fraction, not an ordinal. */
export function findOrdinals(text: string): OrdinalSpan[] {
  const toks = tokenize(text);
  const out: OrdinalSpan[] = [];
  for (let i = 0; i < toks.length;) {
    const t = toks[i];
    if (t.type === "space" || (i > 0 && (toks[i - 1].type === "word" || toks[i - 1].type === "num"))) { i++; continue; }
    let r = readOrdinal(toks, i);
    if (!r && (t.lower === "a" || t.lower === "an")) {
      const k = skipGap(toks, i + 1);
      const n = k > i + 1 ? readOrdinal(toks, k) : null;
      // "a hundred trillionth" is an ordinal; "a trillionth" is a fraction
      if (n && n.i1 > k + 1) r = n;
    }
    if (!r) { i++; continue; }
    // "a trillionth" is a fraction
    if (r.i1 === i + 1 && t.type === "word" && ORDINAL_SCALES.get(t.lower) !== undefined) {
      const p = prevSolid(toks, i);
      if (p >= 0 && (toks[p].lower === "a" || toks[p].lower === "an")) { i++; continue; }
    }
    const s = toks[i].start;
    const e = toks[r.i1 - 1].end;
    out.push({ text: text.slice(s, e), start: s, end: e, value: r.value });
    i = r.i1;
  }
  return out;
}

/** Parse one numeral or number phrase on its own ("1,000", "19 thousand", "Fifty-three"); null if it is not one whole number. */
export function parseNumber(s: string): number | null {
  const toks = tokenize(s.trim());
  if (!toks.length) return null;
  const r = readNumber(toks, 0);
  return r && r.i1 === toks.length && r.chainEnd === undefined ? r.value : null;
}
