// Recurring phrases: the long quotation the seeds share, stopword edges, stems merged, only maximal phrases kept.
import { describe, expect, it } from "vitest";
import { countWords, loadArticles } from "../lib/corpus.js";
import type { Article } from "../lib/types.js";
import { recurringPhrases } from "../lib/phrases.js";
import { isStopword, tokenize } from "../lib/tokens.js";

function article(text: string, id: string): Article {
  return { id, file: `${id}.txt`, title: id, outlet: null, url: null, date: null, dateSource: null, text, words: countWords(text), warnings: [] };
}
const corpus = (...texts: string[]) => texts.map((t, i) => article(t, `a${i}`));
const lowerPhrases = (ps: Array<{ phrase: string }>) => ps.map((p) => p.phrase.toLowerCase());

describe("recurringPhrases on the seeds", () => {
  const { articles } = loadArticles("data/articles");
  const phrases = recurringPhrases(articles);

  it("finds the battlefield line of the February briefing as one phrase, longer than six words", () => {
    // 000: “the initiative on the battlefield belongs entirely to the Russian military,”
    // 001: “The initiative on the battlefield belongs entirely to the Russian military,” he declared
    // 002: It is safe to say that the initiative on the battlefield belongs entirely to the Russian military.
    const p = phrases.find((x) => x.phrase.toLowerCase() === "initiative on the battlefield belongs entirely to the russian military");
    expect(p).toEqual({ phrase: "initiative on the battlefield belongs entirely to the Russian military", articles: 3, count: 3, kind: "phrase" });
    // Its fragments recur in exactly the same three articles, so none is listed on its own.
    const lower = lowerPhrases(phrases);
    for (const frag of ["initiative on the battlefield", "battlefield belongs entirely", "entirely to the russian military", "russian military"])
      expect(lower, frag).not.toContain(frag);
  });

  it("finds the ambassador's name in all five articles and keeps a longer form shared by three", () => {
    // "Russian Ambassador to Pakistan, Albert P. Khorev" in 000, 001 (no comma) and 003 ("Albert P Khorev");
    // 002 and 004 say "Ambassador of Russia to Pakistan, Albert P. Khorev".
    expect(phrases[0]).toEqual({ phrase: "Pakistan, Albert P. Khorev", articles: 5, count: 6, kind: "name" });
    expect(phrases).toContainEqual({ phrase: "Russian Ambassador to Pakistan, Albert P. Khorev", articles: 3, count: 3, kind: "name" });
  });

  it("never starts or ends a phrase with a stopword, and ranks by articles then length", () => {
    for (const p of phrases) {
      const t = tokenize(p.phrase);
      expect(isStopword(t[0].lower) || isStopword(t[t.length - 1].lower), p.phrase).toBe(false);
      expect(p.articles).toBeGreaterThanOrEqual(2);
    }
    for (let i = 1; i < phrases.length; i++) {
      const [a, b] = [phrases[i - 1], phrases[i]];
      expect(a.articles > b.articles || (a.articles === b.articles && tokenize(a.phrase).length >= tokenize(b.phrase).length), `${a.phrase} / ${b.phrase}`).toBe(true);
    }
  });
});

describe("recurringPhrases rules", () => {
  it("merges stems and shows the most frequent written form", () => {
    const ps = recurringPhrases(corpus("The peace negotiations resumed.", "Peace negotiation resumes today.", "Then peace negotiations resumed again."));
    expect(ps).toEqual([{ phrase: "peace negotiations resumed", articles: 3, count: 3, kind: "phrase" }]);
  });

  it("trims stopwords from the edges and keeps them inside", () => {
    const ps = recurringPhrases(corpus("They held the talks in Riyadh on Monday.", "Then came the talks in Riyadh, and more."));
    expect(lowerPhrases(ps)).toEqual(["talks in riyadh"]);
  });

  it("needs minArticles distinct articles: repeating a phrase within one article is not enough", () => {
    expect(recurringPhrases(corpus("Western sanctions. Western sanctions. Western sanctions.", "Nothing shared here."))).toEqual([]);
    expect(recurringPhrases(corpus("Western sanctions hurt.", "Western sanctions again.", "Other words."), { minArticles: 3 })).toEqual([]);
  });

  it("keeps a fragment only when it recurs in other articles than the longer phrase", () => {
    const ps = recurringPhrases(corpus(
      "Moscow supports unilateral sanctions relief today.",
      "Moscow supports unilateral sanctions relief again.",
      "Critics said Moscow supports nothing.",
    ));
    // "moscow supports" is also in the third article: kept. "unilateral sanctions" etc. only in the first two: dropped.
    expect(ps).toEqual([
      { phrase: "Moscow supports", articles: 3, count: 3, kind: "phrase" },
      { phrase: "Moscow supports unilateral sanctions relief", articles: 2, count: 2, kind: "phrase" },
    ]);
  });

  it("joins runs of recurring n-grams beyond max words, and stays inside sentences", () => {
    const line = "Western countries deliberately ignored Russian security concerns about eastern expansion";
    const ps = recurringPhrases(corpus(`First. ${line}. Later text`, `${line}. Later again`), { max: 4 });
    expect(ps).toEqual([{ phrase: line, articles: 2, count: 2, kind: "phrase" }]);
    expect(lowerPhrases(ps)).not.toContain("expansion later");
  });

  it("rejects options that make no sense", () => {
    expect(() => recurringPhrases([], { min: 0 })).toThrow("min must be a whole number ≥ 1, not 0");
    expect(() => recurringPhrases([], { min: 4, max: 3 })).toThrow("max (3) is smaller than min (4)");
    expect(recurringPhrases([])).toEqual([]);
  });
});

describe("names and titles set apart", () => {
  // Written passages: the speaker introduced the way outlets do, beside talking points that are capitalised in places.
  const texts = [
    "Special Military Operation Continues\nSpeaking to reporters, Deputy Foreign Minister Ivan K. Petrov said the military option stays. The West ignores the root causes.",
    "Special Military Operation Continues\nDeputy Foreign Minister Ivan K. Petrov told the press on 12 June 2025 that the military keeps going. He said the root causes matter.",
    "Deputy Foreign Minister Ivan K. Petrov spoke on 12 June 2025 in Lahore. The special military operation continues, the military said.",
  ];
  const ps = recurringPhrases(corpus(...texts));
  const kindOf = (phrase: string) => ps.find((p) => p.phrase.toLowerCase() === phrase.toLowerCase())?.kind;

  it("marks a title with a name, and a date, as a name", () => {
    expect(kindOf("Deputy Foreign Minister Ivan K. Petrov")).toBe("name");
    expect(kindOf("12 June 2025")).toBe("name");
  });

  it("keeps talking points as phrases, even where a headline capitalises them", () => {
    expect(kindOf("special military operation continues")).toBe("phrase"); // "Special Military Operation Continues" twice
    expect(ps.find((p) => p.phrase.toLowerCase() === "special military operation continues")!.phrase).toBe("Special Military Operation Continues");
    expect(kindOf("root causes")).toBe("phrase");
  });

  it("tells names from phrases on the seeds: the ambassador's introduction is a name, the battlefield line is not", () => {
    const seeds = recurringPhrases(loadArticles("data/articles").articles);
    const names = seeds.filter((p) => p.kind === "name").map((p) => p.phrase);
    expect(names).toEqual(expect.arrayContaining(["Pakistan, Albert P. Khorev", "President Vladimir Putin", "Russian Embassy in Islamabad"]));
    expect(names).not.toContain("special military operation");
    expect(names).not.toContain("Kiev regime");
    expect(names.some((n) => /%/.test(n))).toBe(false); // "99% of the Luhansk" is a claim, not a name
  });
});
