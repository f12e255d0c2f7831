// Charts of a shift between two periods: the terms that mark each period, and each theme's rate in A and B.
//
// The keyness chart draws the top terms of each side by G², but a term whose p is 0.05 or more is not evidence of a
// difference (with one briefing a side, most of the top 12 can be): those bars are grey, in a legend entry of their
// own ("not significant, p ≥ 0.05"), and the title says how many; `significance: "omit"` leaves them out instead.
// Both charts are bounded by their `top` and the dictionary whatever the corpus size.
import type { Figure } from "./display.js";
import type { KeynessRow } from "./keyness.js";
import type { ThemeChange } from "./shift.js";
import { titled } from "./plot-axis.js";

const COLOR_A = "#1f77b4";
const COLOR_B = "#d62728";
const COLOR_NS = "#bbbbbb";

export interface KeynessPlotOptions {
  /** Terms per side. Default 12. */
  top?: number;
  /** Bar length: signed G² (default) or the log ratio. Terms are chosen by G² either way. */
  by?: "g2" | "logRatio";
  /** Terms with p ≥ `alpha`: drawn grey in a group of their own ("mark", default) or left out ("omit"). */
  significance?: "mark" | "omit";
  /** Default 0.05. */
  alpha?: number;
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const pfmt = (p: number) => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

/**
 * A diverging bar chart of the most distinctive terms: period A's to the left (negative), B's to the right.
 * @param labels The periods' labels, A then B.
 * @return A plotly figure with one bar trace per period (the significant terms) and, when any of the drawn terms
 *   has p ≥ alpha, a grey third trace for those; the strongest terms sit at the outer ends. Defaults: top 12 per
 *   side by G², bars of signed G², non-significant terms marked (not omitted), alpha 0.05.
 */
export function keynessPlot(rows: KeynessRow[], labels: [string, string], options: KeynessPlotOptions = {}): Figure {
  const { top = 12, by = "g2", significance = "mark", alpha = 0.05 } = options;
  if (significance !== "mark" && significance !== "omit") throw new RangeError(`keynessPlot: significance must be mark or omit, not "${significance}"`);
  const pool = significance === "omit" ? rows.filter((r) => r.p < alpha) : rows;
  const forA = pool.filter((r) => r.g2 < 0).sort((x, y) => x.g2 - y.g2 || (x.term < y.term ? -1 : 1)).slice(0, top);
  const forB = pool.filter((r) => r.g2 > 0).sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : 1)).slice(0, top);
  const sig = (r: KeynessRow) => r.p < alpha;
  const trace = (side: KeynessRow[], name: string, color: string) => ({
    type: "bar",
    orientation: "h",
    name,
    x: side.map((r) => r[by]),
    y: side.map((r) => r.term),
    marker: { color },
    text: side.map((r) => `${r.term}: ${r.countA} in ${labels[0]}, ${r.countB} in ${labels[1]}<br>G² ${fmt(r.g2)} · log ratio ${fmt(r.logRatio)} · p ${pfmt(r.p)}${sig(r) ? "" : " (not significant)"}`),
    hovertemplate: "%{text}<extra></extra>",
    textposition: "none",
  });
  // Bottom to top: A's strongest at the bottom, B's strongest at the top.
  const order = [...forA.map((r) => r.term), ...forB.slice().reverse().map((r) => r.term)];
  const weak = [...forA, ...forB].filter((r) => !sig(r));
  const left = rows.filter((r) => !sig(r)).length;
  const note = significance === "omit"
    ? (left ? `${left} term${left === 1 ? "" : "s"} with p ≥ ${alpha} left out (not significant)` : "")
    : (weak.length ? `grey: not significant (p ≥ ${alpha}), ${weak.length} of the ${forA.length + forB.length} terms drawn` : "");
  const title = titled(`Distinctive terms: ${labels[0]} (left) vs ${labels[1]} (right)`, note);
  const data = [trace(forA.filter(sig), `more in ${labels[0]}`, COLOR_A), trace(forB.filter(sig), `more in ${labels[1]}`, COLOR_B)];
  if (weak.length) data.push(trace(weak, `not significant (p ≥ ${alpha})`, COLOR_NS));
  return {
    data,
    layout: {
      title: title.title,
      barmode: "relative",
      xaxis: { title: { text: by === "g2" ? "signed G² (log-likelihood)" : "log₂ ratio of relative frequencies" }, zeroline: true },
      yaxis: { automargin: true, categoryorder: "array", categoryarray: order, tickfont: { size: 11 } },
      legend: { orientation: "h", y: -0.15 },
      height: Math.max(300, 120 + 22 * order.length),
      margin: { l: 140, r: 20, t: title.top, b: 80 },
    },
  };
}

/**
 * Each theme's rate in A and in B as a dumbbell: two markers per theme joined by a line.
 * @param labels The periods' labels, A then B.
 * @return A plotly figure: themes top to bottom in the order given (shift() gives rising themes first).
 */
export function themeShiftPlot(themes: ThemeChange[], labels: [string, string]): Figure {
  const y = themes.map((t) => t.label);
  const lineX: Array<number | null> = [];
  const lineY: Array<string | null> = [];
  for (const t of themes) lineX.push(t.rateA, t.rateB, null), lineY.push(t.label, t.label, null);
  const markers = (name: string, key: "rateA" | "rateB", hits: "hitsA" | "hitsB", color: string, symbol: string) => ({
    type: "scatter",
    mode: "markers",
    name,
    x: themes.map((t) => t[key]),
    y,
    marker: { color, size: 11, symbol },
    text: themes.map((t) => `${t.label} (${t.theme})<br>${name}: ${fmt(t[key])} per 1,000 words (${t[hits]} hits)<br>change ${t.change >= 0 ? "+" : ""}${fmt(t.change)}`),
    hovertemplate: "%{text}<extra></extra>",
  });
  return {
    data: [
      { type: "scatter", mode: "lines", name: "change", x: lineX, y: lineY, line: { color: "#999", width: 3 }, hoverinfo: "skip", showlegend: false },
      markers(labels[0], "rateA", "hitsA", COLOR_A, "circle"),
      markers(labels[1], "rateB", "hitsB", COLOR_B, "diamond"),
    ],
    layout: {
      title: { text: `Theme rates, ${labels[0]} vs ${labels[1]}` },
      xaxis: { title: { text: "hits per 1,000 words" }, rangemode: "tozero" },
      yaxis: { automargin: true, categoryorder: "array", categoryarray: y.slice().reverse() },
      legend: { orientation: "h", y: -0.15 },
      height: Math.max(300, 120 + 30 * themes.length),
      margin: { l: 220, r: 20, t: 50, b: 80 },
    },
  };
}
