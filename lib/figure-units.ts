// The units a plain number can carry that are not money: percent signs and words ("%", "per cent",
// "percentage points", "percent of 10") and units of time ("30 days", "two-year").
import { type Ctx, isHyphen, isP, push, wordAt } from "./figure-context.js";
import { UNITS_OR_TENS } from "./figure-what.js";
import { BIG_SCALES, prevSolid, readNumber, skipGap, wordTable, type Token, type WordTable } from "./numbers.js";

// ---- percent ------------------------------------------------------------------------------------------------

/** A percent sign or word at token k: "%", " %", "percent", "per cent", "percentage points". */
export function percentAt(toks: Token[], k: number): { unit: string; next: number } | null {
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
export function readReversePercent(ctx: Ctx, i: number): number {
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

// ---- durations -----------------------------------------------------------------------------------------------

const TIME_UNITS: WordTable<string> = wordTable({
  second: "second", seconds: "second", sec: "second", secs: "second", minute: "minute", minutes: "minute", min: "minute", mins: "minute",
  hour: "hour", hours: "hour", hr: "hour", hrs: "hour", day: "day", days: "day", week: "week", weeks: "week", fortnight: "fortnight", fortnights: "fortnight",
  month: "month", months: "month", year: "year", years: "year", yr: "year", yrs: "year", decade: "decade", decades: "decade", century: "century", centuries: "century",
});

export function timeUnitAt(toks: Token[], k: number): { unit: string; next: number } | null {
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
