// The shapes of one corpus's analysis on disk, shared by the code that builds it (analysis-build.ts, in the CLI
// process) and the code that opens and reads it (analysis.ts, also in the notebook kernel), so neither imports the
// other.
import type { Theme } from "./themes.js";
import type { Period } from "./periods.js";

/** The name and version of the layout: a folder whose manifest says anything else is not ours and is recomputed. */
export const ANALYSIS_FORMAT = "talkingpoints-analysis";
export const ANALYSIS_LAYOUT = 1;

/** Written last into an analysis folder: what it is, what it was computed from, and every file it holds. */
export interface AnalysisManifest {
  format: typeof ANALYSIS_FORMAT;
  layout: number;
  /** The cache key (analysisKey): a hash of the corpus files, the dictionaries and the kit. */
  key: string;
  /** The kit's version (package.json) and a hash of its code. */
  kit: string;
  /** Every file of the folder but the manifest, with its size in bytes (a file of another size means a broken folder). */
  files: Record<string, number>;
  articles: number;
  problems: number;
  events: number;
  figures: number;
}

/** summary.json of an analysis: the counts, the dictionary and the default periods. */
export interface AnalysisSummary {
  articles: number;
  problems: number;
  themes: Array<Pick<Theme, "id" | "label">>;
  figures: number;
  events: number;
  unit: string;
  periods: [Period, Period] | null;
  note: string | null;
}

/** The tables of an analysis, each as NAME.csv, NAME.json and NAME.parquet. */
export const ANALYSIS_TABLES = [
  "articles", "problems", "themes", "figures", "recurring", "drift", "events", "keyness", "themes-shift",
  "timeline", "timeline-figures", "phrases", "quotes",
] as const;
export type AnalysisTable = (typeof ANALYSIS_TABLES)[number];
