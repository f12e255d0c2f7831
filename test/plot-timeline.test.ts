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
import { CHART_THEMES, synthArticles, synthEventRows, synthEvents } from "./chart-corpus.js";
import type { TimelineRow } from "../lib/timeline.js";

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

describe("timeline charts by event", () => {
  it("label each briefing's column by its date and title, not its event id", () => {
    const byEvent = timeline(articles, { by: "event", themes: THEMES });
    const x = (timelineHeatmap(byEvent).data[0] as { x: string[] }).x;
    expect(x).toHaveLength(4);
    expect(x[0]).toBe("2025-01-14 · Envoy calls for a ceasefire");
    expect(x[3]).toBe("2025-04-28 · Grain exports to double");
    for (const l of x) expect(l).not.toMatch(/^ev-/);
    // A figure's marker sits in its briefing's column.
    const [first] = figureTimelinePlot(byEvent).data as Array<{ x: string[] }>;
    expect(first.x[0]).toBe(x[0]);
  });
});

describe("timeline charts on the seeds", () => {
  const seeds = timeline(loadArticles("data/articles").articles, { themes: THEMES });

  it("draw the six empty months between February and September as one marked column", () => {
    const fig = timelineHeatmap(seeds);
    expect((fig.data[0] as { x: string[] }).x).toEqual(["2025-02", "2025-03 … 2025-08", "2025-09"]);
    expect((fig.data[0] as { text: string[][] }).text[0][1]).toBe("2025-03 … 2025-08: no articles (gap, 2025-03-01 to 2025-08-31)");
    expect((fig.layout.shapes as Array<{ x0: number }>).map((x) => x.x0)).toEqual([0.5]);
    expect(timelineLines(seeds).data.every((t) => (t.y as unknown[])[1] === null)).toBe(true);
  });
});

describe("timeline charts on thousands of briefings", () => {
  // 3,000 synthetic articles over 2025, one briefing per day with articles (about 365), plus 40 in January 2015:
  // by event that is about 390 periods, combined into months with the empty years as one column.
  const articles3k = synthArticles(3000, { early: 40, earlyYears: 10 });
  const rows = synthEventRows(articles3k);
  const result = { rows, themes: CHART_THEMES, figures: [] };

  it("combines the briefings into months, each the summed hits over the summed words (golden)", () => {
    expect(rows.length).toBeGreaterThan(300);
    const fig = timelineHeatmap(result);
    const trace = fig.data[0] as { x: string[]; z: Array<Array<number | null>> };
    expect(trace.x.slice(0, 3)).toEqual(["2015-01", "2015-02 … 2024-12", "2025-01"]);
    expect(trace.x).toHaveLength(14);
    for (const x of trace.x) expect(x).toMatch(/^\d{4}-\d\d( … \d{4}-\d\d)?$/);
    // May, worked from its briefings' rows: Σ hits × 1,000 / Σ words.
    const may = rows.filter((r) => r.from.startsWith("2025-05"));
    const want = (may.reduce((n, r) => n + r.themes[0].hits!, 0) * 1000) / may.reduce((n, r) => n + r.words, 0);
    expect(trace.z[0][trace.x.indexOf("2025-05")]).toBeCloseTo(want, 2);
    expect(trace.z.every((r) => r[1] === null)).toBe(true);
    expect((fig.layout.title as { text: string }).text).toContain(`by month: ${rows.length} periods are too many for a column each`);
    expect(JSON.stringify(fig).length).toBeLessThan(30_000);
    expectGolden("timeline-heatmap-combined", fig);
  });

  it("draws lines over the same combined columns", () => {
    const fig = timelineLines(result);
    for (const t of fig.data) {
      expect(t.x).toHaveLength(14);
      expect((t.y as unknown[])[1]).toBeNull();
    }
  });

  it("places figures in the combined column of the period that stated them, a repeat in the same month once", () => {
    const fig: Array<{ label: string; period: string; repeatedIn: string[] }> = [];
    const may = rows.filter((r) => r.from.startsWith("2025-05"));
    const june = rows.find((r) => r.from.startsWith("2025-06"))!;
    fig.push({ label: "40 tanks", period: may[0].period, repeatedIn: [may[1].period, may[2].period, june.period] });
    const figures = fig.map((f) => ({ ...f, kind: "count", value: 40, unit: "", what: "tanks", first: may[0].from, periods: [f.period, ...f.repeatedIn], articles: [] }));
    const plot = figureTimelinePlot({ rows, figures });
    const [first, repeat] = plot.data as Array<{ x: string[] }>;
    expect(first.x).toEqual(["2025-05"]);
    expect(repeat.x).toEqual(["2025-06"]);
  });

  it("turns more than 200 briefings into bars per month, with the most reported on hover (golden)", () => {
    const events = synthEvents(articles3k);
    const fig = eventTimelinePlot(events);
    const t = fig.data[0] as { type: string; x: string[]; y: Array<number | null>; text: string[] };
    expect(t.type).toBe("bar");
    expect(t.x).toHaveLength(14);
    expect(t.y.reduce<number>((n, v) => n + (v ?? 0), 0)).toBe(events.length);
    expect(t.y[1]).toBeNull();
    expect(t.text[2]).toMatch(/^2025-01 \(2025-01-01 to 2025-01-31\)<br>\d+ briefings, \d+ articles<br>most reported:<br>2025-01-\d\d · /);
    expect(JSON.stringify(fig).length).toBeLessThan(20_000);
    expectGolden("timeline-events-months", fig);
  });

  it("keeps a point per briefing up to 200, cutting a long empty stretch out of the date axis", () => {
    const few = synthEvents(synthArticles(60, { early: 5, earlyYears: 10 }));
    const fig = eventTimelinePlot(few);
    expect((fig.data[0] as { x: string[] }).x).toHaveLength(few.length);
    const xaxis = fig.layout.xaxis as { type: string; rangebreaks: unknown[] };
    expect(xaxis.type).toBe("date");
    expect(xaxis.rangebreaks).toHaveLength(1);
    expect((fig.layout.annotations as Array<{ text: string }>)[0].text).toMatch(/^no briefings 2015-01-\d\d … 202[45]-\d\d-\d\d$/);
  });

  it("keeps every period at 40 or fewer, and combines by quarter beyond 40 months", () => {
    // 41 months with one briefing each: by quarter.
    const monthly: TimelineRow[] = Array.from({ length: 41 }, (_, i) => {
      const y = 2020 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, "0");
      const last = new Date(Date.UTC(y, (i % 12) + 1, 0)).getUTCDate();
      return { ...rows[0], period: `${y}-${m}`, from: `${y}-${m}-01`, to: `${y}-${m}-${last}` };
    });
    const fig = timelineHeatmap({ rows: monthly, themes: CHART_THEMES });
    const x = (fig.data[0] as { x: string[] }).x;
    expect(x[0]).toBe("2020-Q1");
    expect(x).toHaveLength(14);
    expect(timelineHeatmap({ rows: monthly.slice(0, 40), themes: CHART_THEMES }).data[0].x).toHaveLength(40);
  });
});
