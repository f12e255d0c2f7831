// Charts of the corpus itself: which outlets published when.
import type { Article } from "./types.js";
import type { Figure } from "./display.js";

const UNKNOWN = "(outlet not named)";

/**
 * Articles over time by outlet: one point per dated article, one row (and colour) per outlet,
 * the title, id and length on hover. Undated articles cannot be placed and are left out (list them beside it).
 */
export function articlesTimelinePlot(articles: Article[]): Figure {
  const dated = articles.filter((a) => a.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.id < b.id ? -1 : 1));
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
  return {
    data,
    layout: {
      title: { text: "Articles over time, by outlet" },
      xaxis: { title: { text: "date" }, type: "date" },
      yaxis: { title: { text: "" }, automargin: true, categoryorder: "array", categoryarray: outlets },
      showlegend: false,
      height: Math.max(260, 120 + 40 * outlets.length),
      margin: { l: 160, r: 20, t: 50, b: 50 },
    },
  };
}

/** The rows of the articles table a notebook shows: everything but the text, with warnings joined. */
export function articleRows(articles: Article[]): Array<Record<string, unknown>> {
  return articles.map((a) => ({ id: a.id, date: a.date, dateSource: a.dateSource, outlet: a.outlet, words: a.words, title: a.title, file: a.file, warnings: a.warnings.join("; ") }));
}
