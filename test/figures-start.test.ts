// The figure reader's fast paths against what they stand for. mayStartFigure lets figuresInText skip the tokens
// no reader starts at: it must never say no where a reader would read something (checked token by token on the
// seeds and on passages built around every reader). tokenize's ASCII scan must give the regexes' runs, clean must
// equal its regex, and qualifierBefore's early exit must not hide a qualifier.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { clean, type Ctx } from "../lib/figure-context.js";
import { mayStartFigure } from "../lib/figure-counts.js";
import { readDate } from "../lib/figure-dates.js";
import { readMoney } from "../lib/figure-money.js";
import { readReversePercent } from "../lib/figure-units.js";
import { sentenceSpans } from "../lib/figure-sentences.js";
import { qualifierBefore } from "../lib/figure-what.js";
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
  "S$5, Singapore’s S$ 5, s$ 3, a million, A lakh, an eighth, a  hundred, a\nhundred, an half, a dozen, a Trillion, a $5 note.",
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

// What tokenize is defined as: runs of ASCII digits, of letters and marks, of whitespace, else one code point.
function tokenizeByRegex(text: string): Array<{ type: string; start: number; end: number; text: string; lower: string }> {
  const out = [];
  const re = /([0-9]+)|([\p{L}\p{M}]+)|(\s+)|([\s\S])/guy;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const type = m[1] ? "num" : m[2] ? "word" : m[3] ? "space" : "punct";
    out.push({ type, start: m.index, end: m.index + m[0].length, text: m[0], lower: type === "word" ? m[0].toLowerCase() : m[0] });
  }
  return out;
}

const TRICKY = [..."aZzA09 .,-’'\t\n\r\u00a0\u2009\u202féÉßİΣς\u0301½²٣"].concat(["𝐀", "😀", "\ud800"]);
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((a) => a.join(""));

describe("tokenize", () => {
  it("gives the runs of its regexes, with lower case for words", () => {
    fc.assert(fc.property(trickyText, (text) => {
      expect(tokenize(text)).toEqual(tokenizeByRegex(text));
    }), { numRuns: 2000 });
    const { articles } = loadArticles("data/articles");
    for (const a of articles) expect(tokenize(a.text)).toEqual(tokenizeByRegex(a.text));
  });
});

describe("clean", () => {
  it("equals collapsing \\s runs to one space and trimming", () => {
    fc.assert(fc.property(trickyText, (s) => {
      expect(clean(s)).toBe(s.replace(/\s+/g, " ").trim());
    }), { numRuns: 2000 });
    for (const s of ["", " ", "a", "a b", " a", "a ", "a  b", "a\u3000b", "a\ufeff", "\u1680a", "a\u2028b", "a\x00b"]) {
      expect(clean(s)).toBe(s.replace(/\s+/g, " ").trim());
    }
  });
});

describe("qualifierBefore", () => {
  it("finds the hedges of every length, and none where the word before is no hedge's last", () => {
    const q = (text: string) => {
      const toks = tokenize(text);
      return qualifierBefore(toks, toks.length - 1).text;
    };
    expect(q("no fewer than 5")).toBe("no fewer than");
    expect(q("at least 5")).toBe("at least");
    expect(q("in excess of 5")).toBe("in excess of");
    expect(q("over 5")).toBe("over");
    expect(q("an estimated 5")).toBe("an estimated");
    expect(q("the 5")).toBe("");
    expect(q("over\n5")).toBe("");
    expect(q("5")).toBe("");
  });
});

// sentenceSpans as first written, with a regex for every character test.
function sentenceSpansByRegex(text: string): Array<[number, number]> {
  const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rs", "approx", "vs", "prof", "sen", "rep", "gov", "jr", "sr", "inc", "ltd", "co", "corp"]);
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

describe("sentenceSpans", () => {
  it("equals its regex-per-character definition", () => {
    const units = ["a", "B", "É", "é", "𝐀", "Σ", "1", "٣", "½", ".", "!", "?", "\n", " ", "\t", "\u00a0", "\u2009", "\"", "”", "’", "'", ")", "]", "“", "‘", "(", "Mr", "U", "St", "x"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((a) => a.join("")), (text) => {
      expect(sentenceSpans(text)).toEqual(sentenceSpansByRegex(text));
    }), { numRuns: 3000 });
    const { articles } = loadArticles("data/articles");
    for (const a of articles) expect(sentenceSpans(a.text)).toEqual(sentenceSpansByRegex(a.text));
  });
});
