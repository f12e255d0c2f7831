import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { articleRows, articlesTimelinePlot } from "../lib/plot-articles.js";
import { isEmptyFigure } from "../lib/display.js";
import type { Article } from "../lib/types.js";
import { expectGolden } from "./golden.js";

describe("articlesTimelinePlot", () => {
  it("puts each dated seed on its outlet's row, undated ones left out (golden)", () => {
    const { articles } = loadArticles("data/articles");
    const fig = articlesTimelinePlot(articles);
    const traces = fig.data as Array<{ name: string; x: string[] }>;
    // 001 is The Frontier Post, 004 UrduPoint; 000 and 003 name no outlet; 002 has no date of its own.
    expect(traces.map((t) => [t.name, t.x])).toEqual([
      ["(outlet not named)", ["2025-02-25", "2025-09-24"]],
      ["The Frontier Post", ["2025-01-01"]],
      ["UrduPoint", ["2025-09-23"]],
    ]);
    expectGolden("articles-timeline", fig);
  });

  it("is empty when no article has a date, so the notebook shows a note", () => {
    const undated: Article = { id: "a", file: "a.txt", title: "t", outlet: null, url: null, date: null, dateSource: null, text: "x", words: 1, warnings: [] };
    expect(isEmptyFigure(articlesTimelinePlot([undated]))).toBe(true);
    expect(isEmptyFigure(articlesTimelinePlot([]))).toBe(true);
  });
});

describe("articleRows", () => {
  it("shows every field but the text, warnings joined", () => {
    const { articles } = loadArticles("data/articles");
    const row = articleRows(articles).find((r) => r.id === "002_4d11a3e92975a630")!;
    expect(row.date).toBeNull();
    expect(row.warnings).toMatch(/no date found/);
    expect(row).not.toHaveProperty("text");
  });
});
