// Rows → text tables for the terminal, CSV and escaped HTML.
import { escapeHtml, jsonForScript } from "./escape.js";

export type Row = Record<string, unknown>;

/** The columns of a set of rows, in first-seen order. */
export function columnsOf(rows: Row[]): string[] {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); cols.push(k); }
  return cols;
}

/** A cell as text: arrays joined with "; ", objects as JSON, null as "". */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(cellText).join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  return String(v);
}

/** RFC 4180 CSV with a header row; fields with commas, quotes or newlines are quoted. */
export function toCsv(rows: Row[], columns = columnsOf(rows)): string {
  const lines = [columns.map(csvQuote).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvFieldSlow(r[c])).join(","));
  return lines.join("\n") + "\n";
}

/** A field quoted for CSV when it holds a comma, quote or line break. */
function csvQuote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A value as toCsv writes it in a cell: cellText, guarded against spreadsheet formulas, quoted when needed.
 * For writers that build CSV lines themselves (analyze's tables) and must match toCsv byte for byte.
 */
export function csvField(v: unknown): string {
  // Fast paths for the common cells, with the results of the general path below: a finite number's text is digits,
  // ".", "e", "+" and a leading "-" before a digit (never guarded, never quoted); a string that does not start with a
  // guarded character needs only the quoting test.
  if (typeof v === "string") {
    const c = v.charCodeAt(0);
    if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return csvQuote(v);
  } else if (typeof v === "number") {
    if (Number.isFinite(v)) return cellText(v);
  } else if (v === null || v === undefined) return "";
  return csvFieldSlow(v);
}

/** csvField in full: any value. */
function csvFieldSlow(v: unknown): string {
  const s = cellText(v);
  // A leading = + - @ would run as a formula in a spreadsheet: prefix a quote (OWASP CSV injection advice).
  return csvQuote(/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s);
}

/** A fixed-width text table for the terminal; long cells are cut to `maxWidth` characters. */
export function toTextTable(rows: Row[], columns = columnsOf(rows), maxWidth = 48): string {
  const cut = (s: string) => {
    const one = s.replace(/\s+/g, " ");
    return one.length > maxWidth ? one.slice(0, maxWidth - 1) + "…" : one;
  };
  const cells = rows.map((r) => columns.map((c) => cut(cellText(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

export interface HtmlTableOptions {
  columns?: string[];
  caption?: string;
  /** Offer the table as a CSV download with this file name. */
  csv?: string;
  /** Show at most this many rows (the CSV holds them all). Default 200. */
  maxRows?: number;
}

let csvCount = 0;

/**
 * A "Download NAME" link whose CSV is built in the page: the CSV text sits in a small script as escaped JSON
 * and becomes a Blob URL when the page loads. A data: URI would be 1.3-3 times bigger (percent-encoding) and
 * Chromium refuses URLs over 2 MB, so large tables could not be downloaded. The file starts with a UTF-8
 * byte-order mark so spreadsheet programs read non-ASCII text right. Ids count up: output is deterministic.
 */
export function csvLinkHtml(csv: string, fileName: string, rowCount: number): string {
  const id = `tp-csv-${++csvCount}`;
  return `<p class="tp-csv"><a id="${id}" download="${escapeHtml(fileName)}" href="#">Download ${escapeHtml(fileName)}</a> (${rowCount} rows)</p>
<script type="text/javascript">(function(){var a=document.getElementById(${jsonForScript(id)});var csv=${jsonForScript(csv)};
if(a&&window.Blob&&window.URL)a.href=URL.createObjectURL(new Blob(["\\ufeff"+csv],{type:"text/csv;charset=utf-8"}));})();</script>`;
}

/** An HTML table with every cell escaped, optionally with a "Download CSV" link carrying all rows. */
export function tableHtml(rows: Row[], options: HtmlTableOptions = {}): string {
  const { columns = columnsOf(rows), caption, csv, maxRows = 200 } = options;
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = rows.slice(0, maxRows).map((r) =>
    `<tr>${columns.map((c) => `<td>${escapeHtml(cellText(r[c]))}</td>`).join("")}</tr>`).join("\n");
  const more = rows.length > maxRows ? `<p class="tp-more">${rows.length - maxRows} more rows in the CSV.</p>` : "";
  const link = csv ? csvLinkHtml(toCsv(rows, columns), csv, rows.length) : "";
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : "";
  return `<div class="tp-table">${link}<table>${cap}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>${more}</div>`;
}
