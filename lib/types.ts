// The plain records that flow through the pipeline: articles → tokens → counts → keyness / figures → plots.
// Every stage takes and returns arrays of these; nothing here holds behaviour.

/** Where an article's date came from, most to least reliable. */
export type DateSource = "header" | "front-matter" | "meta" | "field" | "dateline" | "event" | null;

/** One loaded article. `text` is the body without metadata lines; offsets elsewhere index into it. */
export interface Article {
  /** File name without extension, made unique across the corpus ("a", "a-2"). */
  id: string;
  /** Path relative to the folder loaded, with "/" separators (records from one .jsonl/.csv add "#line"). */
  file: string;
  title: string;
  outlet: string | null;
  url: string | null;
  /** YYYY-MM-DD or null when no date could be found. */
  date: string | null;
  dateSource: DateSource;
  text: string;
  words: number;
  warnings: string[];
  /** The person whose statements the article reports, by the canonical name in data/speakers.yml; null when none is found. */
  speaker?: string | null;
  /** Stable id of the briefing/event this article reports (set by events grouping; null until then). */
  event?: string | null;
}

/** A file (or a record inside one) that could not become an article. */
export interface Problem {
  file: string;
  reason: string;
  /** 1-based line for record formats (.jsonl, .csv), when known. */
  line?: number;
}

export interface LoadResult {
  articles: Article[];
  problems: Problem[];
}
