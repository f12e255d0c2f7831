// The records of a briefing's coverage (lib/coverage.ts builds them, lib/plot-coverage.ts and the command read them).

/** What one report did with one passage of its briefing. */
export type CoverageStatus = "carried" | "paraphrased" | "left out";

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ["carried", "paraphrased", "left out"];

/** One distinct sentence of an event: the reports' sentences pooled, near-copies kept once. */
export interface CoveragePassage {
  /** 1-based position in the event, in the order of the fullest report, then the others'. */
  passage: number;
  text: string;
  /** The report whose sentence stands for the passage (the longest wording of it). */
  from: string;
  /** How many reports carried it (as a copy) and how many paraphrased it. */
  carried: number;
  paraphrased: number;
}

/** One report × one passage. */
export interface CoverageCell {
  passage: number;
  article: string;
  status: CoverageStatus;
  /** Share of the passage's word bigrams found in the report's matching sentences (0–1). */
  copy: number;
  /** Cosine of idf-weighted content stems between the passage and the report's closest sentence (0–1). */
  similarity: number;
  /** The report's sentence(s) that carried or paraphrased the passage; null when it left it out. */
  sentence: string | null;
}

/** One report of an event, with how much of the briefing it relayed. */
export interface CoverageReport {
  article: string;
  outlet: string | null;
  title: string;
  words: number;
  carried: number;
  paraphrased: number;
  leftOut: number;
}

/** The coverage of one event: its passages, its reports and every report × passage cell. */
export interface EventCoverage {
  event: string;
  date: string | null;
  title: string;
  passages: CoveragePassage[];
  /** Fullest report first (most words), then by id. */
  reports: CoverageReport[];
  /** Passage-major: all reports of passage 1, then passage 2… */
  cells: CoverageCell[];
}

export interface CoverageOptions {
  /** Share of a passage's word bigrams a report must hold to have carried it. Default 0.5. */
  copy?: number;
  /** Content-stem cosine at which a report's sentence paraphrases a passage. Default 0.4. */
  paraphrase?: number;
  /** Lower cosine that still counts when the sentence shares a figure or a rare name with the passage. Default 0.3. */
  anchored?: number;
  /** Only these events (ids); default every event with two or more reports. */
  events?: string[];
}
