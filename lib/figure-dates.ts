// Dates and years, read first so that they are never quantities: "February 24, 2022", "April 19 to 21", "5/17/2018",
// "1941-1945", "mid-2024", and the test that tells a year ("in 2014 elections") from a count ("2000 people").
import { type Ctx, isHyphen, isP, push, wordAt } from "./figure-context.js";
import { rangeTail } from "./figure-money.js";
import { qualifierBefore, tagOf } from "./figure-what.js";
import { prevSolid, readNumber, skipGap, wordTable, type NumberRead, type Token, type WordTable } from "./numbers.js";

export const MONTHS: WordTable<number> = wordTable({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

/** A month name as a date word: capitalised ("May", "Sep.", "JUNE"), never the verb "may" or "march". */
export function monthAt(toks: Token[], k: number): number {
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

export function pushDate(ctx: Ctx, i0: number, i1: number, value: number, unit: string, high?: number): number {
  push(ctx, { kind: "date", value, unit, what: "", qualifier: "", start: ctx.toks[i0].start, end: ctx.toks[i1 - 1].end, ...(high !== undefined ? { high } : {}) });
  return i1;
}

/** Dates written with a month ("February 24, 2022", "April 19 to 21", "23rd Sep, 2025", "June 2024") or numerically ("5/17/2018", "2025-01-01"). */
export function readDate(ctx: Ctx, i: number): number {
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

const YEAR_DETERMINERS = new Set(["the", "its", "their", "his", "her", "our", "this", "that", "last", "next", "whose"]);
const isApostrophe = (t: Token | undefined) => !!t && (t.text === "’" || t.text === "'");
const YEAR_WORDS = new Set(["in", "since", "during", "until", "till", "before", "after", "by", "circa", "fiscal", "fy"]);
export const DECADE_PREFIX = new Set(["mid", "early", "late", "pre", "post"]);

export function isYearLike(toks: Token[], n: NumberRead): boolean {
  return n.digits && !n.words && n.i1 === n.i0 + 1 && toks[n.i0].type === "num" && toks[n.i0].text.length === 4
    && n.value >= 1000 && n.value <= 2199;
}

/** A year followed by a plural noun and not by a year word before it is a count: "2000 people", but "in 2014 elections" is a year. */
export function isCountNotYear(ctx: Ctx, n: NumberRead): boolean {
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

export function yearRange(toks: Token[], n: NumberRead): { next: number; high: number } | null {
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
