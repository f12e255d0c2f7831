// The articles chart at 5 (seeds), 30 and 3,000 articles (test/chart-corpus.ts, synthetic and deterministic):
// a point per article while there are few, bars per period by outlet beyond, with bounded data.
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { articleRows, articlesTimelinePlot } from "../lib/plot-articles.js";
import { isEmptyFigure } from "../lib/display.js";
import type { Article } from "../lib/types.js";
import { expectGolden } from "./golden.js";
import { synthArticles } from "./chart-corpus.js";

type Bars = { name: string; x: string[]; y: Array<number | null> };
const title = (fig: { layout: Record<string, unknown> }) => (fig.layout.title as { text: string }).text;

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

  it("keeps a point per article at 30 articles", () => {
    const fig = articlesTimelinePlot(synthArticles(30));
    const points = fig.data.reduce((n, t) => n + (t.x as unknown[]).length, 0);
    expect(points).toBe(30);
    expect(fig.data.every((t) => t.type === "scatter")).toBe(true);
  });

  it("turns 3,000 articles into monthly bars by outlet: the top 8 and the rest as other outlets (golden)", () => {
    const articles = synthArticles(3000, { undatedEvery: 100 });
    const fig = articlesTimelinePlot(articles);
    const bars = fig.data as unknown as Bars[];
    expect(bars.every((b) => (b as unknown as { type: string }).type === "bar")).toBe(true);
    // 12 outlets in the corpus: 8 named series and one for the 4 others.
    expect(bars).toHaveLength(9);
    expect(bars[8].name).toBe("other outlets (4)");
    // The labels are months, never article ids.
    const labels = (fig.layout.xaxis as { categoryarray: string[] }).categoryarray;
    expect(labels).toHaveLength(12);
    for (const l of labels) expect(l).toMatch(/^2025-\d\d$/);
    // Every dated article is in one bar: the sum of the bars is the dated count.
    const sum = bars.reduce((n, b) => n + b.y.reduce<number>((m, v) => m + (v ?? 0), 0), 0);
    expect(sum).toBe(2970);
    expect(title(fig)).toBe("Articles per month, by outlet<br><sub>2,970 dated articles: too many to draw one by one; 30 undated left out</sub>");
    // The first named series is the outlet that published most.
    const perOutlet = new Map<string, number>();
    for (const a of articles) if (a.date) perOutlet.set(a.outlet!, (perOutlet.get(a.outlet!) ?? 0) + 1);
    const most = Array.from(perOutlet.entries()).sort((a, b) => b[1] - a[1])[0];
    expect(bars[0].name).toBe(most[0]);
    expect(bars[0].y.reduce<number>((m, v) => m + (v ?? 0), 0)).toBe(most[1]);
    expect(JSON.stringify(fig).length).toBeLessThan(20_000);
    expectGolden("articles-months", fig);
  });

  it("collapses a run of empty months into one marked entry", () => {
    const fig = articlesTimelinePlot(synthArticles(300, { early: 20, earlyYears: 6 }));
    const labels = (fig.layout.xaxis as { categoryarray: string[] }).categoryarray;
    // January 2019, then one gap entry up to December 2024, then the 12 months of 2025.
    expect(labels.slice(0, 2)).toEqual(["2019-01", "2019-02 … 2024-12"]);
    expect(labels).toHaveLength(14);
    const shapes = fig.layout.shapes as Array<{ x0: number; x1: number }>;
    expect(shapes).toHaveLength(1);
    expect([shapes[0].x0, shapes[0].x1]).toEqual([0.5, 1.5]);
    expect((fig.layout.annotations as Array<{ text: string }>)[0].text).toBe("no articles");
    // No bar stands in the gap.
    for (const b of fig.data as unknown as Bars[]) expect(b.y[1]).toBeNull();
  });

  it("switches to weeks or days when the articles span a short time", () => {
    const weeks = articlesTimelinePlot(synthArticles(200, { days: 120 }));
    expect(title(weeks)).toMatch(/^Articles per week/);
    for (const l of (weeks.layout.xaxis as { categoryarray: string[] }).categoryarray) expect(l).toMatch(/^wk \d{4}-\d\d-\d\d$|…/);
    expect(title(articlesTimelinePlot(synthArticles(200, { days: 20 })))).toMatch(/^Articles per day/);
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

describe("articlesTimelinePlot with few articles far apart", () => {
  it("cuts a stretch of years with no article out of the date axis and marks it", () => {
    const few = [...synthArticles(10, { start: "2019-01-01", days: 20, seed: 3 }), ...synthArticles(10, { start: "2025-01-01", days: 60, seed: 4 }).map((a) => ({ ...a, id: `b-${a.id}` }))];
    const fig = articlesTimelinePlot(few);
    const xaxis = fig.layout.xaxis as { rangebreaks: Array<{ bounds: string[] }> };
    expect(xaxis.rangebreaks).toHaveLength(1);
    const [a, b] = xaxis.rangebreaks[0].bounds;
    expect(a < "2019-03-01" && b > "2024-12-01").toBe(true);
    expect((fig.layout.annotations as Array<{ text: string }>)[0].text).toMatch(/^no articles 2019-01-\d\d … 2025-0[12]-\d\d$/);
    // The seeds (January to September 2025) keep their plain axis.
    expect(articlesTimelinePlot(loadArticles("data/articles").articles).layout.shapes).toBeUndefined();
  });
});
