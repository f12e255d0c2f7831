// The stages' tables as danfo DataFrames: the notebook's working table, with pandas-style verbs.
//
// Decided, with the numbers that decided it (22,250 articles × 11 columns, 400-word texts, this 2-core machine):
// - A frame is built from one array per column (68 ms), not from row arrays (95 ms), and never through
//   `iloc`/`loc` after the fact; danfo's `sortValues` and `loc` are quadratic (100k rows: 3.7 s and 3.9 s), so
//   `sortFrame` and `where` work on plain arrays of row numbers and take the rows with one `iloc` (45 ms for
//   7,420 of 22,250 rows). `groupby().agg()` is fine (260 ms for 22,250 rows), and `themeRates` uses it.
// - On the 22,250 BBC articles (../shared/bench, 10 copies) at load average 24: articlesFrame 0.19 s, themeRates by
//   month 0.62 s, sortFrame 0.39 s, where 0.27 s (danfo's import itself 1.1 s on a quiet machine).
// - danfo is loaded on the first frame, not on `import` (it loads tfjs: 1.1 s of a first cell that needs no frame).
// - A frame shows itself as a compact table with its shape: as text wherever it is printed (util.inspect, so also
//   a cell's last value in tslab), as an escaped HTML table where the kit's kernel can show HTML (a cell's last
//   value) and through `show.frame`. danfo's own print (an ASCII table, or 480 lines of internals) never shows.
import { createRequire } from "node:module";
import path from "node:path";
import util from "node:util";
import type * as Danfo from "danfojs-node";
import type { Article } from "./types.js";
import type { ThemeCount } from "./themes.js";
import { cellText, tableHtml, toTextTable, type Row } from "./table.js";

export type DataFrame = Danfo.DataFrame;
export type Series = Danfo.Series;

/** Symbol of the method that gives a value's HTML; the kit's kernel shows a cell's last value through it. */
export const HTML = Symbol.for("talkingpoints.html");

let danfoModule: typeof Danfo | undefined;

/** danfojs-node, loaded on first use, with the kit's display installed on its DataFrame and Series. */
export function danfo(): typeof Danfo {
  if (!danfoModule) {
    // From the project root (the kernel's and CLI's working directory), as display.ts finds tslab and plotly.
    danfoModule = createRequire(path.join(process.cwd(), "noop.js"))("danfojs-node") as typeof Danfo;
    installDisplay(danfoModule);
  }
  return danfoModule;
}

/** Rows shown by a frame's text and HTML forms. */
export const FRAME_PREVIEW_ROWS = 10;

function shapeText(df: { shape: number[] }, kind = "DataFrame"): string {
  const [r, c] = df.shape;
  return kind === "Series" ? `Series: ${r.toLocaleString("en")} values` : `DataFrame: ${r.toLocaleString("en")} rows × ${(c ?? 0).toLocaleString("en")} columns`;
}

/** The first `n` rows of a frame as plain records (index first), for the text and HTML forms. */
function previewRows(df: DataFrame, n: number): { rows: Row[]; columns: string[] } {
  const count = df.shape[0];
  const head = count > n ? df.head(n) : df;
  const columns = ["", ...(head.columns as string[])];
  const index = head.index as Array<string | number>;
  const values = (count === 0 ? [] : head.values) as unknown[][];
  return { columns, rows: values.map((vals, i) => Object.fromEntries([["", index[i]], ...(head.columns as string[]).map((c, j) => [c, vals[j]])])) };
}

/** A frame as a compact text table with its shape: what printing a frame (or a cell's last value) shows. */
export function frameText(df: DataFrame, options: { rows?: number; width?: number } = {}): string {
  const { rows: n = FRAME_PREVIEW_ROWS, width = 24 } = options;
  const { rows, columns } = previewRows(df, n);
  const more = df.shape[0] > n ? `… ${(df.shape[0] - n).toLocaleString("en")} more rows\n` : "";
  return `${shapeText(df)}\n${rows.length ? toTextTable(rows, columns, width) : "(no rows)\n"}${more}`.trimEnd();
}

/** A frame as an escaped HTML table of its first rows, with its shape as the caption. */
export function frameHtml(df: DataFrame, options: { rows?: number; caption?: string } = {}): string {
  const { rows: n = FRAME_PREVIEW_ROWS, caption } = options;
  const { rows, columns } = previewRows(df, n);
  const shown = df.shape[0] > n ? `, first ${n} shown` : "";
  return tableHtml(rows, { columns, caption: `${caption ? `${caption}: ` : ""}${shapeText(df)}${shown}`, maxRows: n });
}

function seriesFrame(s: Series): DataFrame {
  const d = danfo();
  const name = (s as unknown as { columns?: string[] }).columns?.[0] ?? "value";
  return new d.DataFrame({ [name]: s.values as unknown[] }, { index: s.index as Array<string | number> }) as DataFrame;
}

function installDisplay(d: typeof Danfo): void {
  // Every frame and series danfo makes (its own iloc, groupby and column results come from a second copy of its
  // classes) shares one base prototype, NDframe: the display goes there, and tells the two apart by $isSeries.
  let base = Object.getPrototypeOf(d.DataFrame.prototype) as Record<PropertyKey, unknown>;
  while (base && (base.constructor as { name?: string })?.name !== "NDframe") base = Object.getPrototypeOf(base) as Record<PropertyKey, unknown>;
  if (!base) return;
  const isSeries = (x: unknown) => (x as { $isSeries?: boolean }).$isSeries === true;
  base[util.inspect.custom] = function (this: DataFrame | Series) {
    return isSeries(this) ? frameText(seriesFrame(this as Series)).replace(/^DataFrame: .*/, shapeText(this, "Series")) : frameText(this as DataFrame);
  };
  base[HTML] = function (this: DataFrame | Series) {
    return isSeries(this)
      ? frameHtml(seriesFrame(this as Series)).replace(/DataFrame: [^<]*?(?=(, first|<\/caption>))/, shapeText(this, "Series"))
      : frameHtml(this as DataFrame);
  };
}

function cell(v: unknown): string | number | boolean | null {
  return v === null || v === undefined ? null : typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : cellText(v);
}

/**
 * A DataFrame with one row per record, built column by column. Array and object cells become text (danfo holds
 * scalars: lists are joined with "; "); null and undefined stay null. Columns: `columns`, else the first row's keys.
 */
export function frame(rows: Row[], options: { columns?: string[] } = {}): DataFrame {
  const columns = options.columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const d = danfo();
  const data: Record<string, unknown[]> = {};
  for (const c of columns) {
    const col = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) col[i] = cell(rows[i][c]);
    data[c] = col;
  }
  if (rows.length === 0) return new d.DataFrame([], { columns }) as DataFrame;
  return new d.DataFrame(data, { columns }) as DataFrame;
}

/** `frame(rows)` with the columns as a list: kept for notebooks written before `frame`. */
export function toFrame(rows: Row[], columns?: string[]): DataFrame {
  return frame(rows, { columns });
}

export const ARTICLE_COLUMNS = ["id", "file", "title", "outlet", "url", "date", "dateSource", "event", "words", "warnings", "text"];

/** The articles as a DataFrame: id, file, title, outlet, url, date, dateSource, event, words, warnings, text. */
export function articlesFrame(articles: Article[]): DataFrame {
  return frame(articles as unknown as Row[], { columns: ARTICLE_COLUMNS });
}

/**
 * The rows of `df` whose `column` passes `test`, in order: `where(df, "outlet", (o) => o === "Dawn")`,
 * `where(df, "date", (d) => d >= "2025-09")`. Row numbers are found in the column's plain array and taken with one
 * `iloc` (danfo's `loc` and `query` are slow on large frames).
 */
export function where(df: DataFrame, column: string, test: (value: any, row: number) => boolean): DataFrame {
  const values = df.column(column).values as unknown[];
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (test(values[i], i)) keep.push(i);
  return take(df, keep);
}

/** The frame sorted by `column` (stable; nulls last), without danfo's quadratic `sortValues`. */
export function sortFrame(df: DataFrame, column: string, options: { descending?: boolean } = {}): DataFrame {
  const { descending = false } = options;
  const values = df.column(column).values as Array<string | number | null>;
  const order = values.map((_, i) => i).sort((a, b) => {
    const x = values[a];
    const y = values[b];
    if (x === y) return a - b;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return (descending ? -c : c) || a - b;
  });
  return take(df, order);
}

function take(df: DataFrame, rows: number[]): DataFrame {
  if (rows.length === 0) return new (danfo().DataFrame)([], { columns: df.columns }) as DataFrame;
  // iloc keeps the old index labels; the kit's frames are numbered from 0 again, as pandas' reset_index(drop=True).
  return (df.iloc({ rows }) as DataFrame).resetIndex() as DataFrame;
}

/** Articles fall into months by their date's first 7 characters (YYYY-MM); undated articles into "undated". */
function monthOf(date: string | null): string {
  return date ? date.slice(0, 7) : "undated";
}

export interface ThemeRateOptions {
  /** Group articles by outlet (unknown outlets as "unknown") or by month of their date. Default "outlet". */
  by?: "outlet" | "month";
}

/**
 * Theme rates per group of articles (pandas: `hits.groupby([by, "theme"]).sum()` over words per group):
 * columns `by`, theme, articles (in the group), hits, words (of the group's articles) and per1k
 * (hits per 1,000 words). One row per group and theme with at least one hit, groups in order, then themes by hits.
 */
export function themeRates(counts: ThemeCount[], articles: Article[], options: ThemeRateOptions = {}): DataFrame {
  const { by = "outlet" } = options;
  const groupOf = new Map<string, string>();
  const words = new Map<string, number>();
  const size = new Map<string, number>();
  for (const a of articles) {
    const g = by === "month" ? monthOf(a.date) : (a.outlet ?? "unknown");
    groupOf.set(a.id, g);
    words.set(g, (words.get(g) ?? 0) + a.words);
    size.set(g, (size.get(g) ?? 0) + 1);
  }
  const hitRows = counts.filter((c) => c.hits > 0 && groupOf.has(c.article)).map((c) => ({ [by]: groupOf.get(c.article)!, theme: c.theme, hits: c.hits }));
  if (hitRows.length === 0) return frame([], { columns: [by, "theme", "articles", "hits", "words", "per1k"] });
  const grouped = frame(hitRows).groupby([by, "theme"]).agg({ hits: "sum" }) as DataFrame;
  const g = grouped.column(by).values as string[];
  const t = grouped.column("theme").values as string[];
  const h = grouped.column("hits_sum").values as number[];
  const rows = g.map((group, i) => ({
    [by]: group, theme: t[i], articles: size.get(group) ?? 0, hits: h[i], words: words.get(group) ?? 0,
    per1k: Math.round(((h[i] * 1000) / Math.max(1, words.get(group) ?? 0)) * 100) / 100,
  }));
  rows.sort((x, y) => (x[by] < y[by] ? -1 : x[by] > y[by] ? 1 : y.hits - x.hits || (x.theme < y.theme ? -1 : 1)));
  return frame(rows);
}
