// Charts and tables of the figure ledger: the recurring figures by date and article, and the drift as rows.
//
// The strip chart has a marker (and a legend entry) per article while the figures drawn come from at most
// PER_ITEM_MAX (40) articles; beyond, 1,041 articles were 1,041 traces and a legend longer than the chart. Then it
// has one marker per figure and period (the finest of day … year with at most 40 columns, plot-axis.ts), sized by
// the articles that state the figure there, with the outlets and one sentence on hover: the chart asks "when does
// this figure come back", which a period answers, and the figures drawn stay the first 40.
import type { Article } from "./types.js";
import type { Figure } from "./display.js";
import { formatValue, type FigureMention } from "./figures.js";
import type { FigureDrift, FigureGroup } from "./recurring.js";
import { articleLabels, categoryAxis, chooseUnit, gapMarks, num, periodAxis, periodOf, PER_ITEM_MAX, titled, topNames, unitName } from "./plot-axis.js";

// Plotly reads a few HTML tags in hover text: article text must not be able to add any.
const safe = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down", "pentagon", "hexagon"];
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
const UNDATED = "undated";

/** Cut a label for an axis, keeping it unique among `taken`. */
function axisLabel(label: string, taken: Set<string>, max = 60): string {
  const base = label.length > max ? label.slice(0, max - 1).trimEnd() + "…" : label;
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base} (${n})`;
  taken.add(out);
  return out;
}

/** Wrap a sentence for a hover box at about `width` characters. */
function wrap(s: string, width = 80): string {
  const lines: string[] = [];
  let line = "";
  for (const w of s.split(/\s+/)) {
    if (line && line.length + 1 + w.length > width) { lines.push(line); line = w; }
    else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.slice(0, 8).join("<br>") + (lines.length > 8 ? "<br>…" : "");
}

export interface RecurringPlotOptions {
  /** Show at most this many figures (the first in `groups` order). Default 40. */
  maxFigures?: number;
  /** Most articles drawn as markers of their own; beyond, one marker per figure and period. Default 40. */
  perArticle?: number;
}

/**
 * Strip chart of the recurring figures: x = article date (a category per date, "undated" last), y = the figure
 * (groups in the order given, first at the top), one marker shape and colour per article, side by side within a
 * date; hover shows the article, the figure as written and its sentence.
 * No groups gives a figure with no points.
 */
export function recurringFiguresPlot(groups: FigureGroup[], articles: Article[], options: RecurringPlotOptions = {}): Figure {
  const { maxFigures = 40, perArticle = PER_ITEM_MAX } = options;
  const shown = groups.slice(0, maxFigures);
  const inShown = new Set<string>();
  for (const g of shown) for (const id of g.articles) inShown.add(id);
  if (inShown.size > perArticle) return figurePeriods(shown, groups.length, articles, inShown.size);
  const dateOf = new Map(articles.map((a) => [a.id, a.date]));
  const drawn = articles.filter((a) => inShown.has(a.id));
  const names = articleLabels(drawn);
  const nameOf = new Map(drawn.map((a, i) => [a.id, names[i]]));
  const titleOf = new Map(articles.map((a) => [a.id, a.title]));
  const taken = new Set<string>();
  const yLabel = new Map(shown.map((g) => [g, axisLabel(g.label, taken)]));
  const ids: string[] = [];
  for (const g of shown) for (const id of g.articles) if (!ids.includes(id)) ids.push(id);
  const cmp = (x: string, y: string) => {
    const dx = dateOf.get(x) ?? null;
    const dy = dateOf.get(y) ?? null;
    if (dx !== dy) return dx === null ? 1 : dy === null ? -1 : dx < dy ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  ids.sort(cmp);
  const dates = Array.from(new Set(ids.map((id) => dateOf.get(id) ?? UNDATED)));
  const data = ids.map((id, k) => {
    const points: Array<{ g: FigureGroup; m: FigureMention }> = [];
    for (const g of shown) {
      const m = g.mentions.find((x) => x.article === id);
      if (m) points.push({ g, m });
    }
    return {
      type: "scatter",
      mode: "markers",
      name: safe(nameOf.get(id) ?? id),
      x: points.map(() => dateOf.get(id) ?? UNDATED),
      y: points.map((p) => safe(yLabel.get(p.g)!)),
      text: points.map((p) => `${safe(titleOf.get(id) ?? id)}<br>written: <b>${safe(p.m.qualifier ? `${p.m.qualifier} ${p.m.text}` : p.m.text)}</b><br>${wrap(safe(p.m.sentence))}`),
      hovertemplate: "<b>%{y}</b><br>%{x} · " + safe(id) + "<br>%{text}<extra></extra>",
      offsetgroup: safe(id),
      marker: { symbol: SYMBOLS[k % SYMBOLS.length], color: COLORS[k % COLORS.length], size: 11, line: { width: 1, color: "#333" } },
    };
  });
  const yOrder = shown.map((g) => safe(yLabel.get(g)!));
  return {
    data,
    layout: {
      title: { text: `Recurring figures by date and article${groups.length > shown.length ? ` (first ${shown.length} of ${groups.length})` : ""}` },
      scattermode: "group",
      xaxis: { type: "category", categoryorder: "array", categoryarray: dates, title: { text: "article date" }, automargin: true },
      yaxis: { type: "category", categoryorder: "array", categoryarray: yOrder, autorange: "reversed", automargin: true },
      legend: { title: { text: "article" } },
      height: Math.max(320, 140 + 34 * shown.length),
      margin: { l: 20, r: 20, t: 50, b: 50 },
    },
  };
}

function figurePeriods(shown: FigureGroup[], total: number, articles: Article[], nArticles: number): Figure {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const dates: string[] = [];
  for (const g of shown) for (const id of g.articles) { const d = byId.get(id)?.date; if (d) dates.push(d); }
  const unit = chooseUnit(dates);
  const axis = periodAxis(dates.map((d) => periodOf(d, unit)), unit);
  const hasUndated = shown.some((g) => g.articles.some((id) => !byId.get(id)?.date));
  const cols = [...axis.map((e) => ({ label: e.label, key: e.key, gap: e.gap })), ...(hasUndated ? [{ label: UNDATED, key: UNDATED, gap: false }] : [])];
  const labelOf = new Map(cols.filter((c) => !c.gap).map((c) => [c.key, c.label]));
  const taken = new Set<string>();
  const yLabel = new Map(shown.map((g) => [g, safe(axisLabel(g.label, taken))]));
  const x: string[] = [];
  const y: string[] = [];
  const size: number[] = [];
  const text: string[] = [];
  for (const g of shown) {
    const cells = new Map<string, FigureMention[]>();
    for (const m of g.mentions) {
      const d = byId.get(m.article)?.date;
      const key = d ? periodOf(d, unit) : UNDATED;
      const list = cells.get(key);
      if (list) list.push(m);
      else cells.set(key, [m]);
    }
    for (const [key, ms] of cells) {
      const ids = Array.from(new Set(ms.map((m) => m.article)));
      const outlets = new Map<string, number>();
      for (const id of ids) { const o = byId.get(id)?.outlet; if (o) outlets.set(o, (outlets.get(o) ?? 0) + 1); }
      const top = topNames(outlets, 3);
      const written = Array.from(new Set(ms.map((m) => (m.qualifier ? `${m.qualifier} ${m.text}` : m.text)))).slice(0, 4);
      x.push(labelOf.get(key)!);
      y.push(yLabel.get(g)!);
      size.push(Math.min(34, 7 + 4 * Math.sqrt(ids.length)));
      text.push(`${num(ids.length)} article${ids.length === 1 ? "" : "s"}${top.length ? ` · ${top.map(safe).join(", ")}${outlets.size > top.length ? ` and ${outlets.size - top.length} more` : ""}` : ""}`
        + `<br>written: <b>${written.map(safe).join(", ")}</b><br>e.g. ${safe(byId.get(ids[0])?.title ?? ids[0])}:<br>${wrap(safe(ms[0].sentence))}`);
    }
  }
  const yOrder = shown.map((g) => yLabel.get(g)!);
  const gaps = gapMarks(cols, "no mention");
  const t = titled(`Recurring figures by ${unitName(unit)}${total > shown.length ? ` (first ${shown.length} of ${num(total)})` : ""}`,
    `marker size = articles stating it; ${num(nArticles)} articles: too many for a marker each`);
  return {
    data: [{
      type: "scatter",
      mode: "markers",
      name: "articles stating it",
      x,
      y,
      text,
      hovertemplate: "<b>%{y}</b><br>%{x}: %{text}<extra></extra>",
      marker: { size, color: "#1f77b4", opacity: 0.75, line: { width: 1, color: "#333" } },
    }],
    layout: {
      title: t.title,
      xaxis: categoryAxis(cols.map((c) => c.label), { title: { text: unitName(unit) } }),
      yaxis: { type: "category", categoryorder: "array", categoryarray: yOrder, autorange: "reversed", automargin: true, tickfont: { size: 11 } },
      shapes: gaps.shapes,
      annotations: gaps.annotations,
      showlegend: false,
      height: Math.max(320, 140 + 26 * shown.length),
      margin: { l: 20, r: 20, t: t.top, b: 50 },
    },
  };
}

/** One row per recurring figure: the figure, its kind, how many articles state it, when, and how it was written. */
export function recurringRows(groups: FigureGroup[]): Array<Record<string, unknown>> {
  return groups.map((g) => ({
    figure: g.label,
    kind: g.kind,
    value: g.value,
    high: g.high ?? null,
    unit: g.unit,
    articles: g.articles.length,
    ids: g.articles,
    first: g.first,
    last: g.last,
    written: Array.from(new Set(g.mentions.map((m) => (m.qualifier ? `${m.qualifier} ${m.text}` : m.text)))),
  }));
}

/**
 * The drift as a table: one row per value of each drifting claim, earliest first, so the values of one claim sit
 * side by side (never merged).
 */
export function driftRows(drift: FigureDrift[]): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const d of drift) {
    for (const g of d.groups) {
      rows.push({
        claim: d.claim,
        kind: g.kind,
        figure: formatValue(g.kind, g.value, g.unit, g.high),
        what: g.what,
        articles: g.articles,
        first: g.first,
        last: g.last,
        qualifiers: Array.from(new Set(g.mentions.map((m) => m.qualifier).filter(Boolean))),
        written: Array.from(new Set(g.mentions.map((m) => m.text))),
      });
    }
  }
  return rows;
}
