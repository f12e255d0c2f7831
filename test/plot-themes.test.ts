// Theme charts against golden files: the seeds with three fixed themes (not data/themes.yml, which users edit).
import { describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { isEmptyFigure } from "../lib/display.js";
import { countThemes, themeReach, type Theme } from "../lib/themes.js";
import { themeHeatmap, themeReachPlot } from "../lib/plot-themes.js";
import { expectGolden } from "./golden.js";

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
    expect(trace.x).toEqual(articles.map((a) => a.id));
    expect(trace.y).toEqual(["Ceasefire", "NATO &lt;expansion&gt;", "Kosovo"]); // plotly reads tags in labels: escaped
    // 003 has 7 ceasefire/truce hits (ceasefire ×4, truce ×3) in its words
    const a3 = articles.findIndex((a) => a.id.startsWith("003"));
    expect(trace.z[0][a3]).toBeCloseTo((7 * 1000) / articles[a3].words, 1);
    expect(trace.text[0][a3]).toContain("7 hits");
    expect(trace.text[0][a3]).toContain("ceasefire ×4");
    expect(trace.z[2][articles.findIndex((a) => a.id.startsWith("004"))]).toBe(0); // no Kosovo in 004
    expectGolden("theme-heatmap", fig);
  });

  it("has nothing to draw without articles or themes", () => {
    expect(isEmptyFigure(themeHeatmap([], [], themes))).toBe(true);
    expect(isEmptyFigure(themeHeatmap([], articles, []))).toBe(true);
  });
});

describe("themeReachPlot", () => {
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
