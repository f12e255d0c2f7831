// Charts of the corpus itself: which outlets published when.
//
// Up to PER_ITEM_MAX (40) dated articles the chart has one point per article; beyond, points pile into a smear
// (2,225 BBC articles over one year are 6 a day), so it becomes stacked bars of articles per period (the finest
// of day … year with at most 40 bars, see plot-axis.ts) by outlet: the question the chart answers is "who
// published when", and a count per outlet per period answers it at any size. Outlets beyond the 8 that published
// most are one "other outlets" series (8 + other + "not named" stay apart in a legend of colours people can tell
// apart). Runs of empty periods are one grey bar-less entry marked "no articles".
import type { Article } from "./types.js";
import type { Figure } from "./display.js";
import { byDate, categoryAxis, chooseUnit, dateBreaks, titled, gapMarks, num, periodAxis, periodOf, PER_ITEM_MAX, topNames, unitName } from "./plot-axis.js";

const UNKNOWN = "(outlet not named)";
const OTHER = "other outlets";
const TOP_OUTLETS = 8;
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

export interface ArticlesPlotOptions {
  /** Most dated articles drawn one point each; beyond, bars per period. Default 40. */
  perArticle?: number;
  /** Outlets drawn as their own series when aggregated; the rest are "other outlets". Default 8. */
  topOutlets?: number;
}

/**
 * Articles over time by outlet: one point per dated article (title, id and length on hover) while there are at most
 * `perArticle` (40); beyond, stacked bars of articles per period by outlet, the top 8 outlets and "other outlets".
 * Undated articles cannot be placed and are left out (list them beside it); the title says how many.
 */
export function articlesTimelinePlot(articles: Article[], options: ArticlesPlotOptions = {}): Figure {
  const { perArticle = PER_ITEM_MAX, topOutlets = TOP_OUTLETS } = options;
  const dated = articles.filter((a) => a.date).sort(byDate((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  if (dated.length > perArticle) return articleBars(dated, articles.length - dated.length, topOutlets);
  const outlets = Array.from(new Set(dated.map((a) => a.outlet ?? UNKNOWN))).sort();
  const data = outlets.map((o) => {
    const rows = dated.filter((a) => (a.outlet ?? UNKNOWN) === o);
    return {
      type: "scatter",
      mode: "markers",
      name: o,
      x: rows.map((a) => a.date),
      y: rows.map(() => o),
      text: rows.map((a) => `${a.title}<br>${a.id} · ${a.words} words · date from ${a.dateSource}`),
      hovertemplate: "%{x}<br>%{text}<extra>%{y}</extra>",
      marker: { size: rows.map((a) => 8 + Math.min(22, Math.sqrt(a.words) / 2)), opacity: 0.8 },
    };
  });
  const breaks = dateBreaks(dated.map((a) => a.date!));
  return {
    data,
    layout: {
      title: { text: `Articles over time, by outlet${breaks.rangebreaks.length ? " (dotted line = a long stretch with no articles, cut out)" : ""}` },
      xaxis: { title: { text: "date" }, type: "date", ...(breaks.rangebreaks.length ? { rangebreaks: breaks.rangebreaks } : {}) },
      ...(breaks.shapes.length ? { shapes: breaks.shapes, annotations: breaks.annotations } : {}),
      yaxis: { title: { text: "" }, automargin: true, categoryorder: "array", categoryarray: outlets },
      showlegend: false,
      height: Math.max(260, 120 + 40 * outlets.length),
      margin: { l: 160, r: 20, t: 50, b: 50 },
    },
  };
}

function articleBars(dated: Article[], undated: number, top: number): Figure {
  const unit = chooseUnit(dated.map((a) => a.date!));
  const axis = periodAxis(dated.map((a) => periodOf(a.date!, unit)), unit);
  const col = new Map(axis.filter((e) => !e.gap).map((e, i) => [e.key, i]));
  const perOutlet = new Map<string, number>();
  for (const a of dated) if (a.outlet) perOutlet.set(a.outlet, (perOutlet.get(a.outlet) ?? 0) + 1);
  const named = topNames(perOutlet, top);
  const series = [...named, ...(perOutlet.size > named.length ? [OTHER] : []), ...(dated.some((a) => !a.outlet) ? [UNKNOWN] : [])];
  const seriesOf = (a: Article) => (!a.outlet ? UNKNOWN : named.includes(a.outlet) ? a.outlet : OTHER);
  const filled = axis.filter((e) => !e.gap);
  const count = new Map(series.map((s) => [s, filled.map(() => 0)]));
  for (const a of dated) count.get(seriesOf(a))![col.get(periodOf(a.date!, unit))!]++;
  const others = perOutlet.size - named.length;
  const data = series.map((s, k) => ({
    type: "bar",
    name: s === OTHER ? `${OTHER} (${others})` : s,
    x: axis.map((e) => e.label),
    y: axis.map((e) => (e.gap ? null : count.get(s)![col.get(e.key)!])),
    marker: { color: s === UNKNOWN ? "#999999" : s === OTHER ? "#cccccc" : COLORS[k % COLORS.length] },
    customdata: axis.map((e) => (e.from === e.to ? e.from : `${e.from} to ${e.to}`)),
    hovertemplate: `<b>%{y}</b> article(s), %{customdata}<extra>%{fullData.name}</extra>`,
  }));
  const labels = axis.map((e) => e.label);
  const gaps = gapMarks(axis);
  const t = titled(`Articles per ${unitName(unit)}, by outlet`, `${num(dated.length)} dated articles: too many to draw one by one${undated ? `; ${num(undated)} undated left out` : ""}${gaps.shapes.length ? "; grey band = no articles" : ""}`);
  return {
    data,
    layout: {
      title: t.title,
      barmode: "stack",
      xaxis: categoryAxis(labels, { title: { text: unitName(unit) } }),
      yaxis: { title: { text: "articles" }, rangemode: "tozero" },
      shapes: gaps.shapes,
      annotations: gaps.annotations,
      showlegend: series.length > 1,
      legend: { orientation: "h", y: -0.3 },
      height: 420,
      margin: { l: 60, r: 20, t: t.top, b: 80 },
    },
  };
}

/** The rows of the articles table a notebook shows: everything but the text, with warnings joined. */
export function articleRows(articles: Article[]): Array<Record<string, unknown>> {
  return articles.map((a) => ({ id: a.id, date: a.date, dateSource: a.dateSource, outlet: a.outlet, words: a.words, title: a.title, file: a.file, warnings: a.warnings.join("; ") }));
}
