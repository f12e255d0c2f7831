// .jsonl / .ndjson: one article object a line. A bad line is a problem naming it; the other lines still load.
import type { FormatModule, ParsedRecord, RecordProblem } from "./format.js";
import { jsonError } from "./json.js";
import { recordFrom } from "./record.js";

export const jsonl: FormatModule = {
  extensions: [".jsonl", ".ndjson"],
  parse(text) {
    const out: Array<ParsedRecord | RecordProblem> = [];
    const lines = text.split(/\r?\n|\r/);
    for (let i = 0; i < lines.length; i++) {
      const src = lines[i].trim();
      if (!src) continue;
      const line = i + 1;
      let doc: unknown;
      try {
        doc = JSON.parse(src);
      } catch (e) {
        out.push({ problem: `line ${line}: not valid JSON (${jsonError(e, src).message})`, line });
        continue;
      }
      out.push(recordFrom(doc, line));
    }
    return out;
  },
};
