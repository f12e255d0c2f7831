import path from "node:path";
import { analyze, writeEarlyTables, writeTables, type Progress } from "../analyze.js";
import { analysisKey } from "../analysis.js";
import { buildAnalysis } from "../analysis-build.js";
import { writeParquetTables } from "../analysis-parquet.js";
import { parseFlags, reportProblems, requireFolder, themesFor, UsageError } from "../cli-util.js";
import { DEFAULT_THEMES_FILE } from "../themes.js";

export const summary = "run the whole pipeline once (load, themes, figures, events, shift) and write every table to a folder";
export const usage = `usage: talkingpoints analyze [DIR=data/articles] --out OUTDIR [--speaker NAME] [--workers N] [--themes FILE] [--stats]
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  --out OUTDIR   where the tables go (made if missing): articles, problems, themes, figures, recurring, drift,
                 events, keyness and themes-shift, each as NAME.csv, NAME.json and NAME.parquet, and summary.json
  --analysis OUTDIR  write the whole analysis the notebooks read (analyze's tables, the texts, the full shift,
                 the timeline, the recurring phrases) and manifest.json last; used by openAnalysis
  --workers N    threads reading and analysing files (default: one per core; 0 = all in this thread)
  --themes FILE  the theme dictionary (default ${DEFAULT_THEMES_FILE})
  --stats        print one JSON line on stderr at the end: articles, seconds, cpuSeconds (all threads), maxRSSkB,
                 phases (wall seconds; "while grouping" is the tables written while events are grouped) and
                 stages (seconds per per-article stage, summed over the threads)
The shift compares the earliest and latest months with events, each event counted once (as \`talkingpoints shift\`
does by default); quotations are left to \`talkingpoints shift\`. A progress bar shows on a terminal.
Exits 1 when DIR holds no articles.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    out: { type: "string" }, workers: { type: "string" }, themes: { type: "string" }, stats: { type: "boolean" },
    analysis: { type: "string" }, key: { type: "string" }, kit: { type: "string" }, speaker: { type: "string" },
  }, "analyze");
  if (positionals.length > 1) throw new UsageError(`talkingpoints analyze: expected at most one folder, got ${positionals.length} arguments`);
  if (values.analysis) return runAnalysis(positionals[0] ?? "data/articles", values);
  if (!values.out) throw new UsageError("talkingpoints analyze: --out OUTDIR is required (the folder the tables are written to)");
  if (values.workers !== undefined && !/^\d+$/.test(values.workers)) throw new UsageError(`talkingpoints analyze: --workers must be a whole number ≥ 0, not "${values.workers}"`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "analyze");
  const themes = themesFor(values.themes, "analyze");
  const t0 = performance.now();
  const bar = process.stderr.isTTY ? progressBar() : null;
  const outDir = path.resolve(values.out);
  let early = false;
  const result = await analyze(dir, {
    themes,
    speaker: values.speaker,
    workers: values.workers === undefined ? undefined : Number(values.workers),
    workerFile: new URL("../analyze-worker.js", import.meta.url),
    onProgress: bar?.update,
    onPhase: bar?.phase,
    // The tables that do not need events are written while the events are grouped.
    whileGrouping: (tables) => {
      writeEarlyTables(tables, outDir);
      early = true;
    },
  });
  const tw = performance.now();
  bar?.phase(`writing the tables to ${outDir}`);
  // The early tables are written again when the events changed the dates they were grouped on.
  writeTables(result, outDir, {}, { early: early && !result.regrouped });
  writeParquetTables(result, outDir);
  result.phases.write = (performance.now() - tw) / 1000;
  bar?.done();
  reportProblems(result.problems);
  if (result.note) process.stderr.write(`talkingpoints analyze: the shift tables are empty: ${result.note}\n`);
  const [a, b] = result.periods ?? [];
  process.stdout.write(`${result.articles.length} articles (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}), ${result.events.length} events, ` +
    `${result.figures.length} figures${a && b ? `; shift ${a.label} → ${b.label}: ${result.keyness.length} terms scored` : ""}; tables in ${outDir}\n`);
  if (values.stats) {
    const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    const usage = process.resourceUsage();
    process.stderr.write(JSON.stringify({
      articles: result.articles.length, workers: result.workers, seconds: Math.round(performance.now() - t0) / 1000,
      cpuSeconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) / 1000,
      maxRSSkB: usage.maxRSS, phases: round(result.phases), stages: round(result.cpu),
    }) + "\n");
  }
  if (!result.articles.length) {
    process.stderr.write(`talkingpoints analyze: no articles found in ${dir}\n`);
    return 1;
  }
  return 0;
}

/** `analyze DIR --analysis OUT`: the whole analysis into OUT, each phase as a line on stdout (openAnalysis shows them). */
async function runAnalysis(folder: string, values: { analysis?: string; workers?: string; themes?: string; key?: string; kit?: string; speaker?: string }): Promise<number> {
  const dir = requireFolder(folder, "analyze");
  const themes = themesFor(values.themes, "analyze");
  const computed = values.key && values.kit ? null : analysisKey(dir, { themesFile: values.themes, speaker: values.speaker });
  const say = (line: string) => void process.stdout.write(line + "\n");
  let shown = 0;
  const t0 = performance.now();
  const manifest = await buildAnalysis(dir, path.resolve(values.analysis!), {
    themes, key: values.key ?? computed!.key, kit: values.kit ?? computed!.kit, speaker: values.speaker,
    workers: values.workers === undefined ? undefined : Number(values.workers),
    workerFile: new URL("../analyze-worker.js", import.meta.url),
    // A line per tenth of the files read, then one per phase.
    onProgress: (p) => {
      const tenth = Math.floor((10 * p.files) / Math.max(1, p.totalFiles));
      if (p.totalFiles >= 1000 && tenth > shown && p.files < p.totalFiles) say(`  read ${p.files.toLocaleString("en")} of ${p.totalFiles.toLocaleString("en")} files (${p.seconds.toFixed(1)} s)`);
      shown = Math.max(shown, tenth);
    },
    onPhase: (phase) => {
      say(`  ${phase}… (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    },
  });
  say(`  ${manifest.articles.toLocaleString("en")} articles, ${manifest.events.toLocaleString("en")} events, ${manifest.figures.toLocaleString("en")} figures`);
  return 0;
}

/** A one-line bar on stderr: files read, articles per second, time left (redrawn at most ten times a second); then what is being done. */
function progressBar() {
  let last = 0;
  let shown = false;
  const update = (p: Progress) => {
    const now = performance.now();
    if (now - last < 100 && p.files < p.totalFiles) return;
    last = now;
    const width = 24;
    const done = p.totalFiles ? p.files / p.totalFiles : 1;
    const fill = Math.round(done * width);
    const rate = p.seconds > 0 ? p.articles / p.seconds : 0;
    const filesRate = p.seconds > 0 ? p.files / p.seconds : 0;
    const eta = filesRate > 0 ? Math.ceil((p.totalFiles - p.files) / filesRate) : null;
    const line = `[${"#".repeat(fill)}${"-".repeat(width - fill)}] ${p.files.toLocaleString("en")}/${p.totalFiles.toLocaleString("en")} files · ` +
      `${Math.round(rate).toLocaleString("en")} articles/s · ETA ${eta === null ? "?" : `${eta} s`}`;
    process.stderr.write(`\r${line}\x1b[K`);
    shown = true;
  };
  const phase = (what: string) => {
    process.stderr.write(`\r${what}…\x1b[K`);
    shown = true;
  };
  const done = () => {
    if (shown) process.stderr.write("\r\x1b[K");
  };
  return { update, phase, done };
}
