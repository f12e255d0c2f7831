// Charts of the themes: where each theme is dense (articles × themes) and how far each reaches.
import type { Article } from "./types.js";
import type { Figure } from "./display.js";
import type { Theme, ThemeCount, ThemeReach } from "./themes.js";

// Plotly reads a few HTML tags in hover text: article text must not be able to add any.
const safe = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Heatmap of articles (rows, corpus order, top to bottom) × themes (columns, dictionary order), coloured by hits per
 * 1,000 words; hover shows the hits and the forms that matched. No articles or no themes gives a figure with no points.
 */
export function themeHeatmap(counts: ThemeCount[], articles: Article[], themes: Theme[]): Figure {
  const byKey = new Map(counts.map((c) => [`${c.article}\u0000${c.theme}`, c]));
  const rows = themes.length ? articles : [];
  const cols = rows.length ? themes : [];
  const y = rows.map((a) => a.id);
  const x = cols.map((t) => t.label);
  const z = rows.map((a) => cols.map((t) => round1(byKey.get(`${a.id}\u0000${t.id}`)?.per1k ?? 0)));
  const text = rows.map((a) => cols.map((t) => {
    const c = byKey.get(`${a.id}\u0000${t.id}`);
    if (!c || !c.hits) return `${safe(a.title)}<br>no hits`;
    const forms = c.matches.slice(0, 6).map((m) => (m.count > 1 ? `${safe(m.form)} ×${m.count}` : safe(m.form)));
    const more = c.matches.length > 6 ? `<br>… and ${c.matches.length - 6} more forms` : "";
    return `${safe(a.title)}<br>${c.hits} hit${c.hits === 1 ? "" : "s"} in ${a.words} words<br>${forms.join("<br>")}${more}`;
  }));
  return {
    data: [{
      type: "heatmap",
      x,
      y,
      z,
      text,
      zmin: 0,
      colorscale: "YlOrRd",
      reversescale: true,
      xgap: 1,
      ygap: 1,
      colorbar: { title: { text: "per 1,000<br>words" } },
      hovertemplate: "<b>%{x}</b> · %{z} per 1,000 words<br>%{y}<br>%{text}<extra></extra>",
    }],
    layout: {
      title: { text: "Themes in each article (hits per 1,000 words)" },
      xaxis: { tickangle: -35, automargin: true, side: "bottom" },
      yaxis: { autorange: "reversed", automargin: true, type: "category" },
      height: Math.max(320, 200 + 28 * rows.length),
      margin: { l: 170, r: 20, t: 50, b: 160 },
    },
  };
}

/**
 * Horizontal bars of the themes ranked by reach (themeReach order, first at the top): bar length is the number of
 * articles a theme appears in, the label and hover give its hits. Themes that appear nowhere are left out.
 */
export function themeReachPlot(reach: ThemeReach[]): Figure {
  const rows = reach.filter((r) => r.articles > 0);
  return {
    data: [{
      type: "bar",
      orientation: "h",
      x: rows.map((r) => r.articles),
      y: rows.map((r) => r.label),
      text: rows.map((r) => `${r.hits} hit${r.hits === 1 ? "" : "s"}`),
      textposition: "auto",
      customdata: rows.map((r) => r.theme),
      hovertemplate: "<b>%{y}</b> (%{customdata})<br>in %{x} articles, %{text}<extra></extra>",
      marker: { color: "#c0392b" },
    }],
    layout: {
      title: { text: "Themes ranked by reach (articles they appear in)" },
      xaxis: { title: { text: "articles" }, dtick: 1, rangemode: "tozero" },
      yaxis: { autorange: "reversed", automargin: true, type: "category" },
      height: Math.max(260, 110 + 30 * rows.length),
      margin: { l: 260, r: 20, t: 50, b: 50 },
    },
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;
