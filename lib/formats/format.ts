// A format is one small module: which extensions it reads and how text becomes records.
import type { DateSource } from "../types.js";

/** What a format module pulls out of one file: one record per article, or a problem for a bad record. */
export interface ParsedRecord {
  text: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  /** Raw date as written in the file's metadata; validated by the loader. */
  date?: string | null;
  dateSource?: DateSource;
  id?: string | null;
  /** 1-based line of the record inside the file (record formats). */
  line?: number;
  warnings?: string[];
}

export interface RecordProblem {
  problem: string;
  line?: number;
}

export interface FormatModule {
  /** Lower-case extensions with the dot: [".txt"]. */
  extensions: string[];
  parse(text: string, file: string): Array<ParsedRecord | RecordProblem>;
}

export function isProblem(r: ParsedRecord | RecordProblem): r is RecordProblem {
  return "problem" in r;
}
