// The shared tokeniser: offsets, Unicode words, hyphens and apostrophes, stems, sentences that survive "Mr." and "U.S.".
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { dropTokens, isStopword, sentences, stemOf, tokenize, tokenizeByRegex, tokensOf } from "../lib/tokens.js";

const words = (text: string) => tokenize(text).map((t) => t.text);

describe("tokenize", () => {
  it("gives offsets into the original text", () => {
    const text = "  Khorev said: “Kiev’s offensive failed.”\n\nRussian-speaking citizens…";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
      let last = 0;
      for (const t of tokenize(s)) {
        if (s.slice(t.start, t.end) !== t.text || t.start < last) return false;
        last = t.end;
      }
      return true;
    }), { numRuns: 300 });
  });

  it("keeps accented letters and other scripts inside words", () => {
    expect(words("Le café de Zaporizhzhia, naïve Ελλάδα и Россия")).toEqual(["Le", "café", "de", "Zaporizhzhia", "naïve", "Ελλάδα", "и", "Россия"]);
  });

  it("keeps inner apostrophes and number separators, drops symbols", () => {
    expect(words("Putin’s visit, don't; 1,000 prisoners; USD70.2 billion; 75% of Donetsk")).toEqual(
      ["Putin’s", "visit", "don't", "1,000", "prisoners", "USD70.2", "billion", "75", "of", "Donetsk"]);
  });

  it("splits hyphenated compounds and marks the later parts", () => {
    const t = tokenize("Russian-speaking non-NATO step-by-step – a dash");
    expect(t.map((x) => x.text)).toEqual(["Russian", "speaking", "non", "NATO", "step", "by", "step", "a", "dash"]);
    expect(t.map((x) => x.hyphen)).toEqual([false, true, false, true, false, true, true, false, false]);
  });

  it("reads dotted abbreviations as one word", () => {
    expect(words("the U.S. administration and H.E. Mr. Khorev")).toEqual(["the", "U.S", "administration", "and", "H.E", "Mr", "Khorev"]);
  });

  it("lower-cases, straightens apostrophes and stems, so spellings of one word meet", () => {
    const [a, b, c] = tokenize("Russia’s Russia's Russia");
    expect([a.lower, b.lower, c.lower]).toEqual(["russia's", "russia's", "russia"]);
    expect(new Set([a.stem, b.stem, c.stem])).toEqual(new Set(["russia"]));
    const [n1, n2, n3] = tokenize("negotiations negotiating negotiate");
    expect(n1.stem).toBe(n2.stem);
    expect(n2.stem).toBe(n3.stem);
    expect(stemOf("ceasefires")).toBe(stemOf("ceasefire"));
    expect(stemOf("1,000")).toBe("1,000");
  });
});

describe("sentences", () => {
  const sentenceTexts = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));

  it("does not end a sentence at titles, months, initials or U.S.", () => {
    const text = "Mr. Khorev met Dr. Ali on Jan. 5 in the U.S. capital. Albert P. Khorev spoke next. H.E. Mr. Khorev left.";
    expect(sentenceTexts(text)).toEqual([
      "Mr. Khorev met Dr. Ali on Jan. 5 in the U.S. capital.",
      "Albert P. Khorev spoke next.",
      "H.E. Mr. Khorev left.",
    ]);
  });

  it("ends sentences at ! and ?, at line breaks, and at a full stop with no space before a capital", () => {
    expect(sentenceTexts("Is it over? Yes! Ukrainian children.The despicable acts\nA headline\nNext line")).toEqual(
      ["Is it over?", "Yes!", "Ukrainian children.", "The despicable acts", "A headline", "Next line"]);
  });

  it("keeps a quoted question inside its sentence and the quotes with it", () => {
    const text = "“How does Ukraine plan to observe a ceasefire?” he asked. “We will see.”";
    expect(sentenceTexts(text)).toEqual(["“How does Ukraine plan to observe a ceasefire?” he asked.", "“We will see.”"]);
  });

  it("numbers tokens by sentence", () => {
    expect(tokenize("One two. Three.").map((t) => t.sentence)).toEqual([0, 0, 1]);
  });
});

describe("isStopword and tokensOf", () => {
  it("uses natural's English list plus auxiliaries and negations", () => {
    expect(["the", "of", "will", "not", "Russia's".toLowerCase()].map(isStopword)).toEqual([true, true, true, true, false]);
    expect(isStopword("military")).toBe(false);
  });

  it("tokenises an article once, and again when its text changes", () => {
    const a = { text: "Peace now." };
    const first = tokensOf(a);
    expect(tokensOf(a)).toBe(first);
    a.text = "Peace later, maybe.";
    expect(tokensOf(a).map((t) => t.text)).toEqual(["Peace", "later", "maybe"]);
  });
});

describe("tokenize's scanner", () => {
  // tokenize reads code units with a class table; tokenizeByRegex is the TOKEN regex it must agree with.
  const same = (text: string) => expect(tokenize(text)).toEqual(tokenizeByRegex(text));

  it("agrees with the regex on the seeds", () => {
    const dir = "data/articles";
    for (const f of fs.readdirSync(dir)) same(fs.readFileSync(path.join(dir, f), "utf8"));
  });

  it("agrees with the regex on the edges of the token rules", () => {
    for (const text of [
      "U.S. U.S.A. a.b.c e.g. i.e.x a.bc x. .y", "1,000.5 70.2% 1,,2 1.a a.1 3.14.15 1, 2 ,5 5,", "Russia’s Russia's don' 'tis rock'n'roll ʼa aʼ ’’",
      "non-NATO step-by-step ‐x x‑y", "café naïve e\u0301e \u0301x", "Исламабад 25 февраля ١٢٣ ٣.٤ 二〇二五", "", "'", "a", "1", "\u00AD\u200Bword",
      "Ⅻ ½ ²3 x²", "end.The A.Start Mr. Smith. And", "mid\u2019 \u2019s",
    ]) same(text);
  });

  it("agrees with the regex on random text", () => {
    const alphabet = fc.constantFrom(..."aZé\u03011٣½.,'’ʼ-‐ \n\t!?\"“()Uu".split(""), "S.", "U.S.", "Mr. ", "1,000", "\u0410");
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (text) => {
      same(text);
    }), { seed: 20250225, numRuns: 2000 });
  });

  it("hands text with surrogates to the regex", () => {
    const text = "𝐀𝐁 word 😀 x";
    expect(tokenize(text).map((t) => t.text)).toEqual(["𝐀𝐁", "word", "x"]);
  });
});

describe("dropTokens", () => {
  it("forgets an article's cached tokens: the next tokensOf tokenises again, to the same tokens", () => {
    const article = { text: "The envoy said on Tuesday that talks would go on." };
    const first = tokensOf(article);
    expect(tokensOf(article)).toBe(first);
    dropTokens(article);
    const again = tokensOf(article);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe("Token.stop", () => {
  it("is isStopword of the token's lower case, for every token of the seeds", () => {
    for (const f of fs.readdirSync("data/articles")) {
      const tokens = tokenize(fs.readFileSync(path.join("data/articles", f), "utf8"));
      expect(tokens.some((t) => t.stop) && tokens.some((t) => !t.stop)).toBe(true);
      for (const t of tokens) expect(t.stop, t.text).toBe(isStopword(t.lower));
    }
  });
});
