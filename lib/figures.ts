// Stage: articles → figures. Every number a statement uses, with what it measures, normalised so that
// "19,000" and "19 thousand" are the same value and "$350 billion" and "USD70.2 billion" share a unit.
//
// Decisions:
// - Kinds: percent, money, count, duration are quantities; dates (years, days of a month, "three years ago",
//   times of day) and ordinals ("80th") are labelled as such so they are never read as quantities.
// - A year is a four-digit number 1000–2199 written without a comma, unless a unit follows ("2000 people" after
//   no year word, "2000%"), or a hedge precedes it ("about 1500"). "1941-1945" and "2013-14" are year ranges.
// - A date's `value` is its year when one is written ("February 24, 2022" → 2022, unit "year"), else the day
//   of the month ("April 19 to 21" → 19, high 21, unit "day").
// - Money: a bare "$" is read as USD, "Rs"/"rupees" as PKR (the kit's corpora are Pakistani press); "£" GBP,
//   "€" EUR, "roubles" RUB; minor units keep their own unit ("50 cents" → 50 "cent").
// - Ranges ("15-20 percent", "between 15 and 20 percent") give `value` 15 and `high` 20. "from 5% to 7%" is
//   two figures (a change, not a range).
// - Not figures: numbers inside words or names ("G20", "COVID-19", "Voyager 2", "Article 370", "version 2"),
//   dotted runs ("1.2.3"), phone-like chains, numbers inside URLs, a lone "one" ("one of the leaders"), and
//   small spelled numbers after "the" ("the two countries"), which point back at things already named.
// - `what` is the noun phrase the figure measures: the phrase after it ("1,000 prisoners of war"), after "of"
//   for a percentage ("63% of the territory of the Kursk region"), else the phrase before it ("financial and
//   military aid exceeding $350 billion"). Parts of speech come from natural's Brill lexicon (first tag).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Article } from "./types.js";
import {
  BIG_SCALES, HYPHENS, wordTable, type WordTable, prevSolid, readNumber, readOrdinal, scaleBy, skipGap, tokenize, ORDINAL_WORDS,
  type NumberRead, type Token,
} from "./numbers.js";

export type FigureKind = "percent" | "money" | "count" | "duration" | "ordinal" | "date";

/** The kinds that state an amount (dates and ordinals do not). */
export const QUANTITY_KINDS: FigureKind[] = ["percent", "money", "count", "duration"];

/** One figure as a statement uses it. */
export interface FigureMention {
  /** Article id. */
  article: string;
  kind: FigureKind;
  /** Normalised value: 1000 for "1,000", 350e9 for "$350 billion", 63 for "63%". */
  value: number;
  /** Upper end of a range ("15-20 percent" → 20). */
  high?: number;
  /** "%" (or "pp" for percentage points), an ISO currency code or minor unit ("cent"), a time unit ("day"), "year"/"day" for dates; "" for counts and ordinals. */
  unit: string;
  /** The noun phrase the figure measures ("prisoners of war"); "" when none could be found. */
  what: string;
  /** A hedge before the figure, lower case ("over", "at least", "approximately"); "" when none. */
  qualifier: string;
  /** The figure as written: text.slice(start, end). */
  text: string;
  /** The sentence the figure is in (cut to about 600 characters around it when longer). */
  sentence: string;
  start: number;
  end: number;
}

/**
 * Extract every figure from an article.
 * @return figures in text order; `start`/`end` index into `article.text`.
 */
export function extractFigures(article: Article): FigureMention[] {
  return figuresInText(article.text, article.id);
}

/** The figures of many articles, article by article. */
export function figureLedger(articles: Article[]): FigureMention[] {
  const out: FigureMention[] = [];
  for (const a of articles) out.push(...extractFigures(a));
  return out;
}

/** Extract the figures of a bare text (the article id is `article`). */
export function figuresInText(text: string, article = ""): FigureMention[] {
  const ctx: Ctx = { text, toks: tokenize(text), article, out: [] };
  const urls = urlSpans(text);
  let u = 0;
  for (let i = 0; i < ctx.toks.length;) {
    const t = ctx.toks[i];
    if (t.type === "space") { i++; continue; }
    while (u < urls.length && urls[u][1] <= t.start) u++;
    if (u < urls.length && urls[u][0] <= t.start) { i++; continue; }
    const next = readFigure(ctx, i);
    i = next > i ? next : i + 1;
  }
  const sentences = sentenceSpans(text);
  const cleaned = new Map<number, string>();
  let s = 0;
  for (const f of ctx.out) {
    while (s < sentences.length - 1 && sentences[s][1] <= f.start) s++;
    const span = sentences[s] ?? [0, text.length];
    if (span[1] - span[0] <= MAX_SENTENCE) {
      if (!cleaned.has(s)) cleaned.set(s, clean(text.slice(span[0], span[1])));
      f.sentence = cleaned.get(s)!;
    } else {
      f.sentence = sentenceWindow(text, span, f.start, f.end);
    }
  }
  return ctx.out;
}

interface Ctx {
  text: string;
  toks: Token[];
  article: string;
  out: FigureMention[];
}

// ---- the reader ----------------------------------------------------------------------------------------

/** Try every figure shape at token i; push what is found and return the token after it (or i when nothing). */
function readFigure(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  const d = readDate(ctx, i);
  if (d) return d;
  const m = readMoney(ctx, i);
  if (m) return m;
  const rp = readReversePercent(ctx, i);
  if (rp) return rp;
  const o = readOrdinalFigure(ctx, i);
  if (o) return o;
  const t = toks[i];
  if (t.type === "word" || t.type === "num" || (t.type === "punct" && (t.text === "-" || t.text === "−" || t.text === "."))) {
    const n = readNumber(toks, i);
    if (n) return classifyNumber(ctx, n);
  }
  return i;
}

function push(ctx: Ctx, f: Omit<FigureMention, "article" | "text" | "sentence">): void {
  const rec: FigureMention = { article: ctx.article, kind: f.kind, value: f.value, unit: f.unit, what: f.what, qualifier: f.qualifier, text: ctx.text.slice(f.start, f.end), sentence: "", start: f.start, end: f.end };
  if (f.high !== undefined) rec.high = f.high;
  ctx.out.push(rec);
}

const wordAt = (toks: Token[], k: number): string | null => (toks[k] && toks[k].type === "word" ? toks[k].lower : null);
const isP = (t: Token | undefined, s: string) => !!t && t.type === "punct" && t.text === s;
const isHyphen = (t: Token | undefined) => !!t && t.type === "punct" && HYPHENS.has(t.text);
const glued = (toks: Token[], k: number) => k > 0 && k < toks.length && toks[k].type !== "space" && toks[k - 1].type !== "space";

// ---- dates ---------------------------------------------------------------------------------------------------

const MONTHS: WordTable<number> = wordTable({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

/** A month name as a date word: capitalised ("May", "Sep.", "JUNE"), never the verb "may" or "march". */
function monthAt(toks: Token[], k: number): number {
  const t = toks[k];
  if (!t || t.type !== "word" || !/^\p{Lu}/u.test(t.text)) return -1;
  const m = MONTHS.get(t.lower);
  if (m === undefined) return -1;
  return isP(toks[k + 1], ".") && t.lower.length <= 4 ? k + 2 : k + 1;
}

const ORD_SUFFIX = new Set(["st", "nd", "rd", "th"]);

/** A day of the month at token k ("19", "23rd"): returns its value and the token after it. */
function dayAt(toks: Token[], k: number): { day: number; next: number } | null {
  const t = toks[k];
  if (!t || t.type !== "num" || t.text.length > 2) return null;
  const day = Number(t.text);
  if (day < 1 || day > 31) return null;
  let next = k + 1;
  if (toks[next]?.type === "word" && ORD_SUFFIX.has(toks[next].lower)) next++;
  if (toks[next] && (toks[next].type === "word" || toks[next].type === "num")) return null;
  return { day, next };
}

function yearAt(toks: Token[], k: number): number | null {
  const t = toks[k];
  if (!t || t.type !== "num" || t.text.length !== 4) return null;
  const y = Number(t.text);
  if (y < 1000 || y > 2199) return null;
  const a = toks[k + 1];
  if (a && (a.type === "word" || a.type === "num" || ((a.text === "," || a.text === ".") && toks[k + 2]?.type === "num"))) return null;
  return y;
}

/** A range separator between two days or years: "-", "–", "to", "until", "through", "and". */
function rangeSep(toks: Token[], k: number, words: string[]): number {
  const p = skipGap(toks, k);
  if (isHyphen(toks[p])) return skipGap(toks, p + 1);
  const w = wordAt(toks, p);
  if (p > k && w && words.includes(w)) {
    const q = skipGap(toks, p + 1);
    return q > p + 1 ? q : -1;
  }
  return -1;
}

function pushDate(ctx: Ctx, i0: number, i1: number, value: number, unit: string, high?: number): number {
  push(ctx, { kind: "date", value, unit, what: "", qualifier: "", start: ctx.toks[i0].start, end: ctx.toks[i1 - 1].end, ...(high !== undefined ? { high } : {}) });
  return i1;
}

/** Dates written with a month ("February 24, 2022", "April 19 to 21", "23rd Sep, 2025", "June 2024") or numerically ("5/17/2018", "2025-01-01"). */
function readDate(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  const mEnd = monthAt(toks, i);
  if (mEnd > 0) {
    const k = skipGap(toks, mEnd);
    if (k === mEnd) return 0;
    const y = yearAt(toks, k);
    if (y !== null) return pushDate(ctx, i, k + 1, y, "year");
    const d = dayAt(toks, k);
    if (!d) return 0;
    let end = d.next;
    let high: number | undefined;
    const r = rangeSep(toks, end, ["to", "until", "through", "and"]);
    if (r > 0 && monthAt(toks, r) < 0) {
      const d2 = dayAt(toks, r);
      if (d2 && d2.day > d.day) { high = d2.day; end = d2.next; }
    }
    // ", 2022" or " 2022"
    let c = end;
    if (isP(toks[c], ",")) c++;
    c = skipGap(toks, c);
    const y2 = c > end ? yearAt(toks, c) : null;
    if (y2 !== null) return pushDate(ctx, i, c + 1, y2, "year");
    return pushDate(ctx, i, end, d.day, "day", high);
  }
  const t = toks[i];
  if (t.type !== "num") return 0;
  // numeric dates: 5/17/2018, 17.05.2018, 2025-01-01
  if ((isP(toks[i + 1], "/") || isP(toks[i + 1], ".") || isP(toks[i + 1], "-")) && toks[i + 2]?.type === "num"
      && toks[i + 3]?.text === toks[i + 1].text && toks[i + 4]?.type === "num") {
    const [a, b, c] = [t.text, toks[i + 2].text, toks[i + 4].text];
    const sep = toks[i + 1].text;
    const ymd = a.length === 4 && b.length <= 2 && c.length <= 2 && sep === "-";
    const dmy = a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2) && sep !== "-";
    const after = toks[i + 5];
    if ((ymd || dmy) && !(after && (after.type === "num" || after.type === "word" || (isP(after, sep) && toks[i + 6]?.type === "num")))) {
      return pushDate(ctx, i, i + 5, ymd ? Number(a) : c.length === 4 ? Number(c) : 2000 + Number(c), "year");
    }
  }
  // 24 February 2022, 23rd Sep, 2025, 19-21 April, the 21st of May
  const d = dayAt(toks, i);
  if (!d) return 0;
  let end = d.next;
  let high: number | undefined;
  const r = rangeSep(toks, end, ["to", "and"]);
  if (r > 0) {
    const d2 = dayAt(toks, r);
    if (d2 && d2.day > d.day) { high = d2.day; end = d2.next; }
  }
  let k = skipGap(toks, end);
  if (k === end) return 0;
  if (wordAt(toks, k) === "of") {
    const k2 = skipGap(toks, k + 1);
    if (k2 === k + 1) return 0;
    k = k2;
  }
  const mEnd2 = monthAt(toks, k);
  if (mEnd2 < 0) return 0;
  let c = mEnd2;
  if (isP(toks[c], ",")) c++;
  const c2 = skipGap(toks, c);
  const y = c2 > mEnd2 ? yearAt(toks, c2) : null;
  if (y !== null) return pushDate(ctx, i, c2 + 1, y, "year");
  return pushDate(ctx, i, mEnd2, d.day, "day", high);
}

// ---- money -------------------------------------------------------------------------------------------------

/** Currency signs before (or after) an amount. */
const SYMBOLS: WordTable<string> = wordTable({
  $: "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY", "₦": "NGN",
  "₱": "PHP", "₪": "ILS", "₫": "VND", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₸": "KZT", "₼": "AZN", "₿": "BTC", "元": "CNY", "ரூ": "LKR",
});
/** The longest sign, in UTF-16 units. */
const SYMBOL_MAX = Math.max(...[...SYMBOLS.keys()].map((k) => k.length));
/** Letters glued before "$": US$, C$, HK$, A$, NZ$, S$, Mex$, R$. */
const DOLLAR_PREFIX: WordTable<string> = wordTable({
  us: "USD", usd: "USD", c: "CAD", ca: "CAD", cad: "CAD", a: "AUD", au: "AUD", aud: "AUD", hk: "HKD", hkd: "HKD",
  nz: "NZD", nzd: "NZD", s: "SGD", sg: "SGD", sgd: "SGD", mex: "MXN", mx: "MXN", mxn: "MXN", r: "BRL",
});
/** The same, when written with a space before the sign ("c $ 16.4 million"); never "a" or "s", which are words. */
const SPACED_DOLLAR_PREFIX = new Set(["us", "c", "hk", "nz", "mex", "usd", "cad", "aud", "hkd", "nzd", "mxn"]);
const ISO_CODES = new Set([
  "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "PKR", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "SAR", "AED",
  "TRY", "UAH", "KRW", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "IRR", "AFN", "BDT", "LKR", "EGP",
  "NGN", "KZT", "TWD", "THB", "IDR", "MYR", "ILS", "QAR", "KWD", "BHD", "OMR", "JOD", "CRC", "GEL", "AZN", "BTC",
]);
/** Lower-case codes that are not also English words ("try", "all" are). */
const LOWER_CODES = new Set(["usd", "eur", "gbp", "jpy", "cny", "rmb", "rub", "pkr", "inr", "chf", "cad", "aud", "nzd", "hkd", "sgd", "sek", "nok", "dkk", "mxn", "brl", "zar", "krw", "uah", "btc"]);
const CODE_ALIASES: WordTable<string> = wordTable({ RMB: "CNY", rs: "PKR", Rs: "PKR", RS: "PKR" });

function codeOf(t: Token | undefined): { unit: string; exp: number } | null {
  if (!t || t.type !== "word") return null;
  const x = t.text;
  // Every code below is three letters, or four with M before it: a longer word is none.
  if (x.length > 4) return null;
  if (CODE_ALIASES.get(x)) return { unit: CODE_ALIASES.get(x)!, exp: 0 };
  if (ISO_CODES.has(x)) return { unit: CODE_ALIASES.get(x) ?? x, exp: 0 };
  if (LOWER_CODES.has(x)) return { unit: CODE_ALIASES.get(x.toUpperCase()) ?? x.toUpperCase(), exp: 0 };
  // MUSD, MEUR: millions of
  if (x.length === 4 && (x[0] === "M" || x[0] === "m") && (ISO_CODES.has(x.slice(1).toUpperCase()))) {
    const c = x.slice(1).toUpperCase();
    return { unit: CODE_ALIASES.get(c) ?? c, exp: 6 };
  }
  return null;
}

/** Currency names after an amount, singular, up to three words. */
const CURRENCY_WORDS: WordTable<string> = wordTable({
  dollar: "USD", "us dollar": "USD", "american dollar": "USD", "australian dollar": "AUD", "canadian dollar": "CAD",
  "hong kong dollar": "HKD", "new zealand dollar": "NZD", "singapore dollar": "SGD", "taiwan dollar": "TWD",
  euro: "EUR", pound: "GBP", "pound sterling": "GBP", "british pound": "GBP", sterling: "GBP",
  yen: "JPY", "japanese yen": "JPY", yuan: "CNY", "chinese yuan": "CNY", renminbi: "CNY", kuai: "CNY",
  rupee: "PKR", "pakistani rupee": "PKR", "indian rupee": "INR", "sri lankan rupee": "LKR",
  rouble: "RUB", ruble: "RUB", "russian rouble": "RUB", "russian ruble": "RUB",
  "swiss franc": "CHF", "french franc": "FRF", franc: "franc", peseta: "ESP", markka: "FIM", "finnish markka": "FIM",
  guilder: "NLG", "dutch guilder": "NLG", "turkish lira": "TRY", hryvnia: "UAH", riyal: "SAR", "saudi riyal": "SAR",
  dirham: "AED", "uae dirham": "AED", taka: "BDT", afghani: "AFN", rand: "ZAR", "south african rand": "ZAR",
  "mexican peso": "MXN", "korean won": "KRW", "south korean won": "KRW", "iranian rial": "IRR", naira: "NGN",
  bitcoin: "BTC", satoshi: "satoshi",
  cent: "cent", penny: "penny", pence: "penny", pennies: "penny", kopek: "kopek", kopeck: "kopek", paisa: "paisa", paise: "paisa", dime: "dime",
});
const CURRENCY_FIRST = new Set([...CURRENCY_WORDS.keys()].map((k) => k.split(" ")[0]));

const singular = (w: string) => (w === "pence" || w === "paise" || w === "pennies" ? w : w.endsWith("ies") ? w.slice(0, -3) + "y" : w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);

/** A currency word or phrase at token k ("dollars", "Australian dollars", "Swiss francs"). */
function currencyWordAt(toks: Token[], k: number): { unit: string; next: number } | null {
  const w0 = wordAt(toks, k);
  if (!w0 || !CURRENCY_FIRST.has(singular(w0)) && !CURRENCY_FIRST.has(w0)) return null;
  let best: { unit: string; next: number } | null = null;
  let phrase = "";
  let j = k;
  for (let n = 0; n < 3; n++) {
    const w = wordAt(toks, j);
    if (!w) break;
    const key = (phrase ? phrase + " " : "") + singular(w);
    const keyRaw = (phrase ? phrase + " " : "") + w;
    const hit = CURRENCY_WORDS.get(keyRaw) ?? CURRENCY_WORDS.get(key);
    if (hit) best = { unit: hit, next: j + 1 };
    phrase = keyRaw;
    const j2 = skipGap(toks, j + 1, 1);
    if (j2 === j + 1) break;
    j = j2;
  }
  // "pounds of sugar" is a weight
  if (best && best.unit === "GBP" && wordAt(toks, skipGap(toks, best.next)) === "of" && !/[£]/.test(toks[k].text)) return null;
  return best;
}

/** The currency prefix at token i: "$", "US$", "c $", "USD", "USD$", "Rs.", "MUSD". */
function moneyPrefix(toks: Token[], i: number): { unit: string; exp: number; next: number } | null {
  const t = toks[i];
  // A word longer than every sign is not looked up: most words are, and each miss is a costly keyed lookup.
  if (t.type === "punct" || (t.type === "word" && t.text.length <= SYMBOL_MAX && SYMBOLS.get(t.text))) {
    const u = SYMBOLS.get(t.text);
    if (!u) return null;
    // a sign glued after letters that are not a known prefix ("X$5") is still a sign
    return { unit: u, exp: 0, next: i + 1 };
  }
  if (t.type !== "word") return null;
  if (i > 0 && toks[i - 1].type === "word") return null;
  const lower = t.lower;
  if (isP(toks[i + 1], "$") && DOLLAR_PREFIX.get(lower) && (t.text.length > 1 || t.text === t.text.toUpperCase())) {
    return { unit: DOLLAR_PREFIX.get(lower)!, exp: 0, next: i + 2 };
  }
  // U.S.$ / u.s $
  if (lower === "u" && isP(toks[i + 1], ".") && wordAt(toks, i + 2) === "s") {
    let k = i + 3;
    if (isP(toks[k], ".")) k++;
    k = skipGap(toks, k, 1);
    if (isP(toks[k], "$")) return { unit: "USD", exp: 0, next: k + 1 };
    return null;
  }
  if (SPACED_DOLLAR_PREFIX.has(lower) && toks[i + 1]?.type === "space" && toks[i + 1].text === " " && isP(toks[i + 2], "$")) {
    // "us $ 150 million"; not "give us $5" — the sign must be followed by an amount either way, so read it as USD
    return { unit: DOLLAR_PREFIX.get(lower)!, exp: 0, next: i + 3 };
  }
  const code = codeOf(t);
  if (code) {
    let k = i + 1;
    if (isP(toks[k], "$")) k++;
    else if (isP(toks[k], ".") && (t.text === "Rs" || t.text === "rs")) k++;
    return { unit: code.unit, exp: code.exp, next: k };
  }
  return null;
}

/** A currency after an amount: "dollars", "USD", "€", "元", "Swiss francs"; with a scale after a code ("75 USD million"). */
function moneySuffix(toks: Token[], k: number): { unit: string; exp: number; next: number } | null {
  const gluedTok = toks[k];
  if (gluedTok && gluedTok.type !== "space") {
    // glued: "115USD", "100元", "-15€", "12-cent", "one-yen"
    if (gluedTok.type === "punct" && SYMBOLS.get(gluedTok.text) && gluedTok.text !== "$") return { unit: SYMBOLS.get(gluedTok.text)!, exp: 0, next: k + 1 };
    if (gluedTok.type === "word" && SYMBOLS.get(gluedTok.text)) return { unit: SYMBOLS.get(gluedTok.text)!, exp: 0, next: k + 1 };
    const c = codeOf(gluedTok);
    if (c && gluedTok.text === gluedTok.text.toUpperCase()) return withScale(toks, { unit: c.unit, exp: c.exp, next: k + 1 });
    if (isHyphen(gluedTok)) {
      const w = currencyWordAt(toks, k + 1);
      if (w && toks[k + 1].type === "word") return { unit: w.unit, exp: 0, next: w.next };
    }
    return null;
  }
  const p = skipGap(toks, k, 2);
  if (p === k) return null;
  const t = toks[p];
  if (!t) return null;
  if ((t.type === "punct" || t.type === "word") && SYMBOLS.get(t.text)) {
    // "10 $", "100 ₡" — but not "10 $ 20", where the sign starts the next amount
    if (t.text === "$" && toks[skipGap(toks, p + 1)]?.type === "num") return null;
    return { unit: SYMBOLS.get(t.text)!, exp: 0, next: p + 1 };
  }
  const c = codeOf(t);
  if (c) {
    if (toks[p + 1]?.type === "num" || (toks[skipGap(toks, p + 1)]?.type === "num" && c.exp === 0 && !isScaleWord(toks, skipGap(toks, p + 1)))) {
      // "10 rmb 20 usd": a code followed by a number starts the next amount, unless it is a scale
      if (toks[p + 1]?.type === "num") return null;
    }
    return withScale(toks, { unit: c.unit, exp: c.exp, next: p + 1 });
  }
  const w = currencyWordAt(toks, p);
  if (w) return { unit: w.unit, exp: 0, next: w.next };
  return null;
}

function isScaleWord(toks: Token[], k: number): boolean {
  const w = wordAt(toks, k);
  return !!w && BIG_SCALES.get(w) !== undefined;
}

/** "75 USD million": a scale after the code. */
function withScale(toks: Token[], m: { unit: string; exp: number; next: number }): { unit: string; exp: number; next: number } {
  const p = skipGap(toks, m.next, 1);
  const w = wordAt(toks, p);
  if (p > m.next && w && BIG_SCALES.get(w) !== undefined && !(toks[p + 1] && toks[p + 1].type === "word")) {
    return { ...m, exp: m.exp + BIG_SCALES.get(w)!, next: p + 1 };
  }
  return m;
}

/** Money with a prefix: "$350 billion", "USD70.2 billion", "c $ 16.4 million", "Rs. 5bn", "$5-10 million". */
function readMoney(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  const pre = moneyPrefix(toks, i);
  if (!pre) return 0;
  let k = skipGap(toks, pre.next, 1);
  let sign = 1;
  if (k === pre.next && (isP(toks[k], "-") || isP(toks[k], "−")) && toks[k + 1]?.type === "num") { sign = -1; k++; } // "$-99.99"
  const n0 = readNumber(toks, k);
  if (!n0 || n0.chainEnd !== undefined) return 0;
  const n = sign < 0 ? { ...n0, value: -n0.value } : n0;
  if (n.words && !n.digits) return 0; // "$ five" is not how amounts are written
  let value = scaleBy(n.value, pre.exp);
  let end = n.i1;
  const after = toks[end];
  if (after && after.type === "word") return end; // "$5bnx": not an amount we understand
  // a scale after the amount when the reader stopped short: "$ 20 bn"
  const post = withScale(toks, { unit: pre.unit, exp: 0, next: end });
  if (post.exp) { value = scaleBy(value, post.exp); end = post.next; }
  // "$ 10 dollars": the unit written twice
  const again = moneySuffix(toks, end);
  if (again && again.unit === pre.unit && again.exp === 0 && toks[again.next - 1].type === "word") end = again.next;
  // a range: "$5-10 million", "$5 million to $10 million", "$5-$10"
  let high: number | undefined;
  const r = rangeTail(toks, end, false);
  if (r) {
    let q = r;
    const pre2 = moneyPrefix(toks, q);
    if (pre2 && pre2.unit === pre.unit) q = skipGap(toks, pre2.next, 1);
    const n2 = readNumber(toks, q);
    if (n2 && n2.chainEnd === undefined && n2.digits) {
      let v2 = scaleBy(n2.value, pre.exp);
      if (n2.scaleExp && !n.scaleExp && n.value < n2.value / 10 ** n2.scaleExp + 1e-9 && n.value < n2.value) value = scaleBy(n.value, n2.scaleExp + pre.exp);
      if (v2 > value) { high = v2; end = n2.i1; }
      else v2 = 0;
    }
  }
  const start = toks[i].start;
  const q = qualifierBefore(toks, i);
  push(ctx, { kind: "money", value, unit: pre.unit, what: moneyWhat(ctx, i, end), qualifier: q.text, start, end: toks[end - 1].end, ...(high !== undefined ? { high } : {}) });
  return end;
}

function moneyWhat(ctx: Ctx, i0: number, i1: number): string {
  const after = npAfter(ctx, i1, true);
  if (after) return after;
  return npBefore(ctx, qualifierBefore(ctx.toks, i0).i0);
}

// ---- percent ------------------------------------------------------------------------------------------------

/** A percent sign or word at token k: "%", " %", "percent", "per cent", "percentage points". */
function percentAt(toks: Token[], k: number): { unit: string; next: number } | null {
  if (isP(toks[k], "%") || isP(toks[k], "％")) return { unit: "%", next: k + 1 };
  const p = skipGap(toks, k, 1);
  if (p > k && (isP(toks[p], "%") || isP(toks[p], "％"))) return { unit: "%", next: p + 1 };
  let j = p;
  if (isHyphen(toks[k]) && toks[k + 1]?.type === "word") j = k + 1;
  else if (p === k) return null;
  const w = wordAt(toks, j);
  if (w === "percent" || w === "percents" || w === "pct") return pointsAfter(toks, j + 1) ?? { unit: "%", next: j + 1 };
  if (w === "percentage") return pointsAfter(toks, j + 1) ?? { unit: "%", next: j + 1 };
  if (w === "per") {
    const q = skipGap(toks, j + 1, 1);
    const q2 = isHyphen(toks[j + 1]) ? j + 2 : q;
    if (q2 > j + 1 && wordAt(toks, q2) === "cent") return pointsAfter(toks, q2 + 1) ?? { unit: "%", next: q2 + 1 };
  }
  return null;
}

function pointsAfter(toks: Token[], k: number): { unit: string; next: number } | null {
  const p = skipGap(toks, k, 1);
  const w = wordAt(toks, p);
  return p > k && (w === "point" || w === "points") ? { unit: "pp", next: p + 1 } : null;
}

/** "percent of 10", "per cent of twenty-two": the amount written after the word. */
function readReversePercent(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  const w = wordAt(toks, i);
  if (w !== "percent" && w !== "percents" && w !== "per") return 0;
  const prev = prevSolid(toks, i);
  if (prev >= 0 && (toks[prev].type === "num" || readNumberEndingAt(toks, prev))) return 0;
  let k = i + 1;
  if (w === "per") {
    const q = skipGap(toks, k, 1);
    if (q === k || wordAt(toks, q) !== "cent") return 0;
    k = q + 1;
  }
  const o = skipGap(toks, k, 1);
  if (o === k || wordAt(toks, o) !== "of") return 0;
  const s = skipGap(toks, o + 1, 1);
  if (s === o + 1) return 0;
  const n = readNumber(toks, s);
  if (!n || n.chainEnd !== undefined) return 0;
  if (toks[n.i1] && toks[n.i1].type === "word") return 0;
  push(ctx, { kind: "percent", value: n.value, unit: "%", what: "", qualifier: "", start: toks[i].start, end: n.end });
  return n.i1;
}

function readNumberEndingAt(toks: Token[], k: number): boolean {
  const w = wordAt(toks, k);
  return !!w && (UNITS_OR_TENS.has(w) || w === "hundred" || BIG_SCALES.get(w) !== undefined);
}
const UNITS_OR_TENS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]);

// ---- durations -----------------------------------------------------------------------------------------------

const TIME_UNITS: WordTable<string> = wordTable({
  second: "second", seconds: "second", sec: "second", secs: "second", minute: "minute", minutes: "minute", min: "minute", mins: "minute",
  hour: "hour", hours: "hour", hr: "hour", hrs: "hour", day: "day", days: "day", week: "week", weeks: "week", fortnight: "fortnight", fortnights: "fortnight",
  month: "month", months: "month", year: "year", years: "year", yr: "year", yrs: "year", decade: "decade", decades: "decade", century: "century", centuries: "century",
});

function timeUnitAt(toks: Token[], k: number): { unit: string; next: number } | null {
  let p = skipGap(toks, k, 2);
  if (p === k) {
    if (!isHyphen(toks[k]) || toks[k + 1]?.type !== "word") return null;
    p = k + 1; // "30-day", "two-year"
  }
  const w = wordAt(toks, p);
  if (!w || !TIME_UNITS.get(w)) return null;
  if (toks[p + 1] && toks[p + 1].type === "word") return null;
  let next = p + 1;
  // "six weeks'" keeps its apostrophe out of the figure
  return { unit: TIME_UNITS.get(w)!, next };
}

// ---- ordinals -----------------------------------------------------------------------------------------------

// Spelled ordinals count as figures after a determiner ("the first time", "its third round"); a bare "First,"
// opens a list and "second" is also a verb and a unit of time.
const ORDINAL_DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "every"]);

function readOrdinalFigure(ctx: Ctx, i: number): number {
  const { toks } = ctx;
  const t = toks[i];
  if (t.type !== "num" && t.type !== "word") return 0;
  if (i > 0 && (toks[i - 1].type === "word" || toks[i - 1].type === "num")) return 0;
  const r = readOrdinal(toks, i);
  if (!r) return 0;
  if (t.type === "word") {
    const p = prevSolid(toks, i);
    const det = p >= 0 && ORDINAL_DETERMINERS.has(toks[p].lower);
    const anniversary = wordAt(toks, skipGap(toks, r.i1)) === "anniversary";
    if (!det && !anniversary) return 0;
    // "a second" with nothing after is a unit of time
    if (ORDINAL_WORDS.get(t.lower) === 2 && r.i1 === i + 1 && !npAfter(ctx, r.i1, false)) return 0;
  }
  push(ctx, { kind: "ordinal", value: r.value, unit: "", what: npAfter(ctx, r.i1, false), qualifier: "", start: t.start, end: toks[r.i1 - 1].end });
  return r.i1;
}

// ---- plain numbers ----------------------------------------------------------------------------------------------

const OPENERS = new Set(["(", "[", "{", "\"", "“", "‘", "'", "«"]);

/** Words before a number that make it a label, not an amount: "Article 370", "version 2", "No. 5". */
const ID_WORDS = new Set([
  "no", "nos", "number", "page", "pages", "chapter", "paragraph", "para", "section", "article", "articles", "resolution",
  "item", "line", "room", "phase", "version", "level", "grade", "class", "stage", "zone", "block", "lot", "unit", "flight",
  "route", "highway", "channel", "episode", "season", "part", "vol", "volume", "issue", "clause", "rule", "figure", "table",
  "annex", "appendix", "gate", "platform", "terminal", "bus", "code", "sector", "ward", "act", "protocol", "pillar", "tier", "category", "size",
]);
const YEAR_DETERMINERS = new Set(["the", "its", "their", "his", "her", "our", "this", "that", "last", "next", "whose"]);
const isApostrophe = (t: Token | undefined) => !!t && (t.text === "’" || t.text === "'");
const YEAR_WORDS = new Set(["in", "since", "during", "until", "till", "before", "after", "by", "circa", "fiscal", "fy"]);
const DECADE_PREFIX = new Set(["mid", "early", "late", "pre", "post"]);
const REFERENCE_WORDS = new Set(["the", "these", "those", "above", "both"]);

function isYearLike(toks: Token[], n: NumberRead): boolean {
  return n.digits && !n.words && n.i1 === n.i0 + 1 && toks[n.i0].type === "num" && toks[n.i0].text.length === 4
    && n.value >= 1000 && n.value <= 2199;
}

function classifyNumber(ctx: Ctx, n: NumberRead): number {
  const { toks } = ctx;
  if (n.chainEnd !== undefined) return n.chainEnd; // "192.168.1.2", "1.2.3"
  const first = toks[n.i0];
  const before = toks[n.i0 - 1];
  const after = toks[n.i1];

  // glued on the left: inside a word ("G20", "MH17") or an identifier ("COVID-19", "Su-35"); "mid-2024" is a date
  if (before && before.type === "word" && first.type !== "word") return n.i1;
  if (isHyphen(before) && toks[n.i0 - 2]?.type === "word" && first.type === "num") {
    if (DECADE_PREFIX.has(toks[n.i0 - 2].lower) && isYearLike(toks, n)) return pushDate(ctx, n.i0, n.i1, n.value, "year");
    return n.i1;
  }
  // inside a code: "J1149.5+6663", "1/0", "6F6"
  if (before && before.type === "punct" && !OPENERS.has(before.text) && !isHyphen(before) && first.type === "num"
      && (toks[n.i0 - 2]?.type === "num" || toks[n.i0 - 2]?.type === "word")) return n.i1;
  // chains such as "+1-222-2222-2222" or "12/34/56": labels, not amounts
  if (after && (isHyphen(after) || isP(after, "/")) && toks[n.i1 + 1]?.type === "num"
      && (isHyphen(toks[n.i1 + 2]) || isP(toks[n.i1 + 2], "/")) && toks[n.i1 + 3]?.type === "num") {
    let k = n.i1;
    while ((isHyphen(toks[k]) || isP(toks[k], "/")) && toks[k + 1]?.type === "num") k += 2;
    return k;
  }
  // glued on the right
  if (after && after.type === "word") {
    const w = after.lower;
    if (w === "s" && isYearLike(toks, n)) return pushDate(ctx, n.i0, n.i1 + 1, n.value, "year"); // 1960s
    if ((w === "am" || w === "pm") && n.value <= 24) return pushDate(ctx, n.i0, n.i1 + 1, n.value, "time");
    const money = moneySuffix(toks, n.i1);
    if (money) return pushAmount(ctx, n, "money", scaleBy(n.value, money.exp), money.unit, money.next);
    return n.i1; // "10kg", "29km", "4x4": a unit or code the ledger does not track
  }
  // times of day: "10:30", "2 pm", "2 p.m."
  if (isP(after, ":") && toks[n.i1 + 1]?.type === "num" && toks[n.i1 + 1].text.length === 2 && n.value <= 24) {
    return pushDate(ctx, n.i0, n.i1 + 2, n.value, "time");
  }
  const g = skipGap(toks, n.i1, 1);
  if (g > n.i1 && n.value <= 24 && n.value >= 0) {
    const w = wordAt(toks, g);
    if (w === "am" || w === "pm") return pushDate(ctx, n.i0, g + 1, n.value, "time");
    if ((w === "a" || w === "p") && isP(toks[g + 1], ".") && wordAt(toks, g + 2) === "m") return pushDate(ctx, n.i0, isP(toks[g + 3], ".") ? g + 4 : g + 3, n.value, "time");
  }

  const pct = percentAt(toks, n.i1);
  if (pct) return pushAmount(ctx, n, "percent", n.value, pct.unit, pct.next);
  const money = moneySuffix(toks, n.i1);
  if (money) return pushAmount(ctx, n, "money", scaleBy(n.value, money.exp), money.unit, money.next);
  const time = timeUnitAt(toks, n.i1);
  if (time) {
    const ago = skipGap(toks, time.next);
    if (ago > time.next && wordAt(toks, ago) === "ago") return pushDate(ctx, n.i0, ago + 1, n.value, time.unit + "s ago");
    return pushAmount(ctx, n, "duration", n.value, time.unit, time.next);
  }

  // years
  if (isYearLike(toks, n)) {
    const yr = yearRange(toks, n);
    if (yr) return pushDate(ctx, n.i0, yr.next, n.value, "year", yr.high);
    if (!isCountNotYear(ctx, n)) return pushDate(ctx, n.i0, n.i1, n.value, "year");
  }

  // a range of plain numbers or of amounts whose unit comes after the second ("15-20 percent")
  const q = qualifierBefore(toks, n.i0);
  const r = rangeTail(toks, n.i1, q.text === "between");
  if (r) {
    const n2 = readNumber(toks, r);
    if (n2 && n2.chainEnd === undefined && !(toks[n2.i1] && toks[n2.i1].type === "word") && n2.value > n.value) {
      const pct2 = percentAt(toks, n2.i1);
      const money2 = pct2 ? null : moneySuffix(toks, n2.i1);
      const time2 = pct2 || money2 ? null : timeUnitAt(toks, n2.i1);
      let v1 = n.value;
      let v2 = n2.value;
      if (money2) { v1 = scaleBy(n2.scaleExp && !n.scaleExp ? scaleBy(v1, n2.scaleExp) : v1, money2.exp); v2 = scaleBy(v2, money2.exp); }
      else if (n2.scaleExp && !n.scaleExp && n.value < n2.value / 10 ** n2.scaleExp) v1 = scaleBy(v1, n2.scaleExp);
      const kind: FigureKind = pct2 ? "percent" : money2 ? "money" : time2 ? "duration" : "count";
      const unit = pct2 ? pct2.unit : money2 ? money2.unit : time2 ? time2.unit : "";
      const end = pct2 ? pct2.next : money2 ? money2.next : time2 ? time2.next : n2.i1;
      return pushAmount(ctx, n, kind, v1, unit, end, v2);
    }
  }

  // "2-0", "3-1": a score or a code, not two figures
  if (isHyphen(after) && toks[n.i1 + 1]?.type === "num" && n.digits) {
    const n2 = readNumber(toks, n.i1 + 1);
    return n2 ? n2.i1 : n.i1 + 2;
  }
  // plain counts, minus the numbers that are labels, names or ages
  const last = toks[n.i1 - 1];
  if (last.type === "word" && GLUED_LETTER.has(last.text) && toks[n.i1 - 2]?.type === "num") {
    // "3G", "5G" are names; "1500m" in sport is metres; "10k votes", "1m people" are counts
    const w = toks[skipGap(toks, n.i1)];
    if (last.text === "G" || last.text === "g" || skipGap(toks, n.i1) === n.i1 || !w || w.type !== "word" || tagOf(w) !== "NNS") return n.i1;
  }
  if (isHyphen(after) && wordAt(toks, n.i1 + 1) === "time") return n.i1 + 2; // "two-time champion"
  const spelled = n.words && !n.digits;
  if (spelled && n.value === 1) return n.i1; // "one of the leaders", "a hundred"-less "one"
  const p = prevSolid(toks, n.i0);
  const prevWord = p >= 0 && toks[p].type === "word" ? toks[p] : null;
  if (spelled && n.value <= 10 && prevWord && REFERENCE_WORDS.has(prevWord.lower)) return n.i1; // "the two countries"
  if (prevWord && ID_WORDS.has(prevWord.lower)) return n.i1; // "Article 370", "world number two"
  if (isP(toks[p], ".") && p > 0 && (toks[p - 1].lower === "no" || toks[p - 1].lower === "nos")) return n.i1;
  if (prevWord && n.digits && !n.words && n.i1 === n.i0 + 1 && /^\p{Lu}/u.test(prevWord.text) && !sentenceInitial(toks, p)
      && MONTHS.get(prevWord.lower) === undefined && (!npAfter(ctx, n.i1, false) || nameAfter(toks, n.i1))) return n.i1; // "Voyager 2", "Radio 5 Live"
  // "Viktor Makarov, 50, said": an age
  if (isP(toks[p], ",") && isP(after, ",") && toks[p - 1]?.type === "word" && /^\p{Lu}/u.test(toks[p - 1].text) && n.digits && n.value < 120) return n.i1;
  // "the 6 Nations": a name
  if (n.digits && prevWord && prevWord.lower === "the" && nameAfter(toks, n.i1) && /^NNP/.test(tagOf(toks[skipGap(toks, n.i1, 1)]))) return n.i1;
  // "10 Downing Street": an address or a name, not ten of something
  if (n.digits && skipGap(toks, n.i1) > n.i1 && properNameAt(toks, skipGap(toks, n.i1))) return n.i1;
  return pushAmount(ctx, n, "count", n.value, "", n.i1);
}

/** A capitalised word right after a number ("5 Live"): with a name before the number, all of it is a name. */
function nameAfter(toks: Token[], k: number): boolean {
  const j = skipGap(toks, k, 1);
  const t = toks[j];
  return j > k && !!t && t.type === "word" && /^\p{Lu}/u.test(t.text);
}

/** Two or more singular proper nouns in a row ("Downing Street", "Boeing Dreamliner"). */
function properNameAt(toks: Token[], k: number): boolean {
  let n = 0;
  for (let j = k; j < toks.length && n < 3;) {
    const t = toks[j];
    if (!t || t.type !== "word" || !/^\p{Lu}/u.test(t.text) || tagOf(t) !== "NNP") break;
    n++;
    const j2 = skipGap(toks, j + 1, 1);
    if (j2 === j + 1) break;
    j = j2;
  }
  return n >= 2;
}

const GLUED_LETTER = new Set(["k", "K", "m", "M", "b", "B", "G", "g", "T"]);

/** A year followed by a plural noun and not by a year word before it is a count: "2000 people", but "in 2014 elections" is a year. */
function isCountNotYear(ctx: Ctx, n: NumberRead): boolean {
  const { toks } = ctx;
  const q = qualifierBefore(toks, n.i0);
  if (q.text && q.text !== "between") return true;
  // "1000-5000": the second number is no year
  const r = rangeTail(toks, n.i1, false);
  if (r) {
    const n2 = readNumber(toks, r);
    if (n2 && (n2.value > 2199 || n2.value < 1000 && !(toks[r].type === "num" && toks[r].text.length === 2))) return true;
  }
  const p = prevSolid(toks, n.i0);
  if (p >= 0 && YEAR_WORDS.has(toks[p].lower)) return false;
  if (p >= 0 && monthAt(toks, p) >= 0) return false;
  // "its 2003 results", "Russia’s 2024 budget", "the 2015 Minsk agreements"
  if (p >= 0 && (YEAR_DETERMINERS.has(toks[p].lower) || (toks[p].lower === "s" && isApostrophe(toks[p - 1])))) return false;
  // "2000 and 2003 results": a year after a year
  if (p >= 0 && (toks[p].lower === "and" || toks[p].lower === "or" || toks[p].text === ",")) {
    const last = ctx.out[ctx.out.length - 1];
    if (last && last.kind === "date" && last.unit === "year" && toks[p].start - last.end <= 2) return false;
  }
  const k = skipGap(toks, n.i1);
  if (k === n.i1) return false;
  const w = toks[k];
  return !!w && w.type === "word" && tagOf(w) === "NNS";
}

function yearRange(toks: Token[], n: NumberRead): { next: number; high: number } | null {
  const k = n.i1;
  const sep = toks[k];
  let q = -1;
  if (isHyphen(sep) || isP(sep, "/")) q = k + 1;
  else {
    const p = skipGap(toks, k, 1);
    if (p > k && isHyphen(toks[p])) q = skipGap(toks, p + 1, 1);
  }
  if (q < 0) return null;
  const t2 = toks[q];
  if (!t2 || t2.type !== "num" || (toks[q + 1] && (toks[q + 1].type === "word" || toks[q + 1].type === "num"))) return null;
  let high = -1;
  if (t2.text.length === 4) high = Number(t2.text);
  else if (t2.text.length === 2) high = Math.floor(n.value / 100) * 100 + Number(t2.text);
  if (high <= n.value || high > 2199 || high - n.value > 100) return null;
  return { next: q + 1, high };
}

function pushAmount(ctx: Ctx, n: NumberRead, kind: FigureKind, value: number, unit: string, end: number, high?: number): number {
  const { toks } = ctx;
  const q = qualifierBefore(toks, n.i0);
  let what = "";
  if (kind === "percent") what = percentWhat(ctx, end, q.i0);
  else if (kind === "money") what = moneyWhat(ctx, n.i0, end);
  else if (kind === "count") what = npAfter(ctx, end, false) || npBefore(ctx, q.i0);
  else if (kind === "duration") what = ofPhrase(ctx, end);
  push(ctx, { kind, value, unit, what, qualifier: q.text, start: n.start, end: toks[end - 1].end, ...(high !== undefined ? { high } : {}) });
  return end;
}

function percentWhat(ctx: Ctx, end: number, qStart: number): string {
  return ofPhrase(ctx, end) || npAfter(ctx, end, false) || npBefore(ctx, qStart);
}

/** "… of the territory of the Kursk region" → "territory of the Kursk region". */
function ofPhrase(ctx: Ctx, k: number): string {
  const p = skipGap(ctx.toks, k);
  if (p === k || wordAt(ctx.toks, p) !== "of") return "";
  return npAfter(ctx, p + 1, false);
}

function sentenceInitial(toks: Token[], k: number): boolean {
  const p = prevSolid(toks, k);
  if (p < 0) return true;
  const t = toks[p];
  if (t.type === "punct" && ".!?:;\"“”‘’'(".includes(t.text)) return true;
  return toks[k - 1]?.type === "space" && /\n/.test(toks[k - 1].text);
}

/** A range after a number: "-", "–", "to", "through", "and" (only after "between"); returns the token where the second number starts. */
function rangeTail(toks: Token[], k: number, between: boolean): number {
  const p = skipGap(toks, k);
  if (isHyphen(toks[p]) || isP(toks[p], "~")) {
    const q = skipGap(toks, p + 1);
    return toks[q] && (toks[q].type === "num" || toks[q].type === "word" || SYMBOLS.get(toks[q].text)) ? q : 0;
  }
  const w = wordAt(toks, p);
  if (p > k && w && (w === "to" || w === "through" || (between && w === "and"))) {
    // "from 5% to 7%" is a change, not a range
    const q = skipGap(toks, p + 1);
    return q > p + 1 ? q : 0;
  }
  return 0;
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

/** The hedge just before token i ("over", "at least", "more than"): its text (lower case) and first token. */
function qualifierBefore(toks: Token[], i: number): { text: string; i0: number } {
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

function tagOf(t: Token): string {
  const o = TAG_OVERRIDES.get(t.lower);
  if (o) return o;
  if (UNITS_OR_TENS.has(t.lower) || t.lower === "hundred" || BIG_SCALES.get(t.lower) !== undefined) return "CD";
  const l = lex();
  const e = l ? (l[t.text] ?? l[t.lower]) : undefined;
  if (e && e.length) return e[0];
  if (/^\p{Lu}/u.test(t.text)) return "NNP";
  // unknown lower-case words (British spellings such as "criticised", rare verbs): guess from the ending
  if (/ed$/.test(t.lower)) return "VBD";
  if (/ing$/.test(t.lower)) return "VBG";
  if (/ly$/.test(t.lower)) return "RB";
  return "NN";
}

const isNounTag = (tag: string) => tag.startsWith("NN");
const isNpTag = (tag: string) => isNounTag(tag) || tag.startsWith("JJ");
const DETERMINERS = new Set(["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some", "all"]);
const MAX_NP_WORDS = 12;

/** The noun phrase starting at token k (after an optional gap): nouns and adjectives, with "of", "and", lists of names, possessives. */
function npAfter(ctx: Ctx, k: number, allowOf: boolean): string {
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

/** The noun phrase ending before token k, skipping linking words ("aid, which has amounted to"). */
function npBefore(ctx: Ctx, k: number): string {
  const { toks, text } = ctx;
  let j = k - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 8) {
    const t = toks[j];
    if (t.type === "space") { if (/[\n\r]/.test(t.text)) return ""; j--; continue; }
    if (t.type === "punct" && t.text === ",") { j--; skipped++; continue; }
    if (t.type === "word" && LINK_WORDS.has(t.lower)) { j--; skipped++; continue; }
    break;
  }
  let last = -1;
  let first = -1;
  let words = 0;
  while (j >= 0 && words < MAX_NP_WORDS) {
    const t = toks[j];
    if (t.type === "word") {
      if (gluedToNumber(toks, j)) break;
      const tag = tagOf(t);
      if (last < 0) {
        if (!isNounTag(tag)) return "";
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
  if (last < 0) return "";
  // a possessive "s" left as the first word ("Union’s aid" read backwards stops at "s")
  if (toks[first].lower === "s" && first > 0 && (toks[first - 1].text === "’" || toks[first - 1].text === "'")) first = first + 1;
  if (first > last) return "";
  return withoutTimePhrase(clean(text.slice(toks[first].start, toks[last].end)));
}

/** Is the word before the comma at k a name ("Republic, Zaporozhye and Kherson regions")? */
function capitalisedBefore(toks: Token[], k: number): boolean {
  const w = toks[k - 1];
  return !!w && w.type === "word" && /^\p{Lu}/u.test(w.text);
}

/** "bn" in "$3.36bn", "km" in "29km": part of a figure, not of a noun phrase. */
const gluedToNumber = (toks: Token[], j: number) => toks[j - 1]?.type === "num" || toks[j + 1]?.type === "num";

const clean = (s: string) => s.replace(/\s+/g, " ").trim();

// ---- sentences and URLs ----------------------------------------------------------------------------------------

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rs", "approx", "vs", "prof", "sen", "rep", "gov", "jr", "sr", "inc", "ltd", "co", "corp"]);

/** Sentence spans [start, end): ends at . ! ? before whitespace and a capital, digit or quote (not after "Mr." or an initial), and at line breaks. */
function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const close = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") { close(i); continue; }
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < text.length && "\"”’')]".includes(text[j])) j++;
    if (j < text.length && !/[ \t\u00a0]/.test(text[j])) continue;
    let k = j;
    while (k < text.length && /[ \t\u00a0]/.test(text[k])) k++;
    if (k < text.length && !/[\p{Lu}\p{N}"“‘(\n]/u.test(text[k])) continue;
    if (c === ".") {
      let w = i;
      while (w > 0 && i - w < 12 && /[\p{L}]/u.test(text[w - 1])) w--;
      const word = text.slice(w, i);
      if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    close(j);
  }
  close(text.length);
  return out;
}

const MAX_SENTENCE = 600;
const WINDOW = 150;

/** A window of a long "sentence" (a run-on line or a list) around the figure, without rescanning the whole of it. */
function sentenceWindow(text: string, span: [number, number], start: number, end: number): string {
  const [s, e] = span;
  const from = Math.max(s, start - WINDOW);
  const to = Math.min(e, end + WINDOW);
  return (from > s ? "…" : "") + text.slice(from, to) + (to < e ? "…" : "");
}

/** Spans of URLs and e-mail addresses, whose digits are not figures (linear: no pattern can backtrack over a long run). */
function urlSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:https?:\/\/|www\.)[^\s<>"]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  // e-mail: expand around each "@", never back past the previous one
  const word = /[\w.+-]/;
  let floor = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let s = at;
    while (s > floor && word.test(text[s - 1])) s--;
    let e = at + 1;
    while (e < text.length && text[e] !== "@" && word.test(text[e])) e++;
    floor = at + 1;
    if (s < at && text.slice(at + 1, e).includes(".")) out.push([s, e]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

// ---- formatting ------------------------------------------------------------------------------------------------

const UNIT_SIGNS: WordTable<string> = wordTable({ USD: "$", GBP: "£", EUR: "€" });
// What v.toLocaleString("en-US", { maximumFractionDigits: 4 }) gives, without building a formatter per call.
const EN_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A figure's value for a reader: "$350 billion", "75%", "19,000", "30 days", "PKR 5 million". */
export function formatValue(kind: FigureKind, value: number, unit: string, high?: number): string {
  const num = (v: number) => {
    const a = Math.abs(v);
    for (const [e, name] of [[12, "trillion"], [9, "billion"], [6, "million"]] as const) {
      if (a >= 10 ** e && kind === "money") return `${Number((v / 10 ** e).toPrecision(6))} ${name}`;
    }
    return EN_NUMBER.format(v);
  };
  const range = (f: (v: number) => string) => (high !== undefined ? `${f(value)}–${f(high)}` : f(value));
  if (kind === "percent") return range((v) => num(v)) + (unit === "pp" ? " percentage points" : "%");
  if (kind === "money") {
    const sign = UNIT_SIGNS.get(unit);
    return range((v) => (sign ? `${sign}${num(v)}` : `${unit} ${num(v)}`));
  }
  if (kind === "duration") return `${range(num)} ${unit}${value === 1 && high === undefined ? "" : "s"}`;
  if (kind === "ordinal") return `#${value}`;
  if (kind === "date") return high !== undefined ? `${value}–${high}` : String(value);
  return range(num);
}

/** Ledger rows for a table or CSV: one per figure, in article order. */
export function figureRows(figures: FigureMention[]): Array<Record<string, unknown>> {
  return figures.map((f) => ({
    article: f.article, kind: f.kind, value: f.value, high: f.high ?? null, unit: f.unit, qualifier: f.qualifier,
    what: f.what, text: f.text, start: f.start, end: f.end, sentence: f.sentence,
  }));
}
