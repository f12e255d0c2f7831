// Charts of the timeline: theme rates across every period, the briefings as points in time, and the figures in
// the order they were first stated. A period with no articles is a hole (null), never a zero.
import type { Figure } from "./display.js";
import type { EventRow } from "./events.js";
import type { TimelineFigure, TimelineResult, TimelineRow } from "./timeline.js";

const fmt = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Hover lines saying what a period holds (or that it holds nothing). */
function periodText(r: TimelineRow): string {
  if (r.gap) return `${r.period}: no articles (gap)`;
  const outlets = r.outlets.length ? r.outlets.join(", ") : "outlet not known";
  return `${r.period} (${r.from === r.to ? r.from : `${r.from} to ${r.to}`})<br>${plural(r.events, "event")}, ${plural(r.articles, "article")}, ${r.words} words<br>${outlets}`;
}

/**
 * Heatmap of themes (rows, dictionary order, top to bottom) × periods (columns, in order), coloured by hits per
 * 1,000 words. A theme with no hits in a period is grey; a gap period is an empty column (null z), never zero.
 * No periods or no themes gives a figure with no points.
 */
export function timelineHeatmap(result: Pick<TimelineResult, "rows" | "themes">): Figure {
  const cols = result.themes.length ? result.rows : [];
  const themes = cols.length ? result.themes : [];
  const x = cols.map((r) => r.period);
  const z = themes.map((_, i) => cols.map((r) => (r.themes[i].rate === null ? null : Math.round(r.themes[i].rate! * 100) / 100)));
  const text = themes.map((t, i) => cols.map((r) => {
    const c = r.themes[i];
    return r.gap ? periodText(r) : `${periodText(r)}<br>${plural(c.hits ?? 0, "hit")} of ${t.label}`;
  }));
  return {
    data: [{
      type: "heatmap",
      x,
      y: themes.map((t) => t.label),
      z,
      text,
      zmin: 0,
      colorscale: [[0, "#eeeeee"], [0.0001, "#fff5eb"], [0.25, "#fdae6b"], [0.5, "#f16913"], [1, "#7f2704"]],
      xgap: 1,
      ygap: 1,
      hoverongaps: true,
      colorbar: { title: { text: "hits per<br>1,000 words" } },
      hovertemplate: "<b>%{y}</b> · %{z} per 1,000 words<br>%{text}<extra></extra>",
    }],
    layout: {
      title: { text: "Themes in each period (hits per 1,000 words, each briefing counted once; blank = no articles)" },
      xaxis: { type: "category", tickangle: -40, automargin: true, categoryorder: "array", categoryarray: x },
      yaxis: { type: "category", autorange: "reversed", automargin: true },
      plot_bgcolor: "#ffffff",
      height: Math.max(360, 260 + 30 * themes.length),
      margin: { l: 20, r: 20, t: 50, b: 20 },
    },
  };
}

export interface TimelineLinesOptions {
  /** Theme ids to draw; default the `top` themes with the most hits over all periods. */
  themes?: string[];
  /** Default 6. */
  top?: number;
}

/**
 * One line per theme across the periods (x as categories, in order). A gap is null, so the line breaks there
 * (connectgaps false) instead of dropping to zero. Themes with no hits anywhere are left out.
 */
export function timelineLines(result: Pick<TimelineResult, "rows" | "themes">, options: TimelineLinesOptions = {}): Figure {
  const { top = 6 } = options;
  const { rows } = result;
  const totals = result.themes.map((t, i) => ({ t, i, hits: rows.reduce((n, r) => n + (r.themes[i].hits ?? 0), 0) }));
  const chosen = options.themes
    ? totals.filter((x) => options.themes!.includes(x.t.id))
    : totals.filter((x) => x.hits > 0).sort((a, b) => b.hits - a.hits || a.i - b.i).slice(0, top).sort((a, b) => a.i - b.i);
  const x = rows.map((r) => r.period);
  return {
    data: chosen.map(({ t, i }) => ({
      type: "scatter",
      mode: "lines+markers",
      name: t.label,
      x,
      y: rows.map((r) => (r.themes[i].rate === null ? null : Math.round(r.themes[i].rate! * 100) / 100)),
      connectgaps: false,
      text: rows.map((r) => (r.gap ? periodText(r) : `${periodText(r)}<br>${plural(r.themes[i].hits ?? 0, "hit")}`)),
      hovertemplate: "<b>%{fullData.name}</b> · %{y} per 1,000 words<br>%{text}<extra></extra>",
    })),
    layout: {
      title: { text: `Theme rates over time (${chosen.length === totals.length ? "all themes" : `${chosen.length} of ${totals.length} themes`}; a break = a period with no articles)` },
      xaxis: { type: "category", categoryorder: "array", categoryarray: x, tickangle: -40, automargin: true },
      yaxis: { title: { text: "hits per 1,000 words" }, rangemode: "tozero" },
      legend: { orientation: "h", y: -0.25 },
      height: 460,
      margin: { l: 60, r: 20, t: 50, b: 100 },
    },
  };
}

/**
 * The briefings as points in time: x the event's date, y the number of articles reporting it; hover gives the
 * title and outlets. Undated events are left out (the timeline's notes count them).
 */
export function eventTimelinePlot(events: EventRow[]): Figure {
  const dated = events.filter((e) => e.date);
  return {
    data: [{
      type: "scatter",
      mode: "markers",
      x: dated.map((e) => e.date),
      y: dated.map((e) => e.articles.length),
      marker: { size: dated.map((e) => 10 + 4 * Math.min(e.outlets.length, 5)), color: "#c0392b", line: { color: "#7f2704", width: 1 } },
      text: dated.map((e) => `${e.title}<br>${e.date} · ${plural(e.articles.length, "article")}<br>outlets: ${e.outlets.length ? e.outlets.join(", ") : "not known"}<br>${e.event}`),
      hovertemplate: "%{text}<extra></extra>",
    }],
    layout: {
      title: { text: "Briefings over time (each point one event; higher = more reports, larger = more outlets)" },
      xaxis: { type: "date", title: { text: "date of the briefing" } },
      yaxis: { title: { text: "articles reporting it" }, rangemode: "tozero", dtick: 1 },
      height: 380,
      margin: { l: 60, r: 20, t: 50, b: 60 },
    },
  };
}

/**
 * The figures (rows, first stated at the top) × the periods that stated them: a filled marker where a figure was
 * first stated, an open one where it was repeated. The first `top` figures (default 40) are drawn.
 */
export function figureTimelinePlot(result: Pick<TimelineResult, "rows" | "figures">, options: { top?: number } = {}): Figure {
  const { top = 40 } = options;
  const figures = result.figures.slice(0, top);
  const x = result.rows.map((r) => r.period);
  const points = (which: "first" | "repeat") => {
    const pts: Array<{ f: TimelineFigure; period: string }> = [];
    for (const f of figures) for (const p of which === "first" ? [f.period] : f.repeatedIn) pts.push({ f, period: p });
    return pts;
  };
  const trace = (which: "first" | "repeat") => {
    const pts = points(which);
    return {
      type: "scatter",
      mode: "markers",
      name: which === "first" ? "first stated" : "repeated",
      x: pts.map((p) => p.period),
      y: pts.map((p) => p.f.label),
      marker: which === "first" ? { size: 11, color: "#1f77b4", symbol: "circle" } : { size: 11, color: "#1f77b4", symbol: "circle-open", line: { width: 2 } },
      text: pts.map((p) => `${p.f.label}<br>first ${p.f.first} (${p.f.period}); stated in ${plural(p.f.periods.length, "period")}, ${plural(p.f.articles.length, "article")}`),
      hovertemplate: "%{text}<extra></extra>",
    };
  };
  const y = figures.map((f) => f.label);
  return {
    data: figures.length ? [trace("first"), trace("repeat")] : [],
    layout: {
      title: { text: `Figures in order of first appearance${result.figures.length > top ? ` (first ${top} of ${result.figures.length})` : ""}: filled = first stated, open = repeated` },
      xaxis: { type: "category", categoryorder: "array", categoryarray: x, tickangle: -40, automargin: true },
      yaxis: { type: "category", categoryorder: "array", categoryarray: y.slice().reverse(), automargin: true, tickfont: { size: 11 } },
      legend: { orientation: "h", y: -0.15 },
      height: Math.max(300, 140 + 22 * figures.length),
      margin: { l: 20, r: 20, t: 50, b: 80 },
    },
  };
}
