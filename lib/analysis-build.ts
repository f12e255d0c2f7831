// Building one corpus's analysis into a folder: the whole pipeline once, in one order, through the parallel
// `analyze` (workers read and analyse the files; events, recurring figures and the default shift in this thread),
// then what the notebooks show beyond analyze's tables — the full shift of the default periods (figure changes,
// quotations, keyword-in-context lines), the timeline by month, the recurring phrases — and every table as CSV,
// JSON and Parquet. The manifest is written last: a folder without one is not an analysis.
//
// Runs in the CLI process (`talkingpoints analyze DIR --analysis OUT`, or a command opening the analysis in
// process); openAnalysis (analysis.ts) decides where the folder goes and renames it into place.
import fs from "node:fs";
import path from "node:path";
import { analyze, writeTables, type AnalyzeOptions, type AnalyzeResult } from "./analyze.js";
import { ANALYSIS_FORMAT, ANALYSIS_LAYOUT, type AnalysisManifest } from "./analysis-types.js";
import { writeParquet, writeParquetTables } from "./analysis-parquet.js";
import type { EventArticle } from "./events.js";
import { recurringPhrases } from "./phrases.js";
import { PeriodError } from "./periods.js";
import { quoteTableRows, shiftKwic, shiftOfEvents, type ShiftResult } from "./shift.js";
import { columnsOf, toCsv, type Row } from "./table.js";
import { loadThemes, type Theme } from "./themes.js";
import { timelineFigureRows, timelineOfEvents, timelineRows } from "./timeline.js";

export interface BuildOptions extends Pick<AnalyzeOptions, "workers" | "workerFile" | "onProgress" | "onPhase" | "maxBytes" | "outletsFile" | "speaker"> {
  /** The theme dictionary; default loadThemes() (data/themes.yml). */
  themes?: Theme[];
  /** The key and kit the manifest records (analysisKey). */
  key: string;
  kit: string;
}

/**
 * Compute the analysis of `dir` into `outDir` (made if missing): analyze's tables, the texts, the full default
 * shift, the timeline, the recurring phrases, each table also as Parquet, and manifest.json last.
 * @return The manifest written.
 */
export async function buildAnalysis(dir: string, outDir: string, options: BuildOptions): Promise<AnalysisManifest> {
  const themes = options.themes ?? loadThemes();
  const result = await analyze(dir, { ...options, themes, keepTexts: true });
  fs.mkdirSync(outDir, { recursive: true });
  const texts = result.texts ?? [];
  const evented: EventArticle[] = result.articles.map((a, i) => ({ ...a, text: texts[i] ?? "" }));
  const phase = options.onPhase ?? (() => {});

  writeTables(result, outDir);
  writeParquetTables(result, outDir);
  writeJson(outDir, "dictionary.json", themes);
  writeJson(outDir, "theme-hits.json", result.themeHits);
  writeTexts(outDir, result, texts);

  // The full shift of analyze's default periods, on the same events: figures and quotations that came and went.
  phase("comparing the periods: figures and quotations");
  let shifted: ShiftResult | null = null;
  if (result.periods) {
    try {
      shifted = shiftOfEvents(evented, result.events, { themes });
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
    }
  }
  writeJson(outDir, "shift.json", { note: result.note, shift: shifted ? { ...shifted, articles: [] } : null });
  writeJson(outDir, "shift-kwic.json", shifted ? shiftKwic(shifted) : []);
  writeRows(outDir, "quotes", shifted ? quoteTableRows(shifted.quotes) : [], ["quote", "speaker", "status", "events", "articles", "first", "last"]);

  phase("walking the timeline");
  const tl = timelineOfEvents(evented, result.events, { themes, by: "month" });
  writeJson(outDir, "timeline-month.json", { ...tl, articles: [] });
  writeRows(outDir, "timeline", timelineRows(tl));
  writeRows(outDir, "timeline-figures", timelineFigureRows(tl), ["figure", "kind", "first", "period", "repeatedIn", "periods", "articles"]);

  const sample = phraseSample(evented);
  phase(`finding the phrases the corpus repeats${sample.length < evented.length ? ` (in ${sample.length.toLocaleString("en")} of ${evented.length.toLocaleString("en")} articles)` : ""}`);
  writeRows(outDir, "phrases", recurringPhrases(sample) as unknown as Row[], ["phrase", "articles", "count"]);
  writeJson(outDir, "phrases-note.json", sample.length < evented.length
    ? `The recurring phrases were found in ${sample.length.toLocaleString("en")} of the ${evented.length.toLocaleString("en")} articles (one in ${Math.ceil(evented.length / PHRASE_ARTICLES)}, in corpus order): counting every n-gram of every article takes too much memory and time beyond a thousand articles.`
    : null);

  holdForTests(outDir);
  const files: Record<string, number> = {};
  for (const f of fs.readdirSync(outDir).sort()) if (f !== "manifest.json") files[f] = fs.statSync(path.join(outDir, f)).size;
  const manifest: AnalysisManifest = {
    format: ANALYSIS_FORMAT, layout: ANALYSIS_LAYOUT, key: options.key, kit: options.kit, files,
    articles: result.articles.length, problems: result.problems.length, events: result.events.length, figures: result.figures.length,
  };
  writeJson(outDir, "manifest.json", manifest);
  return manifest;
}

/**
 * Articles the recurring phrases are read in: all up to PHRASE_ARTICLES, else every k-th in corpus order, so the
 * sample spans the corpus. recurringPhrases keeps every n-gram of every article in memory: on 2,225 BBC articles it
 * took ~1.2 GB and two thirds of the analysis's time (100 of 150 s on the loaded 2-core machine, against 20 s for
 * analyze itself); on 22,250 it would not fit. A thousand articles keep it to a few seconds.
 */
function phraseSample<T>(articles: T[]): T[] {
  if (articles.length <= PHRASE_ARTICLES) return articles;
  const step = Math.ceil(articles.length / PHRASE_ARTICLES);
  return articles.filter((_, i) => i % step === 0);
}

/** Most articles the recurring phrases are read in (see phraseSample). */
export const PHRASE_ARTICLES = 1000;

function writeJson(outDir: string, name: string, value: unknown): void {
  fs.writeFileSync(path.join(outDir, name), JSON.stringify(value) + "\n");
}

/** A small table as NAME.csv, NAME.json (one row a line) and NAME.parquet. */
function writeRows(outDir: string, name: string, rows: Row[], columns: string[] = columnsOf(rows)): void {
  fs.writeFileSync(path.join(outDir, `${name}.csv`), toCsv(rows, columns));
  fs.writeFileSync(path.join(outDir, `${name}.json`), rows.length ? `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n` : "[]\n");
  writeParquet(path.join(outDir, `${name}.parquet`), rows, columns);
}

/** texts.jsonl: one `{"id","text"}` a line, in corpus order, for the views that need the words (kwic, quotes). */
function writeTexts(outDir: string, result: AnalyzeResult, texts: string[]): void {
  const fd = fs.openSync(path.join(outDir, "texts.jsonl"), "w");
  try {
    let chunk = "";
    result.articles.forEach((a, i) => {
      chunk += JSON.stringify({ id: a.id, text: texts[i] ?? "" }) + "\n";
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    });
    if (chunk) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * For the test that kills a run halfway: with TALKINGPOINTS_ANALYSIS_HOLD=FILE the build writes FILE (naming the
 * half-written folder) once its tables are written and before the manifest, and waits there until killed.
 */
function holdForTests(outDir: string): void {
  const marker = process.env.TALKINGPOINTS_ANALYSIS_HOLD;
  if (!marker) return;
  fs.writeFileSync(marker, outDir);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}
