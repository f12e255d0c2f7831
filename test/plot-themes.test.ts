// Theme charts against golden files: the seeds with three fixed themes (not data/themes.yml, which users edit).
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { isEmptyFigure } from "../lib/display.js";
import { countThemes, themeReach, type Theme } from "../lib/themes.js";
import { themeHeatmap, themeReachPlot } from "../lib/plot-themes.js";
import { expectGolden } from "./golden.js";
import { CHART_THEMES, synthArticles } from "./chart-corpus.js";

const { articles } = loadArticles("data/articles");
const themes: Theme[] = [
  { id: "truce", label: "Ceasefire", patterns: ["ceasefire*", "truce*"] },
  { id: "nato", label: "NATO <expansion>", patterns: ["NATO", "eastward"] },
  { id: "kosovo", label: "Kosovo", patterns: ["Kosovo"] },
];
const counts = countThemes(articles, themes);

describe("themeHeatmap", () => {
  it("draws themes × articles by hits per 1,000 words, with hits and forms on hover", () => {
    const fig = themeHeatmap(counts, articles, themes);
    const trace = fig.data[0] as { y: string[]; x: string[]; z: number[][]; text: string[][] };
    // Columns by date (undated last), labelled by date and outlet (or the title's start), not by file id.
    expect(trace.x).toEqual([
      "2025-01-01 · The Frontier Post", "2025-02-25 · Russian Ambassador to Pakis…", "2025-09-23 · UrduPoint",
      "2025-09-24 · The Russian Ambassador to P…", "undated · Russian Envoy lauds Pakista…",
    ]);
    expect(trace.y).toEqual(["Ceasefire", "NATO &lt;expansion&gt;", "Kosovo"]); // plotly reads tags in labels: escaped
    // 003 (24 September) has 7 ceasefire/truce hits (ceasefire ×4, truce ×3) in its words
    const a3 = articles.find((a) => a.id.startsWith("003"))!;
    expect(trace.z[0][3]).toBeCloseTo((7 * 1000) / a3.words, 1);
    expect(trace.text[0][3]).toContain("7 hits");
    expect(trace.text[0][3]).toContain("ceasefire ×4");
    expect(trace.text[0][3]).toContain(a3.id); // the id stays in the hover
    expect(trace.z[2][2]).toBe(0); // no Kosovo in 004 (23 September)
    expectGolden("theme-heatmap", fig);
  });

  it("has nothing to draw without articles or themes", () => {
    expect(isEmptyFigure(themeHeatmap([], [], themes))).toBe(true);
    expect(isEmptyFigure(themeHeatmap([], articles, []))).toBe(true);
  });
});

describe("themeHeatmap on larger corpora", () => {
  it("keeps a column per article at 30 articles, labelled by date and outlet", () => {
    const thirty = synthArticles(30);
    const trace = themeHeatmap(countThemes(thirty, CHART_THEMES), thirty, CHART_THEMES).data[0] as { x: string[] };
    expect(trace.x).toHaveLength(30);
    for (const l of trace.x) expect(l).toMatch(/^2025-\d\d-\d\d · [A-Z]/);
    expect(trace.x.some((l) => l.includes("art-"))).toBe(false);
  });

  it("has a column per month at 3,000 articles, each the month's hits per 1,000 of its words (golden)", () => {
    const many = synthArticles(3000, { undatedEvery: 50 });
    const counts3k = countThemes(many, CHART_THEMES);
    const fig = themeHeatmap(counts3k, many, CHART_THEMES);
    const trace = fig.data[0] as { x: string[]; z: Array<Array<number | null>>; text: string[][] };
    expect(trace.x).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "undated"]);
    // March, worked from the articles themselves: every ceasefire/truce hit over every word of March's articles.
    const march = many.filter((a) => a.date?.startsWith("2025-03"));
    const words = march.reduce((n, a) => n + a.words, 0);
    const hits = march.reduce((n, a) => n + (a.text.match(/ceasefire|truce/gi) ?? []).length, 0);
    expect(trace.z[0][2]).toBeCloseTo((hits * 1000) / words, 1);
    expect(trace.text[0][2]).toContain(`${march.length.toLocaleString("en-US")} articles`);
    expect((fig.layout.title as { text: string }).text).toBe("Themes by month (hits per 1,000 words of the month's articles)<br><sub>3,000 articles: too many for a column each</sub>");
    expect(JSON.stringify(fig).length).toBeLessThan(40_000);
    expectGolden("theme-heatmap-months", fig);
  });

  it("collapses the empty years between two stretches of articles into one gap column", () => {
    const apart = synthArticles(400, { early: 40, earlyYears: 10 });
    const fig = themeHeatmap(countThemes(apart, CHART_THEMES), apart, CHART_THEMES);
    const trace = fig.data[0] as { x: string[]; z: Array<Array<number | null>> };
    expect(trace.x.slice(0, 2)).toEqual(["2015-01", "2015-02 … 2024-12"]);
    expect(trace.x).toHaveLength(14);
    expect(trace.z.every((row) => row[1] === null)).toBe(true);
    expect((fig.layout.shapes as unknown[]).length).toBe(1);
  });
});

describe("themeReachPlot", () => {
  it("ticks every article only while there are few", () => {
    const big = themeReachPlot([{ theme: "t", label: "T", articles: 2225, hits: 9000 }]);
    expect((big.layout.xaxis as Record<string, unknown>).dtick).toBeUndefined();
    expect((big.layout.xaxis as Record<string, unknown>).nticks).toBe(10);
    expect((big.data[0] as { text: string[] }).text).toEqual(["9,000 hits"]);
    expect((themeReachPlot([{ theme: "t", label: "T", articles: 4, hits: 5 }]).layout.xaxis as Record<string, unknown>).dtick).toBe(1);
  });

  it("draws at most `top` themes and says how many there are", () => {
    const reach = Array.from({ length: 50 }, (_, i) => ({ theme: `t${i}`, label: `Theme ${i}`, articles: 50 - i, hits: 60 - i }));
    const fig = themeReachPlot(reach);
    expect((fig.data[0] as { y: string[] }).y).toHaveLength(40);
    expect((fig.layout.title as { text: string }).text).toContain("(first 40 of 50)");
  });

  it("says in how many events and periods a theme appeared when themeReach counted them", () => {
    const reach = [{ theme: "t", label: "T", articles: 3, hits: 5, events: 1, periods: 1 }];
    const trace = themeReachPlot(reach).data[0] as { customdata: string[][] };
    expect(trace.customdata[0]).toEqual(["t", ", 1 event", ", 1 period"]);
  });

  it("ranks themes by the articles they reach, hits as labels", () => {
    const fig = themeReachPlot(themeReach(counts, articles, themes));
    const trace = fig.data[0] as { y: string[]; x: number[]; text: string[] };
    // NATO in 000–003, the ceasefire in 002–004, Kosovo in 000 and 002
    expect(trace.y).toEqual(["NATO &lt;expansion&gt;", "Ceasefire", "Kosovo"]);
    expect(trace.x).toEqual([4, 3, 2]);
    expectGolden("theme-reach", fig);
  });

  it("leaves out themes found nowhere", () => {
    const none: Theme[] = [{ id: "x", label: "X", patterns: ["zebra"] }];
    expect(isEmptyFigure(themeReachPlot(themeReach(countThemes(articles, none), articles, none)))).toBe(true);
  });
});
