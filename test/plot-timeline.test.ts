// The timeline's charts on the written archive (test/timeline-corpus.ts): an empty month is a hole (null) in the
// heatmap and a break in the lines, never a zero; golden JSON for each chart.
import { afterAll, describe, expect, it } from "vitest";
import { loadArticles } from "../lib/corpus.js";
import { isEmptyFigure } from "../lib/display.js";
import { timeline } from "../lib/timeline.js";
import { eventTimelinePlot, figureTimelinePlot, timelineHeatmap, timelineLines } from "../lib/plot-timeline.js";
import { expectGolden } from "./golden.js";
import { removeTempDirs } from "./tmpdir.js";
import { THEMES, writeCorpus } from "./timeline-corpus.js";

afterAll(removeTempDirs);

const { articles } = loadArticles(writeCorpus().dir);
const byMonth = timeline(articles, { themes: THEMES });
const empty = timeline([], { themes: THEMES });

describe("timelineHeatmap", () => {
  const fig = timelineHeatmap(byMonth);
  const trace = fig.data[0] as { x: string[]; y: string[]; z: Array<Array<number | null>>; text: string[][] };

  it("has themes × months, March an empty column (null), zero rates as 0", () => {
    expect(trace.x).toEqual(["2025-01", "2025-02", "2025-03", "2025-04"]);
    expect(trace.y).toEqual(["Ceasefire and truce", "Military aid", "Grain trade"]);
    // Rounded to 2 decimals: 2000/41 = 48.78, 1000/41 = 24.39, 2000/33 = 60.61.
    expect(trace.z).toEqual([
      [48.78, 0, null, 40],
      [24.39, 60.61, null, 0],
      [0, 60.61, null, 20],
    ]);
    expect(trace.text[0][2]).toBe("2025-03: no articles (gap)");
    expect(trace.text[0][3]).toContain("2 events, 3 articles, 50 words");
    expectGolden("timeline-heatmap", fig);
  });

  it("has no points for no articles", () => {
    expect(isEmptyFigure(timelineHeatmap(empty))).toBe(true);
  });
});

describe("timelineLines", () => {
  it("breaks each line at the empty month instead of dropping to zero", () => {
    const fig = timelineLines(byMonth);
    expect(fig.data.map((t) => t.name)).toEqual(["Ceasefire and truce", "Military aid", "Grain trade"]);
    for (const t of fig.data) {
      expect((t.y as Array<number | null>)[2]).toBeNull();
      expect(t.connectgaps).toBe(false);
    }
    expect(fig.data[0].y).toEqual([48.78, 0, null, 40]);
    expectGolden("timeline-lines", fig);
  });

  it("draws the themes asked for, or the most frequent", () => {
    expect(timelineLines(byMonth, { themes: ["grain"] }).data.map((t) => t.name)).toEqual(["Grain trade"]);
    // Hits: ceasefire 4, aid 3, grain 3; top 2 keeps ceasefire and aid (the tie goes to dictionary order).
    expect(timelineLines(byMonth, { top: 2 }).data.map((t) => t.name)).toEqual(["Ceasefire and truce", "Military aid"]);
    expect(isEmptyFigure(timelineLines(empty))).toBe(true);
  });
});

describe("eventTimelinePlot", () => {
  it("puts each dated briefing at its date, height the reports, outlets and title in the hover", () => {
    const fig = eventTimelinePlot(byMonth.events);
    const t = fig.data[0] as { x: string[]; y: number[]; text: string[] };
    expect(t.x).toEqual(["2025-01-14", "2025-02-10", "2025-04-08", "2025-04-28"]);
    expect(t.y).toEqual([2, 1, 2, 1]);
    expect(t.text[0]).toMatch(/^Envoy calls for a ceasefire<br>2025-01-14 · 2 articles<br>outlets: Dawn, Express Tribune<br>ev-2025-01-14-/);
    expectGolden("timeline-events", fig);
    expect(isEmptyFigure(eventTimelinePlot(empty.events))).toBe(true);
  });
});

describe("figureTimelinePlot", () => {
  it("marks where each figure was first stated and where it was repeated", () => {
    const fig = figureTimelinePlot(byMonth);
    const [first, repeat] = fig.data as Array<{ x: string[]; y: string[] }>;
    expect(first.x).toEqual(["2025-01", "2025-02", "2025-04"]);
    expect(repeat.x).toEqual(["2025-04"]);
    expect(repeat.y).toEqual([first.y[0]]);
    expect((fig.layout.xaxis as { categoryarray: string[] }).categoryarray).toEqual(["2025-01", "2025-02", "2025-03", "2025-04"]);
    expectGolden("timeline-figures", fig);
    expect(isEmptyFigure(figureTimelinePlot(empty))).toBe(true);
  });

  it("draws the first `top` figures and says how many there are", () => {
    const fig = figureTimelinePlot(byMonth, { top: 1 });
    expect((fig.data[0] as { x: string[] }).x).toEqual(["2025-01"]);
    expect((fig.layout.title as { text: string }).text).toContain("(first 1 of 3)");
  });
});
