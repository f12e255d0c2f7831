// mayStartFigure lets figuresInText skip the tokens no reader starts at: it must never say no where a reader
// would read something. Checked token by token on the seeds and on passages built around every reader.
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import type { Ctx } from "../lib/figure-context.js";
import { mayStartFigure } from "../lib/figure-counts.js";
import { readDate } from "../lib/figure-dates.js";
import { readMoney } from "../lib/figure-money.js";
import { readReversePercent } from "../lib/figure-units.js";
import { readNumber, readOrdinal, tokenize } from "../lib/numbers.js";

const PASSAGES = [
  "It cost $350 billion, US$5, C$ 3, c $ 16.4 million, HK$2, U.S.$ 40 and u.s $7; USD70.2 billion, 75 USD million.",
  "Rs. 5bn, rs 20, MUSD 3, musd 4, mEUR 5, €5, £3.5m, ¥100, 元 100, ரூ 50, ₹ 12 lakh crore, A$1 and a $2 bill.",
  "Half a million, a quarter million, a hundred, an estimated thousand, hundred and six, Thousand, a dozen eggs.",
  "Minus five, negative 3, -5, −7.5, .08, - 10 k, fifty-three, Fifty - two, twenty two, nought point oh four.",
  "The first time, its third round, the twenty-first century, the 80th anniversary, 21st, a second, one hundred twenty-fifth.",
  "February 24, 2022; April 19 to 21; 5/17/2018; 17.05.2018; 2025-01-01; Sep. 3; 23rd Sep, 2025; the 21st of May; JUNE 2024.",
  "percent of 10, per cent of twenty-two, Percent of 5, 15-20 percent, 3 per-cent, 7 pct, 2 percentage points.",
  "10:30, 2 pm, 2 p.m., 1960s, mid-2024, 1941-1945, 2013-14, three years ago, 30-day, two-year, 10k votes, 1m people.",
  "G20, COVID-19, Voyager 2, Article 370, No. 5, 192.168.1.2, +1-222-2222-2222, 4x4, 29km, J1149.5+6663.",
];

function checkText(text: string): number {
  const toks = tokenize(text);
  let skipped = 0;
  for (let i = 0; i < toks.length; i++) {
    if (mayStartFigure(toks, i)) continue;
    skipped++;
    const ctx: Ctx = { text, toks, article: "", out: [] };
    const read = [readDate(ctx, i), readMoney(ctx, i), readReversePercent(ctx, i)];
    const found = read.some((n) => n > 0) || ctx.out.length > 0 || readNumber(toks, i) !== null || readOrdinal(toks, i) !== null;
    if (found) throw new Error(`mayStartFigure skips a figure at ${JSON.stringify(toks[i].text)} in ${JSON.stringify(text.slice(toks[i].start, toks[i].start + 40))}`);
  }
  return skipped;
}

describe("mayStartFigure", () => {
  it("never skips a token a reader starts at, in the hand-written passages", () => {
    for (const p of PASSAGES) checkText(p);
  });

  it("never skips a token a reader starts at, in the seeds (and skips most of them)", () => {
    const { articles } = loadArticles("data/articles");
    let skipped = 0;
    let words = 0;
    for (const a of articles) {
      skipped += checkText(a.text);
      words += tokenize(a.text).filter((t) => t.type === "word").length;
    }
    expect(skipped).toBeGreaterThan(words / 2);
  });
});
