// Charts of the themes: where each theme is dense (articles or periods × themes) and how far each reaches.
//
// The heatmap has one column per article while there are at most PER_ITEM_MAX (40) articles; beyond, one column
// per period of the article dates (the finest of day … year with at most 40 columns, plot-axis.ts), rated as the
// period's hits per 1,000 of its words, with undated articles as a last "undated" column. Period rather than event
// or outlet: the heatmap is read along a row ("when did this theme come and go"), and 2,225 BBC articles are 2,025
// events of one article each and name no outlet, so only the period aggregates them. 2,225 columns of 0.4 px read
// as an empty chart; 12 monthly columns read.
import type { Article } from "./types.js";
import type { Figure } from "./display.js";
import type { Theme, ThemeCount, ThemeReach } from "./themes.js";
import { articleLabels, byDate, categoryAxis, chooseUnit, gapMarks, num, periodAxis, periodOf, PER_ITEM_MAX, titled, unitName } from "./plot-axis.js";

// Plotly reads a few HTML tags in hover text: article text must not be able to add any.
const safe = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const COLORSCALE = [[0, "#eeeeee"], [0.0001, "#fff5eb"], [0.25, "#fdae6b"], [0.5, "#f16913"], [1, "#7f2704"]];

export interface ThemeHeatmapOptions {
  /** Most articles drawn as a column each; beyond, a column per period. Default 40. */
  perArticle?: number;
}

/**
 * Heatmap of themes (rows, dictionary order, top to bottom) × articles (columns by date, labelled by date and
 * outlet), coloured by hits per 1,000 words, grey where a theme has no hit; hover shows the hits and the forms that
 * matched. Beyond `perArticle` (40) articles, a column per period (hits per 1,000 words of the period's articles),
 * and the title says so. No articles or no themes gives a figure with no points.
 */
export function themeHeatmap(counts: ThemeCount[], articles: Article[], themes: Theme[], options: ThemeHeatmapOptions = {}): Figure {
  const { perArticle = PER_ITEM_MAX } = options;
  if (themes.length && articles.length > perArticle) return periodHeatmap(counts, articles, themes);
  const byKey = new Map(counts.map((c) => [`${c.article}\u0000${c.theme}`, c]));
  const cols = themes.length ? articles.slice().sort(byDate()) : [];
  const rows = cols.length ? themes : [];
  const x = articleLabels(cols).map(safe);
  const y = rows.map((t) => safe(t.label));
  const z = rows.map((t) => cols.map((a) => round1(byKey.get(`${a.id}\u0000${t.id}`)?.per1k ?? 0)));
  const text = rows.map((t) => cols.map((a) => {
    const c = byKey.get(`${a.id}\u0000${t.id}`);
    const head = `${safe(a.title)}${a.date ? ` (${a.date})` : ""}<br>${safe(a.id)}`;
    if (!c || !c.hits) return `${head}<br>no hits`;
    return `${head}<br>${c.hits} hit${c.hits === 1 ? "" : "s"} in ${a.words} words<br>${forms(c.matches)}`;
  }));
  // Turned "date · outlet" labels need about 160 px below the chart (plotly's automargin alone clipped them).
  return heatmapFigure(x, y, z, text, titled("Themes in each article (hits per 1,000 words)"), rows.length, { shapes: [], annotations: [] }, 160);
}

function forms(matches: Array<{ form: string; count: number }>): string {
  const shown = matches.slice(0, 6).map((m) => (m.count > 1 ? `${safe(m.form)} ×${m.count}` : safe(m.form)));
  return shown.join("<br>") + (matches.length > 6 ? `<br>… and ${matches.length - 6} more forms` : "");
}

function periodHeatmap(counts: ThemeCount[], articles: Article[], themes: Theme[]): Figure {
  const dated = articles.filter((a) => a.date);
  const unit = chooseUnit(dated.map((a) => a.date!));
  const axis = periodAxis(dated.map((a) => periodOf(a.date!, unit)), unit);
  const undated = articles.length - dated.length;
  const cols = [...axis, ...(undated ? [{ label: "undated", key: "undated", gap: false, periods: 1, from: "", to: "" }] : [])];
  const colOf = new Map(cols.filter((c) => !c.gap).map((c) => [c.key, cols.indexOf(c)]));
  const keyOf = new Map(articles.map((a) => [a.id, a.date ? periodOf(a.date, unit) : "undated"]));
  const n = cols.map(() => 0);
  const words = cols.map(() => 0);
  for (const a of articles) {
    const i = colOf.get(keyOf.get(a.id)!)!;
    n[i]++;
    words[i] += a.words;
  }
  const themeRow = new Map(themes.map((t, i) => [t.id, i]));
  const hits = themes.map(() => cols.map(() => 0));
  const formCounts = themes.map(() => cols.map(() => new Map<string, number>()));
  for (const c of counts) {
    const t = themeRow.get(c.theme);
    const key = keyOf.get(c.article);
    if (t === undefined || key === undefined || !c.hits) continue;
    const i = colOf.get(key)!;
    hits[t][i] += c.hits;
    const f = formCounts[t][i];
    for (const m of c.matches) f.set(m.form, (f.get(m.form) ?? 0) + m.count);
  }
  const z = themes.map((_, t) => cols.map((c, i) => (c.gap || !words[i] ? null : round1((hits[t][i] * 1000) / words[i]))));
  const text = themes.map((th, t) => cols.map((c, i) => {
    if (c.gap) return `${c.label}: no articles`;
    const head = `${c.label}${c.from ? ` (${c.from} to ${c.to})` : ""}: ${num(n[i])} article${n[i] === 1 ? "" : "s"}, ${num(words[i])} words`;
    if (!hits[t][i]) return `${head}<br>no hits`;
    const matched = Array.from(formCounts[t][i].entries()).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([form, count]) => ({ form, count }));
    return `${head}<br>${num(hits[t][i])} hit${hits[t][i] === 1 ? "" : "s"} of ${safe(th.label)}<br>${forms(matched)}`;
  }));
  const title = titled(`Themes by ${unitName(unit)} (hits per 1,000 words of the ${unitName(unit)}'s articles)`, `${num(articles.length)} articles: too many for a column each${cols.some((c) => c.gap) ? "; grey band = no articles" : ""}`);
  return heatmapFigure(cols.map((c) => c.label), themes.map((t) => safe(t.label)), z, text, title, themes.length, gapMarks(cols), 100);
}

function heatmapFigure(x: string[], y: string[], z: Array<Array<number | null>>, text: string[][], title: { title: { text: string }; top: number }, rows: number, gaps: { shapes: unknown[]; annotations: unknown[] }, bottom: number): Figure {
  return {
    data: [{
      type: "heatmap",
      x,
      y,
      z,
      text,
      zmin: 0,
      colorscale: COLORSCALE,
      xgap: 1,
      ygap: 1,
      colorbar: { title: { text: "hits per<br>1,000 words" } },
      hovertemplate: "<b>%{y}</b> · %{z} per 1,000 words<br>%{x}<br>%{text}<extra></extra>",
    }],
    layout: {
      title: title.title,
      xaxis: categoryAxis(x, { tickangle: -40 }),
      yaxis: { autorange: "reversed", automargin: true, type: "category" },
      ...(gaps.shapes.length ? { shapes: gaps.shapes, annotations: gaps.annotations, plot_bgcolor: "#ffffff" } : {}),
      height: Math.max(360, 260 + 30 * rows) + bottom,
      margin: { l: 20, r: 20, t: title.top, b: bottom },
    },
  };
}

export interface ThemeReachPlotOptions {
  /** Most themes drawn (the first in reach order). Default 40. */
  top?: number;
}

/**
 * Horizontal bars of the themes ranked by reach (themeReach order, first at the top): bar length is the number of
 * articles a theme appears in, the label and hover give its hits. Themes that appear nowhere are left out; beyond
 * `top` (40) themes the rest are left out and the title says so. Ticks every article only up to 15 articles.
 */
export function themeReachPlot(reach: ThemeReach[], options: ThemeReachPlotOptions = {}): Figure {
  const { top = PER_ITEM_MAX } = options;
  const found = reach.filter((r) => r.articles > 0);
  const rows = found.slice(0, top);
  const most = rows.reduce((m, r) => Math.max(m, r.articles), 0);
  return {
    data: [{
      type: "bar",
      orientation: "h",
      x: rows.map((r) => r.articles),
      y: rows.map((r) => safe(r.label)),
      text: rows.map((r) => `${num(r.hits)} hit${r.hits === 1 ? "" : "s"}`),
      textposition: "auto",
      // Events and periods are there when themeReach was given eventKeys: one briefing in three outlets is one event.
      customdata: rows.map((r) => [r.theme, typeof r.events === "number" ? `, ${num(r.events)} event${r.events === 1 ? "" : "s"}` : "",
        typeof r.periods === "number" ? `, ${num(r.periods)} period${r.periods === 1 ? "" : "s"}` : ""]),
      hovertemplate: "<b>%{y}</b> (%{customdata[0]})<br>in %{x} articles%{customdata[1]}%{customdata[2]}, %{text}<extra></extra>",
      marker: { color: "#c0392b" },
    }],
    layout: {
      title: { text: `Themes ranked by reach (articles they appear in)${found.length > rows.length ? ` (first ${rows.length} of ${found.length})` : ""}` },
      // A tick per article reads up to about 15; beyond, plotly's own ticks (2,225 ticks were a black smear).
      xaxis: { title: { text: "articles" }, rangemode: "tozero", ...(most <= 15 ? { dtick: 1 } : { nticks: 10, tickformat: ",d" }) },
      yaxis: { autorange: "reversed", automargin: true, type: "category" },
      height: Math.max(260, 110 + 30 * rows.length),
      margin: { l: 260, r: 20, t: 50, b: 50 },
    },
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;
