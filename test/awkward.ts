// Rows whose cells CSV writers and HTML escapers get wrong, shared by the table and browser tests.
import type { Row } from "../lib/table.js";

// Cells a CSV writer gets wrong: commas, quotes, newlines (LF and CRLF), non-ASCII, markup, spreadsheet formulas.
export const AWKWARD: Row[] = [
  { id: "a1", title: 'Khorev said, "we are ready"', outlet: "The Frontier Post", words: 364 },
  { id: "a2", title: "two\nlines and a\r\nCRLF", outlet: null, words: 1496 },
  { id: "a3", title: "Хорев — «цитата», café, 日本語, 🎉", outlet: "Dawn", words: 0.12345 },
  { id: "a4", title: "<script>alert(1)</script> & </td></tr>", outlet: "=HYPERLINK(\"http://x\")", words: -5 },
];

/** The CSV text inside a download link's script (a JSON string literal). */
export function csvOfLink(html: string): string {
  const m = /var csv=("(?:[^"\\]|\\.)*")/.exec(html);
  if (!m) throw new Error("no CSV in the link's script");
  return JSON.parse(m[1]) as string;
}

