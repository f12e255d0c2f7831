// Charts of the themes: where each theme is dense (articles × themes) and how far each reaches.
import type { Article } from "./types.js";
import type { Figure } from "./display.js";
import type { Theme, ThemeCount, ThemeReach } from "./themes.js";

// Plotly reads a few HTML tags in hover text: article text must not be able to add any.
const safe = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Heatmap of themes (rows, dictionary order, top to bottom) × articles (columns, corpus order), coloured by hits per
 * 1,000 words, grey where a theme has no hit; hover shows the hits and the forms that matched.
 * No articles or no themes gives a figure with no points.
 */
export function themeHeatmap(counts: ThemeCount[], articles: Article[], themes: Theme[]): Figure {
  const byKey = new Map(counts.map((c) => [`${c.article}\u0000${c.theme}`, c]));
  const cols = themes.length ? articles : [];
  const rows = cols.length ? themes : [];
  const x = cols.map((a) => safe(a.id));
  const y = rows.map((t) => safe(t.label));
  const z = rows.map((t) => cols.map((a) => round1(byKey.get(`${a.id}\u0000${t.id}`)?.per1k ?? 0)));
  const text = rows.map((t) => cols.map((a) => {
    const c = byKey.get(`${a.id}\u0000${t.id}`);
    const head = `${safe(a.title)}${a.date ? ` (${a.date})` : ""}`;
    if (!c || !c.hits) return `${head}<br>no hits`;
    const forms = c.matches.slice(0, 6).map((m) => (m.count > 1 ? `${safe(m.form)} ×${m.count}` : safe(m.form)));
    const more = c.matches.length > 6 ? `<br>… and ${c.matches.length - 6} more forms` : "";
    return `${head}<br>${c.hits} hit${c.hits === 1 ? "" : "s"} in ${a.words} words<br>${forms.join("<br>")}${more}`;
  }));
  return {
    data: [{
      type: "heatmap",
      x,
      y,
      z,
      text,
      zmin: 0,
      colorscale: [[0, "#eeeeee"], [0.0001, "#fff5eb"], [0.25, "#fdae6b"], [0.5, "#f16913"], [1, "#7f2704"]],
      xgap: 1,
      ygap: 1,
      colorbar: { title: { text: "hits per<br>1,000 words" } },
      hovertemplate: "<b>%{y}</b> · %{z} per 1,000 words<br>%{x}<br>%{text}<extra></extra>",
    }],
    layout: {
      title: { text: "Themes in each article (hits per 1,000 words)" },
      xaxis: { tickangle: -40, automargin: true, type: "category" },
      yaxis: { autorange: "reversed", automargin: true, type: "category" },
      height: Math.max(360, 260 + 30 * rows.length),
      margin: { l: 20, r: 20, t: 50, b: 20 },
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
      y: rows.map((r) => safe(r.label)),
      text: rows.map((r) => `${r.hits} hit${r.hits === 1 ? "" : "s"}`),
      textposition: "auto",
      // Events and periods are there when themeReach was given eventKeys: one briefing in three outlets is one event.
      customdata: rows.map((r) => [r.theme, typeof r.events === "number" ? `, ${r.events} event${r.events === 1 ? "" : "s"}` : "",
        typeof r.periods === "number" ? `, ${r.periods} period${r.periods === 1 ? "" : "s"}` : ""]),
      hovertemplate: "<b>%{y}</b> (%{customdata[0]})<br>in %{x} articles%{customdata[1]}%{customdata[2]}, %{text}<extra></extra>",
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
