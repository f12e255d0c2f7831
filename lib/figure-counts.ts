// Plain numbers: what a number read on its own turns out to be (a count, a percentage, an amount of money or time,
// a year, a time of day), and the numbers that are labels, names or ages rather than amounts.
import type { FigureKind } from "./figures.js";
import { type Ctx, isHyphen, isP, push, wordAt } from "./figure-context.js";
import { DECADE_PREFIX, isCountNotYear, isYearLike, MONTHS, pushDate, yearRange } from "./figure-dates.js";
import { mayStartMoney, MONEY_START_WORDS, moneySuffix, rangeTail } from "./figure-money.js";
import { percentAt, timeUnitAt } from "./figure-units.js";
import { durationWhat, othersWhat, timesWhat } from "./figure-verbs.js";
import { moneyWhat, npAfter, npBeforeResolved, percentWhat, qualifierBefore, tagOf } from "./figure-what.js";
import { BIG_SCALES, NUMBER_START_WORDS, prevSolid, readNumber, scaleBy, skipGap, type NumberRead, type Token } from "./numbers.js";

// ---- where a figure can start ----------------------------------------------------------------------------

// The words (lower case) a reader can start at: numbers and ordinals, months, money prefixes, "percent of 10".
const FIGURE_START_WORDS = new Set([...NUMBER_START_WORDS, ...MONTHS.keys(), ...MONEY_START_WORDS, "percent", "percents", "per"]);

// The shapes of those words — first letter, last letter, length — for a word of ASCII letters: "the", "of",
// "said" have no start word's shape and are answered from this table, without hashing them for the set.
const MAX_SHAPE_LENGTH = 15;
const shapeOf = (w: string): number => {
  const n = w.length;
  const a = w.charCodeAt(0) - 97;
  const b = w.charCodeAt(n - 1) - 97;
  return n > MAX_SHAPE_LENGTH || a < 0 || a > 25 || b < 0 || b > 25 ? -1 : (a * 26 + b) * (MAX_SHAPE_LENGTH + 1) + n;
};
const START_SHAPES = new Uint8Array(26 * 26 * (MAX_SHAPE_LENGTH + 1));
for (const w of FIGURE_START_WORDS) if (shapeOf(w) >= 0) START_SHAPES[shapeOf(w)] = 1;

// The words after "a"/"an" that make a number: "a hundred", "a dozen", "a half million", "an estimated" not.
const A_FOLLOWERS = new Set(["half", "quarter", "hundred", "dozen", ...BIG_SCALES.keys()]);

/** Is this lower-case word one a reader can start at? */
function isStartWord(w: string): boolean {
  const shape = shapeOf(w);
  return (shape < 0 || START_SHAPES[shape] === 1) && FIGURE_START_WORDS.has(w);
}

/**
 * Could a figure start at token i? Most tokens of a text are words no reader starts at: this answers false for
 * them from one lookup, so the readers run only where one could succeed. False means every reader in
 * figures.ts's readFigure reads nothing at i; true only means one might.
 */
export function mayStartFigure(toks: Token[], i: number): boolean {
  const t = toks[i];
  if (t.type === "num") return true;
  if (t.type === "word") {
    const w = t.lower;
    if (!isStartWord(w)) return false;
    // The commonest start words rarely start a figure: "a"/"an" only "a hundred", "a half…", "A$5"; "s" (of
    // "’s") only "S$5". Looked at here, they cost the readers nothing.
    if (w === "s") return isP(toks[i + 1], "$");
    if (w === "a" || w === "an") return isP(toks[i + 1], "$") || (toks[i + 1]?.type === "space" && A_FOLLOWERS.has(wordAt(toks, i + 2) ?? ""));
    return true;
  }
  if (t.type !== "punct") return false;
  // a sign ("-5", "−5"), a leading point (".08") or a currency sign
  return t.text === "-" || t.text === "−" || (t.text === "." && toks[i + 1]?.type === "num") || mayStartMoney(t);
}

const OPENERS = new Set(["(", "[", "{", "\"", "“", "‘", "'", "«"]);

/** Words before a number that make it a label, not an amount: "Article 370", "version 2", "No. 5". */
const ID_WORDS = new Set([
  "no", "nos", "number", "page", "pages", "chapter", "paragraph", "para", "section", "article", "articles", "resolution",
  "item", "line", "room", "phase", "version", "level", "grade", "class", "stage", "zone", "block", "lot", "unit", "flight",
  "route", "highway", "channel", "episode", "season", "part", "vol", "volume", "issue", "clause", "rule", "figure", "table",
  "annex", "appendix", "gate", "platform", "terminal", "bus", "code", "sector", "ward", "act", "protocol", "pillar", "tier", "category", "size",
]);

const REFERENCE_WORDS = new Set(["the", "these", "those", "above", "both"]);

export function classifyNumber(ctx: Ctx, n: NumberRead): number {
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
  // "the three rounds", "the two sides": a count when a plural noun follows; "the two of them", "the two agreed",
  // "these five" point back at things already named and are not read
  if (spelled && n.value <= 10 && prevWord && REFERENCE_WORDS.has(prevWord.lower) && !pluralNounAfter(ctx, n.i1)) return n.i1;
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

/** Does a noun phrase with a plural head follow token k ("sides", "rounds of talks")? */
function pluralNounAfter(ctx: Ctx, k: number): boolean {
  const { toks } = ctx;
  const j = skipGap(toks, k, 1);
  if (j === k || toks[j]?.type !== "word") return false;
  // the head: the last noun before "of", a verb or punctuation
  let head = -1;
  for (let m = j; m < toks.length && m < j + 8; m++) {
    const t = toks[m];
    if (t.type === "space") continue;
    if (t.type !== "word") break;
    const tag = tagOf(t);
    if (tag.startsWith("NN")) head = m;
    else if (!tag.startsWith("JJ")) break;
  }
  return head >= 0 && (tagOf(toks[head]) === "NNS" || tagOf(toks[head]) === "NNPS");
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

function pushAmount(ctx: Ctx, n: NumberRead, kind: FigureKind, value: number, unit: string, end: number, high?: number): number {
  const { toks } = ctx;
  const q = qualifierBefore(toks, n.i0);
  let what = "";
  if (kind === "percent") what = percentWhat(ctx, end, q.i0);
  else if (kind === "money") what = moneyWhat(ctx, n.i0, end);
  else if (kind === "count") {
    what = npAfter(ctx, end, false) || npBeforeResolved(ctx, q.i0);
    const k = skipGap(toks, end);
    if (k > end && (wordAt(toks, k) === "times" || wordAt(toks, k) === "time") && /^times?$/i.test(what)) what = timesWhat(ctx, q.i0, k) || what;
    else if (/^others$/i.test(what)) what = othersWhat(ctx, q.i0) || what;
  } else if (kind === "duration") what = durationWhat(ctx, n.i0, end, q.i0, value);
  push(ctx, { kind, value, unit, what, qualifier: q.text, start: n.start, end: toks[end - 1].end, ...(high !== undefined ? { high } : {}) });
  return end;
}

function sentenceInitial(toks: Token[], k: number): boolean {
  const p = prevSolid(toks, k);
  if (p < 0) return true;
  const t = toks[p];
  if (t.type === "punct" && ".!?:;\"“”‘’'(".includes(t.text)) return true;
  return toks[k - 1]?.type === "space" && /\n/.test(toks[k - 1].text);
}
