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
//
// The readers live beside this file: lib/figure-dates.ts, figure-money.ts, figure-units.ts (percent, time units),
// figure-counts.ts (plain numbers), figure-what.ts (noun phrases, qualifiers), figure-sentences.ts, figure-format.ts.
import { clean, type Ctx, push, wordAt } from "./figure-context.js";
import { classifyNumber, mayStartFigure } from "./figure-counts.js";
import { readDate } from "./figure-dates.js";
import { readMoney } from "./figure-money.js";
import { MAX_SENTENCE, sentenceSpans, sentenceWindow, urlSpans } from "./figure-sentences.js";
import { readReversePercent } from "./figure-units.js";
import { npAfter } from "./figure-what.js";
import type { Article } from "./types.js";
import { prevSolid, readNumber, readOrdinal, skipGap, tokenize, ORDINAL_WORDS } from "./numbers.js";

export { figureRows, formatValue } from "./figure-format.js";

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
    if (t.type === "space" || !mayStartFigure(ctx.toks, i)) { i++; continue; }
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
