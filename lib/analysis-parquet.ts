// Tables as Parquet, beside their CSV and JSON: the columnar files pandas, R (arrow), DuckDB and Spark read as
// they are. Written with hyparquet-writer (pure JavaScript, MIT, one dependency: no native build on a fresh
// machine); a test reads them back with hyparquet, an independent reader.
//
// Decisions: a column whose values are all numbers (or null) is DOUBLE, all booleans BOOLEAN; anything else is
// STRING with the cell text the CSV has (arrays joined with "; ", objects as JSON), so a Parquet cell and a CSV
// cell say the same. Null stays null. Only used by the CLI process (ESM), never imported in the notebook kernel.
import fs from "node:fs";
import path from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { AnalyzeResult } from "./analyze.js";
import { driftRows, recurringRows } from "./plot-figures.js";
import { cellText, columnsOf, type Row } from "./table.js";
import { matchesText, type ThemeCount } from "./themes.js";

type ColumnType = "DOUBLE" | "BOOLEAN" | "STRING";

function columnType(rows: Row[], column: string): ColumnType {
  let numbers = 0;
  let booleans = 0;
  let seen = 0;
  for (const r of rows) {
    const v = r[column];
    if (v === null || v === undefined) continue;
    seen++;
    if (typeof v === "number" && Number.isFinite(v)) numbers++;
    else if (typeof v === "boolean") booleans++;
    else return "STRING";
  }
  if (seen && numbers === seen) return "DOUBLE";
  if (seen && booleans === seen) return "BOOLEAN";
  return "STRING";
}

/**
 * Write rows to `file` as one Parquet file, one column per name in `columns` (default: the rows' keys).
 * @return The file written.
 */
export function writeParquet(file: string, rows: Row[], columns: string[] = columnsOf(rows)): string {
  const columnData = columns.map((name) => {
    const type = columnType(rows, name);
    const data = rows.map((r) => {
      const v = r[name];
      if (v === null || v === undefined) return null;
      return type === "STRING" ? cellText(v) : v;
    });
    return { name, data, type };
  });
  const buf = parquetWriteBuffer({ columnData });
  fs.writeFileSync(file, new Uint8Array(buf));
  return file;
}

/** analyze's tables as Parquet, with the CSV's columns (see analyze-tables.ts). @return The files written. */
export function writeParquetTables(result: AnalyzeResult, outDir: string): string[] {
  const file = (name: string) => path.join(outDir, `${name}.parquet`);
  const written: string[] = [];
  const put = (name: string, rows: Row[], columns: string[]) => written.push(writeParquet(file(name), rows, columns));
  put("articles", result.articles.map((a) => ({ ...a, warnings: a.warnings.join("; ") })) as unknown as Row[],
    ["id", "file", "title", "outlet", "url", "date", "dateSource", "words", "warnings", "event", "statementDate"]);
  put("problems", result.problems as unknown as Row[], ["file", "reason", "line"]);
  put("themes", themeTableRows(result), ["article", "theme", "hits", "per1k", "matches"]);
  put("figures", result.figures as unknown as Row[], ["article", "kind", "value", "high", "unit", "qualifier", "what", "text", "start", "end", "sentence"]);
  put("recurring", recurringRows(result.recurring), ["figure", "kind", "value", "high", "unit", "articles", "ids", "first", "last", "written"]);
  put("drift", driftRows(result.drift), ["claim", "kind", "figure", "what", "articles", "first", "last", "qualifiers", "written"]);
  put("events", result.events as unknown as Row[], ["event", "date", "dateFrom", "articles", "outlets", "title"]);
  put("keyness", result.keyness as unknown as Row[], ["term", "stem", "g2", "logRatio", "p", "countA", "countB", "unitsA", "unitsB"]);
  put("themes-shift", result.themeShift as unknown as Row[], ["theme", "label", "rateA", "rateB", "change", "hitsA", "hitsB"]);
  return written;
}

/** Every article × theme, zeros included, as the themes CSV has them (per1k to 0.001, matches as text). */
function themeTableRows(result: Pick<AnalyzeResult, "articles" | "themes" | "themeHits">): Row[] {
  const hits = new Map<string, ThemeCount>();
  for (const c of result.themeHits) hits.set(`${c.article}\u0000${c.theme}`, c);
  const rows: Row[] = [];
  for (const a of result.articles) {
    for (const t of result.themes) {
      const c = hits.get(`${a.id}\u0000${t.id}`);
      rows.push(c ? { article: a.id, theme: t.id, hits: c.hits, per1k: Math.round(c.per1k * 1000) / 1000, matches: matchesText(c.matches) }
        : { article: a.id, theme: t.id, hits: 0, per1k: 0, matches: "" });
    }
  }
  return rows;
}
