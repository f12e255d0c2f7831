// Rich output for notebooks: escaped tables, notes, and plotly charts that render offline.
// tslab prints a cell's last value as plain text; anything richer goes through tslab.display.html.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { escapeHtml, escapePlotText, jsonForScript } from "./escape.js";
import { cellText, columnsOf, tableHtml, toCsv, type HtmlTableOptions, type Row } from "./table.js";
import { frameHtml, type DataFrame } from "./frame.js";

/** A plotly figure as plain data: what every plot builder returns. */
export interface Figure {
  data: Array<Record<string, unknown>>;
  layout: Record<string, unknown>;
}

// Resolve from the project root (the kernel's and CLI's working directory), which works under
// tslab's CommonJS output and the ESM build alike.
const requireHere = createRequire(path.join(process.cwd(), "noop.js"));

/** The plotly cartesian bundle as one inline <script>, escaped so nothing in it can close the element. */
export function bundleHtml(): string {
  const file = requireHere.resolve("plotly.js-cartesian-dist-min");
  const js = fs.readFileSync(file, "utf8").replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
  return `<script type="text/javascript">${js}</script>`;
}

export const STYLE = `<style>
.tp-table{max-height:32em;overflow:auto;margin:.5em 0}
.tp-table table{border-collapse:collapse;font-size:12px}
.tp-table th,.tp-table td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top;max-width:40em}
.tp-table th{background:#f4f4f4;position:sticky;top:0}
.tp-more{margin:.3em 0;font-size:12px;color:#444}
.tp-note{border-left:4px solid #e0a800;background:#fff8e1;padding:.4em .8em;margin:.5em 0}
.tp-plot{width:100%;min-height:420px}
</style>`;

let plotCount = 0;

/** True when a figure has nothing to draw: no traces, or traces with no points. */
export function isEmptyFigure(fig: Figure): boolean {
  return fig.data.every((t) => {
    const vals = (t.x ?? t.y ?? t.z ?? t.values) as unknown[] | undefined;
    return !Array.isArray(vals) || vals.length === 0;
  });
}

// Escape every string below a trace (x, y, text, hovertext, name, labels, customdata…) except templates.
function escapeData(v: unknown, key = ""): unknown {
  if (typeof v === "string") return /template$/i.test(key) ? v : v.split(/<br\s*\/?>/i).map(escapePlotText).join("<br>");
  if (Array.isArray(v)) return v.map((x) => escapeData(x));
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = escapeData(x, k);
    return out;
  }
  return v;
}

/**
 * A copy of the figure that shows data strings as text: plotly reads `<b>`, `<a href>`, `<span style>` in
 * labels and hover text as markup, so article text in `data` is escaped for it. A `<br>` is kept (builders join
 * hover lines with it); text a builder escaped already is left as it is. Templates (`hovertemplate`, `texttemplate`) and layout titles are the builder's own
 * markup and stay as they are, except the category lists of axes, which must match the escaped data; article
 * text put in a layout title or annotation must go through `escapePlotText` in the builder.
 */
export function plotSafeFigure(fig: Figure): Figure {
  const layout: Record<string, unknown> = { ...fig.layout };
  for (const [k, v] of Object.entries(layout)) {
    if (!/^[xy]axis\d*$/.test(k) || !v || typeof v !== "object") continue;
    const axis: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const list of ["categoryarray", "tickvals", "ticktext"]) if (Array.isArray(axis[list])) axis[list] = escapeData(axis[list]);
    layout[k] = axis;
  }
  return { data: fig.data.map((t) => escapeData(t) as Record<string, unknown>), layout };
}

/**
 * A <div> and a script that draws the figure once window.Plotly exists; a note instead when it has no points.
 * Data strings are escaped for plotly (see plotSafeFigure) and the JSON for the script. Ids count up, so output
 * is deterministic.
 */
export function plotHtml(fig: Figure, options: { id?: string; empty?: string } = {}): string {
  const { id = `tp-plot-${++plotCount}`, empty = "Nothing to chart for this corpus." } = options;
  if (isEmptyFigure(fig)) return noteHtml(empty);
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 450;
  return `<div id="${escapeHtml(id)}" class="tp-plot" style="height:${height}px"></div>
<script type="text/javascript">(function(){var fig=${jsonForScript(plotSafeFigure(fig))};var tries=0;
function draw(){if(!window.Plotly){if(++tries<200)setTimeout(draw,50);return;}
window.Plotly.newPlot(${jsonForScript(id)},fig.data,fig.layout,{responsive:true,displaylogo:false});}
draw();})();</script>`;
}

/** A highlighted note, e.g. in place of a chart that has no data. Text is escaped. */
export function noteHtml(text: string): string {
  return `<div class="tp-note">${escapeHtml(text)}</div>`;
}

/** Rows a report's table shows; the full table is a CSV file beside the report. */
export const TABLE_ROWS = 300;

/** Longest cell text a cut table shows (the full table holds the rest). */
export const CELL_CHARS = 400;

/**
 * A table for a report that stays small at any corpus size: up to `maxRows` rows (default TABLE_ROWS) in the order
 * given. When there are more, a line says "showing 300 of 41,230 rows — full table: tables/…csv" and links `full`
 * (the file written beside the report), and no CSV is embedded; a table that fits embeds its CSV download as
 * before and links `full` too when there is one. Every cell escaped.
 */
export function boundedTableHtml(rows: Row[], options: HtmlTableOptions, full: { href: string } | null): string {
  const { maxRows = TABLE_ROWS } = options;
  const columns = options.columns ?? columnsOf(rows);
  const link = full ? `<a href="${escapeHtml(full.href)}">${escapeHtml(full.href)}</a>` : "";
  if (rows.length <= maxRows) {
    const table = tableHtml(rows, { ...options, columns, maxRows });
    return full ? `<p class="tp-more">${rows.length.toLocaleString("en")} rows — full table: ${link}</p>${table}` : table;
  }
  const where = full ? ` — full table: ${link}` : "";
  // A cell listing hundreds of article ids would make a few hundred rows weigh megabytes: cut to CELL_CHARS.
  const cut = (r: Row): Row => {
    const out: Row = {};
    for (const c of columns) {
      const t = cellText(r[c]);
      out[c] = t.length > CELL_CHARS ? `${t.slice(0, CELL_CHARS)}… (${t.length.toLocaleString("en")} characters: see the full table)` : r[c];
    }
    return out;
  };
  const head = `<p class="tp-more">showing ${maxRows.toLocaleString("en")} of ${rows.length.toLocaleString("en")} rows${where}</p>`;
  return head + tableHtml(rows.slice(0, maxRows).map(cut), { ...options, columns, maxRows, csv: undefined });
}

/**
 * Write all rows as CSV beside the reports: $TALKINGPOINTS_TABLES (set by `report` to <out>/tables), else
 * reports/tables under the working directory; the file is <notebook>-<name> ($TALKINGPOINTS_NOTEBOOK).
 * @return The link to it from a report (tables/<file>).
 */
export function writeFullTable(rows: Row[], columns: string[], name: string): { href: string; file: string } {
  const dir = process.env.TALKINGPOINTS_TABLES || path.join(process.cwd(), "reports", "tables");
  const notebook = process.env.TALKINGPOINTS_NOTEBOOK;
  const base = `${notebook ? `${notebook}-` : ""}${name}`.replace(/[^\w.-]+/g, "_");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, base.endsWith(".csv") ? base : `${base}.csv`);
  fs.writeFileSync(file, toCsv(rows, columns));
  return { href: `tables/${path.basename(file)}`, file };
}

type Display = { html(s: string): void; markdown(s: string): void };

function tslabDisplay(): Display {
  return (requireHere("tslab") as { display: Display }).display;
}

/** Notebook output: each function writes one rich output with tslab.display. */
export const show = {
  /** Inline the plotly bundle and the table styles; call once at the top of a notebook. */
  setup(): void {
    tslabDisplay().html(STYLE + bundleHtml());
  },
  /**
   * A table of at most `maxRows` rows (default 300) in the order given, with the full count; with a `csv` name the
   * full table is written beside the report (tables/<notebook>-<csv>) and linked (see boundedTableHtml).
   */
  table(rows: Row[], options: HtmlTableOptions = {}): void {
    if (!rows.length) {
      tslabDisplay().html(noteHtml(`No rows${options.caption ? ` for ${options.caption}` : ""}.`));
      return;
    }
    const { maxRows = TABLE_ROWS } = options;
    const full = options.csv && (process.env.TALKINGPOINTS_TABLES || rows.length > maxRows) ? writeFullTable(rows, options.columns ?? columnsOf(rows), options.csv) : null;
    tslabDisplay().html(boundedTableHtml(rows, { ...options, maxRows }, full));
  },
  plot(fig: Figure, options: { empty?: string } = {}): void {
    tslabDisplay().html(plotHtml(fig, options));
  },
  note(text: string): void {
    tslabDisplay().html(noteHtml(text));
  },
  /** Escaped plain text in a <pre>, for KWIC lines and quotes. */
  text(lines: string[]): void {
    tslabDisplay().html(`<pre class="tp-text">${escapeHtml(lines.join("\n"))}</pre>`);
  },
  /** A DataFrame as an escaped HTML table of its first `rows` (default 10) with its shape. */
  frame(df: DataFrame, options: { rows?: number; caption?: string } = {}): void {
    tslabDisplay().html(frameHtml(df, options));
  },
};
