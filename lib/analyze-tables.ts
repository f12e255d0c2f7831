// Writing analyze's tables: each as NAME.csv and NAME.json, streamed row by row through a buffer, and summary.json.
// The CSV lines are built per table for its known columns, exactly as toCsv would write them (the tables are large:
// no row objects in between); the JSON of a row is JSON.stringify of the record itself.
import fs from "node:fs";
import path from "node:path";
import type { AnalyzedArticle, AnalyzeResult, EarlyTables } from "./analyze.js";
import type { FigureMention } from "./figures.js";
import { matchesText, type ThemeCount } from "./themes.js";
import { driftRows, recurringRows } from "./plot-figures.js";
import { csvField, toCsv, type Row } from "./table.js";

/** The tables analyze writes, by file name (without extension). */
export const TABLES = ["articles", "problems", "themes", "figures", "recurring", "drift", "events", "keyness", "themes-shift"] as const;

/**
 * Write every table to `outDir` (made if missing) as NAME.csv and NAME.json, streamed row by row, and
 * summary.json (periods, note, counts, phases). `early: true` leaves out the tables writeEarlyTables wrote.
 * @return The files written.
 */
export function writeTables(result: AnalyzeResult, outDir: string, extra: Record<string, unknown> = {}, options: { early?: boolean } = {}): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const table = tableWriter(outDir, written);
  table("articles", result.articles, ARTICLE_COLUMNS, articleLine);
  table("problems", result.problems as unknown as Row[], PROBLEM_COLUMNS, generic(PROBLEM_COLUMNS));
  if (!options.early) written.push(...writeEarlyTables(result, outDir));
  table("events", result.events as unknown as Row[], EVENT_COLUMNS, generic(EVENT_COLUMNS));
  table("keyness", result.keyness as unknown as Row[], KEYNESS_COLUMNS, generic(KEYNESS_COLUMNS));
  table("themes-shift", result.themeShift as unknown as Row[], THEME_SHIFT_COLUMNS, generic(THEME_SHIFT_COLUMNS));
  const summary = {
    articles: result.articles.length,
    problems: result.problems.length,
    themes: result.themes.map((t) => ({ id: t.id, label: t.label })),
    figures: result.figures.length,
    events: result.events.length,
    unit: "event",
    periods: result.periods,
    note: result.note,
    tables: TABLES.map((n) => ({ name: n, csv: `${n}.csv`, json: `${n}.json` })),
    ...extra,
  };
  const file = path.join(outDir, "summary.json");
  fs.writeFileSync(file, JSON.stringify(summary, null, 2) + "\n");
  written.push(file);
  return written;
}

/**
 * Write the tables that do not depend on events (themes, figures, recurring, drift) to `outDir`, as writeTables
 * does: `analyze` writes them while the events are being grouped.
 * @return The files written.
 */
export function writeEarlyTables(tables: EarlyTables, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const table = tableWriter(outDir, written);
  written.push(...writeTable(outDir, "themes", THEME_COLUMNS, (row) => themeRows(tables, row)));
  table("figures", tables.figures, FIGURE_COLUMNS, figureLine);
  const recurringLine = generic(RECURRING_COLUMNS);
  table("recurring", tables.recurring, RECURRING_COLUMNS, (g) => recurringLine(recurringRows([g])[0]));
  // A drift is several CSV lines, one per value.
  const driftLine = generic(DRIFT_COLUMNS);
  written.push(...writeTable(outDir, "drift", DRIFT_COLUMNS, (row) => {
    for (const d of tables.drift) row(JSON.stringify(d), driftRows([d]).map((r) => driftLine(r) + "\n").join(""));
  }));
  return written;
}

/**
 * A table writer: each table's CSV lines are built for its known columns, as toCsv would write them (the tables
 * are large: no row objects in between); the JSON of a row is JSON.stringify of the record itself.
 */
function tableWriter(outDir: string, written: string[]) {
  return <T>(name: string, rows: T[], columns: string[], line: (r: T) => string) => {
    written.push(...writeTable(outDir, name, columns, (row) => {
      for (const r of rows) row(JSON.stringify(r), line(r) + "\n");
    }));
  };
}

/** A CSV line of the given columns of a plain row. */
const generic = (columns: string[]) => (r: Row) => columns.map((c) => csvField(r[c])).join(",");

const ARTICLE_COLUMNS = ["id", "file", "title", "outlet", "url", "date", "dateSource", "words", "warnings", "event", "statementDate"];
const PROBLEM_COLUMNS = ["file", "reason", "line"];
const THEME_COLUMNS = ["article", "theme", "hits", "per1k", "matches"];
const FIGURE_COLUMNS = ["article", "kind", "value", "high", "unit", "qualifier", "what", "text", "start", "end", "sentence"];
const RECURRING_COLUMNS = ["figure", "kind", "value", "high", "unit", "articles", "ids", "first", "last", "written"];
const DRIFT_COLUMNS = ["claim", "kind", "figure", "what", "articles", "first", "last", "qualifiers", "written"];
const EVENT_COLUMNS = ["event", "date", "dateFrom", "articles", "outlets", "title"];
const KEYNESS_COLUMNS = ["term", "stem", "g2", "logRatio", "p", "countA", "countB", "unitsA", "unitsB"];
const THEME_SHIFT_COLUMNS = ["theme", "label", "rateA", "rateB", "change", "hitsA", "hitsB"];

/** An article's CSV line (ARTICLE_COLUMNS); warnings joined with "; ". */
function articleLine(a: AnalyzedArticle): string {
  return `${csvField(a.id)},${csvField(a.file)},${csvField(a.title)},${csvField(a.outlet)},${csvField(a.url)},${csvField(a.date)},${csvField(a.dateSource)},${csvField(a.words)},${csvField(a.warnings.join("; "))},${csvField(a.event)},${csvField(a.statementDate)}`;
}

/** A figure's CSV line (FIGURE_COLUMNS, the fields of figureRows). */
function figureLine(f: FigureMention): string {
  return `${csvField(f.article)},${csvField(f.kind)},${csvField(f.value)},${csvField(f.high)},${csvField(f.unit)},${csvField(f.qualifier)},${csvField(f.what)},${csvField(f.text)},${csvField(f.start)},${csvField(f.end)},${csvField(f.sentence)}`;
}

/** A theme count's CSV line (THEME_COLUMNS): per1k rounded to 0.001, matches as text. */
function themeLine(c: ThemeCount): string {
  return `${csvField(c.article)},${csvField(c.theme)},${csvField(c.hits)},${csvField(Math.round(c.per1k * 1000) / 1000)},${csvField(matchesText(c.matches))}`;
}

/**
 * Every article × theme in corpus and dictionary order, zeros included: the rows countThemes gives, handed to `row`
 * as JSON and CSV. The zero rows (most of them) are written out directly, as JSON.stringify and themeLine would.
 */
function themeRows(result: EarlyTables, row: (json: string, csv: string) => void): void {
  // Each article's hits (a few at most), looked up by a scan; the last for a theme counts, as in a map.
  const hitsOf = new Map<string, ThemeCount[]>();
  for (const c of result.themeHits) {
    const list = hitsOf.get(c.article);
    if (list) list.push(c);
    else hitsOf.set(c.article, [c]);
  }
  // The zero rows' text after the article id, per theme.
  const zeros = result.themes.map((t) => ({ id: t.id, json: `,"theme":${JSON.stringify(t.id)},"hits":0,"per1k":0,"matches":[]}`, csv: `,${csvField(t.id)},0,0,\n` }));
  for (const a of result.articles) {
    const hits = hitsOf.get(a.id);
    const json = `{"article":${JSON.stringify(a.id)}`;
    const csv = csvField(a.id);
    for (const t of zeros) {
      const c = hits && lastHit(hits, t.id);
      if (c) row(JSON.stringify(c), themeLine(c) + "\n");
      else row(json + t.json, csv + t.csv);
    }
  }
}

function lastHit(hits: ThemeCount[], theme: string): ThemeCount | undefined {
  for (let i = hits.length - 1; i >= 0; i--) if (hits[i].theme === theme) return hits[i];
  return undefined;
}

/**
 * Write one table as NAME.json (an array, one row per line) and NAME.csv (a header, then the rows' lines), a chunk
 * at a time so a table larger than a string can hold is still written. `fill` hands each row to `row` as its JSON
 * and its CSV line(s), each ending in a line break.
 */
function writeTable(outDir: string, name: string, columns: string[], fill: (row: (json: string, csv: string) => void) => void): string[] {
  const jsonFile = path.join(outDir, `${name}.json`);
  const csvFile = path.join(outDir, `${name}.csv`);
  const json = new ChunkedFile(jsonFile);
  const csv = new ChunkedFile(csvFile);
  try {
    json.add("[");
    csv.add(toCsv([], columns));
    let first = true;
    fill((j, c) => {
      json.add(first ? "\n" + j : ",\n" + j);
      csv.add(c);
      first = false;
    });
    json.add(first ? "]\n" : "\n]\n");
    json.flush();
    csv.flush();
  } finally {
    json.close();
    csv.close();
  }
  return [csvFile, jsonFile];
}

/**
 * A file written through a 1 MB buffer. Each piece of text is encoded into the buffer as it comes: cheaper than
 * joining the pieces into one long string first (which V8 keeps as a tree of pieces and flattens on writing).
 */
class ChunkedFile {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  constructor(file: string) {
    this.fd = fs.openSync(file, "w");
  }
  add(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + s.length * 3 > this.buf.length) {
      this.flush();
      if (s.length * 3 > this.buf.length) {
        fs.writeSync(this.fd, s);
        return;
      }
    }
    this.used += this.buf.write(s, this.used);
  }
  flush(): void {
    let at = 0;
    while (at < this.used) at += fs.writeSync(this.fd, this.buf, at, this.used - at);
    this.used = 0;
  }
  close(): void {
    fs.closeSync(this.fd);
  }
}
