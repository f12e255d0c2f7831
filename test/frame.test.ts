import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { articlesFrame, toFrame } from "../lib/frame.js";

describe("toFrame", () => {
  it("keeps scalars, turns arrays and objects into text, and keeps row order", () => {
    const df = toFrame([
      { a: 2, b: "x", c: ["p", "q"], d: null },
      { a: 1, b: "y", c: [], d: { k: 1 } },
    ]);
    expect(df.shape).toEqual([2, 4]);
    expect(df.columns).toEqual(["a", "b", "c", "d"]);
    expect(df["a"].values).toEqual([2, 1]);
    expect(df["c"].values).toEqual(["p; q", ""]);
    expect(df["d"].values).toEqual([null, '{"k":1}']);
  });

  it("gives an empty frame with the columns for no rows", () => {
    const df = toFrame([], ["id", "date"]);
    expect(df.shape[0]).toBe(0);
  });
});

describe("articlesFrame", () => {
  it("has one row per seed article and groups like pandas", () => {
    const { articles } = loadArticles("data/articles");
    const df = articlesFrame(articles);
    expect(df.shape).toEqual([5, 11]);
    const words = df["words"].values as number[];
    expect(words.reduce((s, n) => s + n, 0)).toBe(articles.reduce((s, a) => s + a.words, 0));
    const byOutlet = df.groupby(["dateSource"]).count();
    expect(byOutlet.shape[0]).toBe(3); // dateline, header, and null for 002
  });
});
