// The plain records that flow through the pipeline: articles → tokens → counts → keyness / figures → plots.
// Every stage takes and returns arrays of these; nothing here holds behaviour.

/**
 * Where an article's date came from: the file's metadata (header, front-matter, meta, field), a dateline or a byline
 * date in the opening lines, a date in the url, a date the body ties to the report ("said on 21 Feb 2024"), or the
 * event it reports. See lib/dates.ts.
 */
export type DateSource = "header" | "front-matter" | "meta" | "field" | "dateline" | "byline" | "url" | "body" | "event" | null;

/** One loaded article. `text` is the body without metadata lines; offsets elsewhere index into it. */
export interface Article {
  /** File name without extension, made unique across the corpus ("a", "a-2"). */
  id: string;
  /** Path relative to the folder loaded, with "/" separators (records from one .jsonl/.csv add "#line"). */
  file: string;
  title: string;
  /** The publishing site when known (metadata, url, a byline naming it), else the wire named in the dateline. */
  outlet: string | null;
  /** The wire agency whose copy this is, from a tag in the dateline ("(APP)", "/DNA/"); null when none. See lib/outlets.ts. */
  wire?: string | null;
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
