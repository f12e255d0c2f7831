// Charts of the timeline: theme rates across every period, the briefings as points in time, and the figures in
// the order they were first stated. A period with no articles is a hole (null), never a zero.
//
// Decisions (the axis rules are in plot-axis.ts):
// - A run of empty periods is one column, "2025-03 … 2025-08", in a grey band marked "no articles": on 2,225 BBC
//   articles the months from a 1945 date to 2025 were 952 empty columns; they are now one. A single empty period
//   keeps its own label ("2025-03").
// - More than PER_ITEM_MAX (40) periods with articles (by event on a large corpus, or years of months) are combined
//   into the finest coarser period that gives at most 40, summing hits and words, so a combined rate is the same
//   hits per 1,000 words of event texts as the timeline's own (each briefing counted once). The title says so.
// - The briefings chart has a point per briefing up to 200 briefings (points on a date axis need no label each;
//   200 points are about 60 KB); beyond, bars of briefings per period with the most reported on hover.
import type { Figure } from "./display.js";
import type { EventRow } from "./events.js";
import type { TimelineFigure, TimelineResult, TimelineRow } from "./timeline.js";
import { categoryAxis, chooseUnit, cut, dateBreaks, gapLabel, gapMarks, num, periodAxis, periodOf, PER_ITEM_MAX, TIME_UNITS, titled, unitName, type TimeUnit } from "./plot-axis.js";

const plural = (n: number, word: string) => `${num(n)} ${word}${n === 1 ? "" : "s"}`;
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const PER_EVENT_MAX = 200;

/** One column of a timeline chart: one period, several combined, or a run of empty ones. */
interface Column {
  label: string;
  gap: boolean;
  from: string;
  to: string;
  rows: TimelineRow[];
  articles: number;
  events: number;
  words: number;
  outlets: string[];
  /** Per theme, dictionary order; null in a gap or where there are no words. */
  rates: Array<number | null>;
  hits: Array<number | null>;
}

interface Columns {
  cols: Column[];
  /** The rows' period of each column index. */
  colOf: Map<string, number>;
  /** Set when rows were combined into coarser periods. */
  unit: TimeUnit | null;
  /** Periods with articles before combining. */
  filled: number;
}

/** The columns of a timeline chart: gap runs collapsed, periods combined beyond `max` (see the top of the file). */
function timelineColumns(rows: TimelineRow[], themes: number, max = PER_ITEM_MAX): Columns {
  const filled = rows.filter((r) => !r.gap);
  const colOf = new Map<string, number>();
  const cols: Column[] = [];
  if (filled.length > max) {
    // Units in which every period with articles falls inside one period: a month never splits across weeks.
    const units = TIME_UNITS.filter((u) => filled.every((r) => periodOf(r.from, u) === periodOf(r.to, u)));
    const unit = chooseUnit(filled.map((r) => r.from), max, units.length ? units : ["year"]);
    const axis = periodAxis(filled.map((r) => periodOf(r.from, unit)), unit);
    const at = new Map(axis.map((e, i) => [e.key, i]));
    const members = axis.map(() => [] as TimelineRow[]);
    for (const r of filled) members[at.get(periodOf(r.from, unit))!].push(r);
    axis.forEach((e, i) => cols.push(column(e.label, e.gap, e.from, e.to, members[i], themes)));
    for (const r of filled) colOf.set(r.period, at.get(periodOf(r.from, unit))!);
    return { cols, colOf, unit, filled: filled.length };
  }
  const taken = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r.gap) {
      colOf.set(r.period, cols.length);
      // By event a row's period is an event id: the column reads as the briefing's date and title instead.
      let label = r.title === null ? r.period : `${r.from} · ${cut(r.title, 28)}`;
      const n = (taken.get(label) ?? 0) + 1;
      taken.set(label, n);
      if (n > 1) label = `${label} (${n})`;
      cols.push(column(label, false, r.from, r.to, [r], themes));
      continue;
    }
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].gap) j++;
    const label = gapLabel(r.period.split("..")[0], rows[j].period.split("..").pop()!);
    cols.push(column(label, true, r.from, rows[j].to, rows.slice(i, j + 1), themes));
    i = j;
  }
  return { cols, colOf, unit: null, filled: filled.length };
}

function column(label: string, gap: boolean, from: string, to: string, rows: TimelineRow[], themes: number): Column {
  const none = Array.from({ length: themes }, () => null);
  if (gap) return { label, gap, from, to, rows, articles: 0, events: 0, words: 0, outlets: [], rates: none, hits: none };
  const words = rows.reduce((n, r) => n + r.words, 0);
  const hits = Array.from({ length: themes }, (_, i) => (words ? rows.reduce((n, r) => n + (r.themes[i].hits ?? 0), 0) : null));
  // One period keeps the timeline's own rate; combined periods are their summed hits over their summed words.
  const rates = rows.length === 1 ? rows[0].themes.map((t) => t.rate) : hits.map((h) => (h === null ? null : (h * 1000) / words));
  const outlets = Array.from(new Set(rows.flatMap((r) => r.outlets))).sort();
  return { label, gap, from, to, rows, articles: rows.reduce((n, r) => n + r.articles, 0), events: rows.reduce((n, r) => n + r.events, 0), words, outlets, rates, hits };
}

/** Hover lines saying what a column holds (or that it holds nothing). */
function columnText(c: Column): string {
  if (c.gap) return c.rows.length > 1 || c.label.includes("…") ? `${c.label}: no articles (gap, ${c.from} to ${c.to})` : `${c.label}: no articles (gap)`;
  const shown = c.outlets.slice(0, 5);
  const outlets = c.outlets.length ? shown.join(", ") + (c.outlets.length > shown.length ? ` and ${c.outlets.length - shown.length} more` : "") : "outlet not known";
  return `${c.label} (${c.from === c.to ? c.from : `${c.from} to ${c.to}`})<br>${plural(c.events, "event")}, ${plural(c.articles, "article")}, ${num(c.words)} words<br>${outlets}`;
}

/** What the title adds about combined periods and collapsed gaps. */
function axisNote(c: Columns, gaps = false): string {
  const parts: string[] = [];
  if (c.unit) parts.push(`by ${unitName(c.unit)}: ${num(c.filled)} periods are too many for a column each`);
  if (gaps && c.cols.some((x) => x.gap)) parts.push("grey band = no articles");
  return parts.join("; ");
}

function axisLayout(c: Columns, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const gaps = gapMarks(c.cols);
  return {
    xaxis: categoryAxis(c.cols.map((x) => x.label), { tickangle: -40, ...extra }),
    ...(gaps.shapes.length ? { shapes: gaps.shapes, annotations: gaps.annotations } : {}),
  };
}

export interface TimelineChartOptions {
  /** Most periods with articles drawn as a column each; beyond, combined into coarser periods. Default 40. */
  perPeriod?: number;
}

/**
 * Heatmap of themes (rows, dictionary order, top to bottom) × periods (columns, in order), coloured by hits per
 * 1,000 words. A theme with no hits in a period is grey; a run of gap periods is one empty column (null z) in a
 * grey band, never zero. Beyond `perPeriod` (40) periods with articles, periods are combined (title says how).
 * No periods or no themes gives a figure with no points.
 */
export function timelineHeatmap(result: Pick<TimelineResult, "rows" | "themes">, options: TimelineChartOptions = {}): Figure {
  const c = timelineColumns(result.themes.length ? result.rows : [], result.themes.length, options.perPeriod);
  const cols = c.cols;
  const themes = cols.length ? result.themes : [];
  const x = cols.map((col) => col.label);
  const z = themes.map((_, i) => cols.map((col) => round2(col.rates[i])));
  const text = themes.map((t, i) => cols.map((col) => (col.gap ? columnText(col) : `${columnText(col)}<br>${plural(col.hits[i] ?? 0, "hit")} of ${t.label}`)));
  const note = axisNote(c);
  const title = titled("Themes in each period", `hits per 1,000 words, each briefing counted once; blank = no articles${note ? `; ${note}` : ""}`);
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
      title: title.title,
      ...axisLayout(c),
      yaxis: { type: "category", autorange: "reversed", automargin: true },
      plot_bgcolor: "#ffffff",
      height: Math.max(360, 260 + 30 * themes.length),
      margin: { l: 20, r: 20, t: title.top, b: 20 },
    },
  };
}

export interface TimelineLinesOptions extends TimelineChartOptions {
  /** Theme ids to draw; default the `top` themes with the most hits over all periods. */
  themes?: string[];
  /** Default 6. */
  top?: number;
}

/**
 * One line per theme across the periods (x as categories, in order). A gap is null, so the line breaks there
 * (connectgaps false) instead of dropping to zero; a run of gaps is one column. Themes with no hits anywhere are
 * left out. Periods combined beyond `perPeriod` (40), as in the heatmap.
 */
export function timelineLines(result: Pick<TimelineResult, "rows" | "themes">, options: TimelineLinesOptions = {}): Figure {
  const { top = 6 } = options;
  const { rows } = result;
  const totals = result.themes.map((t, i) => ({ t, i, hits: rows.reduce((n, r) => n + (r.themes[i].hits ?? 0), 0) }));
  const chosen = options.themes
    ? totals.filter((x) => options.themes!.includes(x.t.id))
    : totals.filter((x) => x.hits > 0).sort((a, b) => b.hits - a.hits || a.i - b.i).slice(0, top).sort((a, b) => a.i - b.i);
  const c = timelineColumns(rows, result.themes.length, options.perPeriod);
  const x = c.cols.map((col) => col.label);
  const note = axisNote(c);
  const title = titled(`Theme rates over time (${chosen.length === totals.length ? "all themes" : `${chosen.length} of ${totals.length} themes`})`, `a break = a period with no articles${note ? `; ${note}` : ""}`);
  return {
    data: chosen.map(({ t, i }) => ({
      type: "scatter",
      mode: "lines+markers",
      name: t.label,
      x,
      y: c.cols.map((col) => round2(col.rates[i])),
      connectgaps: false,
      text: c.cols.map((col) => (col.gap ? columnText(col) : `${columnText(col)}<br>${plural(col.hits[i] ?? 0, "hit")}`)),
      hovertemplate: "<b>%{fullData.name}</b> · %{y} per 1,000 words<br>%{text}<extra></extra>",
    })),
    layout: {
      title: title.title,
      ...axisLayout(c),
      yaxis: { title: { text: "hits per 1,000 words" }, rangemode: "tozero" },
      // At the foot of the figure below room for turned labels: under the axis it covered a dense axis's labels,
      // at the right six long theme names took half the width, above it ran into the title.
      legend: { orientation: "h", x: 0, y: 0, yref: "container", yanchor: "bottom" },
      height: 560,
      margin: { l: 60, r: 20, t: title.top, b: 200 },
    },
  };
}

export interface EventTimelineOptions {
  /** Most briefings drawn as a point each; beyond, bars of briefings per period. Default 200. */
  perEvent?: number;
}

/**
 * The briefings as points in time: x the event's date, y the number of articles reporting it; hover gives the
 * title and outlets. A stretch with no briefing longer than a year and half the span is cut from the axis and
 * marked. Beyond `perEvent` (200) briefings, bars of briefings per period (the finest of day … year with at most 40
 * bars), hover naming the most reported. Undated events are left out (the timeline's notes count them).
 */
export function eventTimelinePlot(events: EventRow[], options: EventTimelineOptions = {}): Figure {
  const { perEvent = PER_EVENT_MAX } = options;
  const dated = events.filter((e) => e.date);
  if (dated.length > perEvent) return eventBars(dated);
  const breaks = dateBreaks(dated.map((e) => e.date!), "briefings");
  const most = dated.reduce((m, e) => Math.max(m, e.articles.length), 0);
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
      title: { text: `Briefings over time (each point one event; higher = more reports, larger = more outlets${breaks.rangebreaks.length ? "; dotted line = long stretch with no briefing, cut out" : ""})` },
      xaxis: { type: "date", title: { text: "date of the briefing" }, ...(breaks.rangebreaks.length ? { rangebreaks: breaks.rangebreaks } : {}) },
      yaxis: { title: { text: "articles reporting it" }, rangemode: "tozero", ...(most <= 15 ? { dtick: 1 } : {}) },
      ...(breaks.shapes.length ? { shapes: breaks.shapes, annotations: breaks.annotations } : {}),
      height: 380,
      margin: { l: 60, r: 20, t: 50, b: 60 },
    },
  };
}

function eventBars(dated: EventRow[]): Figure {
  const unit = chooseUnit(dated.map((e) => e.date!));
  const axis = periodAxis(dated.map((e) => periodOf(e.date!, unit)), unit);
  const at = new Map(axis.map((e, i) => [e.key, i]));
  const members = axis.map(() => [] as EventRow[]);
  for (const e of dated) members[at.get(periodOf(e.date!, unit))!].push(e);
  const text = axis.map((a, i) => {
    if (a.gap) return `${a.label}: no briefings`;
    const evs = members[i];
    const articles = evs.reduce((n, e) => n + e.articles.length, 0);
    const top = evs.slice().sort((x, y) => y.articles.length - x.articles.length || (x.date! < y.date! ? -1 : 1)).slice(0, 3);
    return `${a.label} (${a.from} to ${a.to})<br>${plural(evs.length, "briefing")}, ${plural(articles, "article")}<br>most reported:<br>`
      + top.map((e) => `${e.date} · ${e.title.length > 70 ? e.title.slice(0, 69) + "…" : e.title} (${e.articles.length})`).join("<br>");
  });
  const c: Columns = { cols: axis.map((a) => ({ label: a.label, gap: a.gap } as Column)), colOf: new Map(), unit: null, filled: dated.length };
  const note = axisNote(c, true);
  const title = titled(`Briefings per ${unitName(unit)}`, `${num(dated.length)} dated briefings: too many to draw one by one; hover for the most reported${note ? `; ${note}` : ""}`);
  return {
    data: [{
      type: "bar",
      x: axis.map((a) => a.label),
      y: axis.map((a, i) => (a.gap ? null : members[i].length)),
      customdata: axis.map((a, i) => (a.gap ? null : members[i].reduce((n, e) => n + e.articles.length, 0))),
      text,
      textposition: "none",
      marker: { color: "#c0392b" },
      hovertemplate: "%{text}<extra></extra>",
    }],
    layout: {
      title: title.title,
      ...axisLayout(c, { title: { text: unitName(unit) } }),
      yaxis: { title: { text: "briefings" }, rangemode: "tozero" },
      height: 380,
      margin: { l: 60, r: 20, t: title.top, b: 60 },
    },
  };
}

/**
 * The figures (rows, first stated at the top) × the periods that stated them: a filled marker where a figure was
 * first stated, an open one where it was repeated. The first `top` figures (default 40) are drawn; gap runs are one
 * column and periods are combined beyond `perPeriod` (40), as in the heatmap.
 */
export function figureTimelinePlot(result: Pick<TimelineResult, "rows" | "figures">, options: { top?: number } & TimelineChartOptions = {}): Figure {
  const { top = 40 } = options;
  const figures = result.figures.slice(0, top);
  const c = timelineColumns(result.rows, result.rows[0]?.themes.length ?? 0, options.perPeriod);
  const label = (period: string) => c.cols[c.colOf.get(period)!]?.label ?? period;
  const points = (which: "first" | "repeat") => {
    const pts: Array<{ f: TimelineFigure; col: string }> = [];
    for (const f of figures) {
      const first = label(f.period);
      if (which === "first") pts.push({ f, col: first });
      else for (const col of Array.from(new Set(f.repeatedIn.map(label)))) if (col !== first) pts.push({ f, col });
    }
    return pts;
  };
  const trace = (which: "first" | "repeat") => {
    const pts = points(which);
    return {
      type: "scatter",
      mode: "markers",
      name: which === "first" ? "first stated" : "repeated",
      x: pts.map((p) => p.col),
      y: pts.map((p) => p.f.label),
      marker: which === "first" ? { size: 11, color: "#1f77b4", symbol: "circle" } : { size: 11, color: "#1f77b4", symbol: "circle-open", line: { width: 2 } },
      text: pts.map((p) => `${p.f.label}<br>first ${p.f.first} (${p.f.period}); stated in ${plural(p.f.periods.length, "period")}, ${plural(p.f.articles.length, "article")}`),
      hovertemplate: "%{text}<extra></extra>",
    };
  };
  const y = figures.map((f) => f.label);
  const title = titled(`Figures in order of first appearance${result.figures.length > top ? ` (first ${top} of ${num(result.figures.length)})` : ""}: filled = first stated, open = repeated`, axisNote(c, true));
  return {
    data: figures.length ? [trace("first"), trace("repeat")] : [],
    layout: {
      title: title.title,
      ...axisLayout(c),
      yaxis: { type: "category", categoryorder: "array", categoryarray: y.slice().reverse(), automargin: true, tickfont: { size: 11 } },
      legend: { orientation: "h", y: -0.15 },
      height: Math.max(300, 140 + 22 * figures.length),
      margin: { l: 20, r: 20, t: title.top, b: 80 },
    },
  };
}
