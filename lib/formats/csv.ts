// .csv / .tsv with a header row: a `text` column (or body, content) and optional title, date, outlet, url, id.
// Parsed by csv-parse (quoted newlines, BOM). A malformed row is a problem naming its line; parsing resumes
// after it, so one stray quote does not swallow the rest of the file.
import { parse } from "csv-parse/sync";
import type { FormatModule, ParsedRecord, RecordProblem } from "./format.js";
import { FIELDS, recordFrom } from "./record.js";

/** After this many malformed rows the rest of the file is one problem (each resume re-reads from the bad row). */
const MAX_BAD_ROWS = 200;

interface Row {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export const csv: FormatModule = {
  extensions: [".csv", ".tsv"],
  parse(text, file) {
    // One line ending: csv-parse counts "\r\n" inside quotes as two lines.
    const src = Buffer.from(text.replace(/\r\n?/g, "\n"), "utf8");
    const delimiter = file.toLowerCase().endsWith(".tsv") ? "\t" : guessDelimiter(text);
    const starts = lineStarts(src);
    const out: Array<ParsedRecord | RecordProblem> = [];
    let header: string[] | null = null;
    let textColumn = false;
    let from = 1;
    for (let bad = 0; from <= starts.length; ) {
      const { rows, error } = parseFrom(src, starts, from, delimiter);
      for (const row of rows) {
        if (!header) {
          header = row.fields.map((f) => f.replace(/^\uFEFF/, "").trim());
          textColumn = header.some((h) => (FIELDS.text as readonly string[]).includes(h.toLowerCase()));
          if (!textColumn) return [{ problem: `no text column (the header row has: ${shortList(header)})` }];
          continue;
        }
        out.push(rowRecord(row, header));
      }
      if (!error) break;
      if (!header) return [{ problem: `line ${error.line}: the header row could not be read (${error.message})`, line: error.line }];
      out.push({ problem: `line ${error.line}: malformed row (${error.message})`, line: error.line });
      from = error.resume;
      if (++bad >= MAX_BAD_ROWS && from <= starts.length) {
        out.push({ problem: `lines ${from}–${starts.length}: not read (more than ${MAX_BAD_ROWS} malformed rows)`, line: from });
        break;
      }
    }
    if (!header) return [{ problem: "no header row" }];
    if (!out.length) return [{ problem: "a header row and no records" }];
    return out;
  },
};

function rowRecord(row: Row, header: string[]): ParsedRecord | RecordProblem {
  const extra = row.fields.slice(header.length);
  if (extra.some((f) => f.trim())) {
    return { problem: `line ${row.line}: ${row.fields.length} fields where the header has ${header.length} (a delimiter inside an unquoted field?)`, line: row.line };
  }
  const obj: Record<string, string> = {};
  header.forEach((h, i) => {
    if (!(h in obj)) obj[h] = row.fields[i] ?? "";
  });
  return recordFrom(obj, row.line);
}

/** Parse from a 1-based line to the end or the first malformed record; rows keep their file line numbers. */
function parseFrom(src: Buffer, starts: number[], from: number, delimiter: string) {
  const before = from - 1;
  const rows: Row[] = [];
  try {
    parse(src.subarray(starts[from - 1]), {
      delimiter,
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (r: { record: string[]; raw: string; info: { lines: number } }) => {
        rows.push({ fields: r.record, line: before + r.info.lines - newlines(r.raw.replace(/^\n+/, "").replace(/\n$/, "")) });
        return null;
      },
    });
    return { rows, error: null };
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number; raw?: string };
    if (typeof err.lines !== "number") throw e;
    const end = before + err.lines;
    const line = Math.max(from, end - newlines((err.raw ?? "").replace(/^\n+/, "").replace(/\n$/, "")));
    // An unclosed quote runs to the end of the file: resume on the line after it opened, not after the end.
    const resume = err.code === "CSV_QUOTE_NOT_CLOSED" ? line + 1 : Math.max(end, line) + 1;
    return { rows, error: { line, resume, message: csvMessage(err) } };
  }
}

function csvMessage(err: Error & { code?: string }): string {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quote opened here is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a quote inside a quoted field that is not doubled";
    case "CSV_INVALID_OPENING_QUOTE":
      return "a quote in the middle of an unquoted field";
    default:
      return err.message.replace(/\s*at line \d+.*$/s, "").slice(0, 120);
  }
}

function lineStarts(buf: Buffer): number[] {
  const starts = [0];
  for (let i = buf.indexOf(10); i !== -1 && i + 1 < buf.length; i = buf.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/** The delimiter the header row uses most: comma, semicolon (spreadsheets in many locales) or tab. */
function guessDelimiter(text: string): string {
  const nl = text.indexOf("\n");
  const first = text.slice(0, nl === -1 ? Math.min(text.length, 10000) : Math.min(nl, 10000));
  let best = ",";
  let most = 0;
  for (const d of [",", ";", "\t"]) {
    const n = first.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

function shortList(names: string[]): string {
  const shown = names.slice(0, 8).map((n) => (n.length > 30 ? n.slice(0, 29) + "…" : n) || '""');
  return shown.join(", ") + (names.length > 8 ? `, … (${names.length} columns)` : "");
}
