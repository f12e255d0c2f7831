// Any stage's rows as a danfo DataFrame, for users who want pandas-style verbs in a notebook.
import * as dfd from "danfojs-node";
import type { Article } from "./types.js";
import { cellText, type Row } from "./table.js";

/**
 * A DataFrame with one row per record. Array and object cells become text (danfo holds scalars);
 * null stays null. Sorting and `loc` are slow in danfo on large frames: sort rows before framing.
 */
export function toFrame(rows: Row[], columns?: string[]): dfd.DataFrame {
  const cols = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const data = rows.map((r) => cols.map((c) => {
    const v = r[c];
    return v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v ?? null : cellText(v);
  }));
  return new dfd.DataFrame(data.length ? data : [cols.map(() => null)], { columns: cols }).iloc({ rows: data.length ? [`0:${data.length}`] : [] }) as dfd.DataFrame;
}

/** The articles as a DataFrame: id, file, title, outlet, url, date, dateSource, words, warnings, text. */
export function articlesFrame(articles: Article[]): dfd.DataFrame {
  return toFrame(articles as unknown as Row[], ["id", "file", "title", "outlet", "url", "date", "dateSource", "event", "words", "warnings", "text"]);
}
