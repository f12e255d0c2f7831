// Chart of a briefing's coverage: passages (rows, in the briefing's order) × reports (columns, fullest first),
// coloured by what each report did with each passage. Hover shows the passage and the report's sentence.
import type { Figure } from "./display.js";
import { escapePlotText } from "./escape.js";
import type { CoverageStatus, EventCoverage } from "./coverage-types.js";

const LEVEL: Record<CoverageStatus, number> = { "left out": 0, paraphrased: 1, carried: 2 };

/** Article text for a hover line: escaped for plotly, cut at `max` characters, wrapped every ~80. */
function hoverText(s: string, max = 320): string {
  const cut = s.length > max ? s.slice(0, max - 1).trimEnd() + "…" : s;
  const lines: string[] = [];
  let line = "";
  for (const word of cut.split(/\s+/)) {
    if (line && line.length + word.length > 80) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map(escapePlotText).join("<br>");
}

/** A passage's row label: its number and first words. */
function passageLabel(n: number, text: string): string {
  const words = text.split(/\s+/);
  return escapePlotText(`${n}. ${words.slice(0, 6).join(" ")}${words.length > 6 ? " …" : ""}`);
}

/**
 * Heatmap of one event's passages × reports: dark = carried (near-copy), light = paraphrased, grey = left out.
 * Columns are labelled `id (outlet)`; hover gives the passage, the status with its copy share and similarity, and
 * the report's sentence. An event with no passages gives a figure with no points.
 */
export function coveragePlot(c: EventCoverage): Figure {
  const reports = c.passages.length ? c.reports : [];
  const x = reports.map((r) => [r.article, r.outlet].filter(Boolean).map(escapePlotText).join("<br>"));
  const y = reports.length ? c.passages.map((p) => passageLabel(p.passage, p.text)) : [];
  const cell = new Map(c.cells.map((k) => [`${k.passage}|${k.article}`, k]));
  const z = reports.length ? c.passages.map((p) => reports.map((r) => LEVEL[cell.get(`${p.passage}|${r.article}`)!.status])) : [];
  const text = reports.length ? c.passages.map((p) => reports.map((r) => {
    const k = cell.get(`${p.passage}|${r.article}`)!;
    const said = k.sentence ? `<br><br><i>${escapePlotText(r.article)}:</i><br>${hoverText(k.sentence)}` : "";
    return `<b>${k.status}</b> (copy ${k.copy.toFixed(2)}, similarity ${k.similarity.toFixed(2)})<br>${hoverText(p.text)}${said}`;
  })) : [];
  return {
    data: [{
      type: "heatmap",
      x,
      y,
      z,
      text,
      zmin: 0,
      zmax: 2,
      colorscale: [[0, "#eeeeee"], [0.3333, "#eeeeee"], [0.3333, "#9ecae1"], [0.6667, "#9ecae1"], [0.6667, "#08519c"], [1, "#08519c"]],
      xgap: 2,
      ygap: 1,
      colorbar: { tickvals: [0.33, 1, 1.67], ticktext: ["left out", "paraphrased", "carried"], len: 0.4, y: 1, yanchor: "top" },
      hovertemplate: "%{text}<extra>%{x}</extra>",
    }],
    layout: {
      title: { text: escapePlotText(`What each report carried of ${c.event}${c.date ? ` (${c.date})` : ""}: ${c.passages.length} passages, ${c.reports.length} reports`), y: 0.995, yanchor: "top" },
      xaxis: { type: "category", side: "top", tickangle: 0, automargin: true, categoryorder: "array", categoryarray: x },
      yaxis: { type: "category", autorange: "reversed", automargin: true, categoryorder: "array", categoryarray: y, tickfont: { size: 10 } },
      plot_bgcolor: "#ffffff",
      height: Math.max(360, 160 + 16 * y.length),
      margin: { l: 20, r: 20, t: 110, b: 20 },
    },
  };
}

/**
 * Stacked bars, one per report of every event: how many passages it carried, paraphrased and left out. A
 * corpus-wide view of which outlets relay whole briefings and which excerpt them.
 */
export function coverageBars(cs: EventCoverage[]): Figure {
  const rows = cs.flatMap((c) => c.reports.map((r) => ({ c, r })));
  const x = rows.map(({ c, r }) => [r.article, r.outlet, c.event].filter(Boolean).map(escapePlotText).join("<br>"));
  const trace = (name: CoverageStatus, color: string, of: (r: EventCoverage["reports"][number]) => number) => ({
    type: "bar", name, x, y: rows.map(({ r }) => of(r)), marker: { color },
    hovertext: rows.map(({ c, r }) => `${escapePlotText(r.title)}<br>${r.words} words; ${of(r)} of ${c.passages.length} passages ${name}`),
    hovertemplate: "%{hovertext}<extra></extra>",
  });
  return {
    data: rows.length ? [trace("carried", "#08519c", (r) => r.carried), trace("paraphrased", "#9ecae1", (r) => r.paraphrased), trace("left out", "#dddddd", (r) => r.leftOut)] : [],
    layout: {
      title: { text: "Passages of its briefing each report carried, paraphrased and left out" },
      barmode: "stack",
      xaxis: { type: "category", automargin: true, categoryorder: "array", categoryarray: x },
      yaxis: { title: { text: "passages" } },
      height: 460,
      margin: { l: 50, r: 20, t: 50, b: 20 },
    },
  };
}
