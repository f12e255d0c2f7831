// One analysis per corpus: the whole pipeline runs once (analysis-build.ts, through the parallel `analyze`), is
// kept on disk, and every notebook, command and report reads its tables, so every view of an article agrees.
//
// Decisions:
// - The key is a hash of every corpus file's path and content (sha256), the theme, outlet and speaker
//   dictionaries, and the kit (package.json version and a hash of its compiled code in dist/). Content, not
//   size+mtime: a copied or touched folder keeps its key and an edit that keeps the size still recomputes, and
//   hashing is cheap beside the analysis (51 MB, 22,250 files: well under a second on the 2-core machine).
// - The folder is `.cache/analysis/<key>/` under the project root (TALKINGPOINTS_CACHE to move it). It is built
//   in `.tmp-<key>-<pid>-<n>` beside it and renamed into place once its manifest (written last) is there, so a
//   reader sees a whole analysis or none: two runs at once both build, the first rename wins and the other's copy
//   is dropped; a run killed halfway leaves a .tmp folder, removed by the next run once its process is gone.
// - A folder whose manifest is missing, unreadable, of another format or key, or lists a file of another size is
//   broken or foreign: it is moved aside and recomputed, never read.
// - In a notebook the analysis is computed in a child process (`talkingpoints analyze DIR --analysis OUT`, the
//   compiled kit with its worker threads): the kernel only reads the finished tables it needs, lazily, so its
//   memory holds what a cell shows and not the pipeline's. Commands pass `build` to compute in their own process.
// - Progress goes to `log` (stdout by default: in a notebook cell stderr is an error).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Problem } from "./types.js";
import { ANALYSIS_FORMAT, ANALYSIS_LAYOUT, type AnalysisManifest, type AnalysisSummary } from "./analysis-types.js";
import { corpusFiles, dataDir } from "./corpus.js";
import type { EventArticle, EventRow } from "./events.js";
import type { FigureMention } from "./figures.js";
import { kwic, kwicTheme, type KwicOptions, type KwicRow } from "./kwic.js";
import type { Phrase } from "./phrases.js";
import type { FigureDrift, FigureGroup } from "./recurring.js";
import { shiftOfEvents, type ShiftResult } from "./shift.js";
import { PeriodError } from "./periods.js";
import { DEFAULT_THEMES_FILE, type Theme, type ThemeCount } from "./themes.js";
import { timelineOfEvents, type TimelineBy, type TimelineResult } from "./timeline.js";

export * from "./analysis-types.js";

/** Computes an analysis into a folder (buildAnalysis, or the child process openAnalysis starts by default). */
export type AnalysisBuilder = (dir: string, outDir: string, meta: { key: string; kit: string; themesFile: string; speaker?: string; log: (line: string) => void }) => Promise<unknown>;

export interface OpenOptions {
  /** The theme dictionary file; default $TALKINGPOINTS_THEMES, else data/themes.yml. */
  themesFile?: string;
  /** Outlet aliases; default data/outlets.yml. */
  outletsFile?: string;
  /** Only this speaker's articles (full name or surname, as bySpeaker matches), before anything is grouped: an analysis of its own. */
  speaker?: string;
  /** Where analyses are kept; default $TALKINGPOINTS_CACHE, else .cache/analysis under the project root. */
  cacheDir?: string;
  /** The project root (holds package.json, lib/, bin/); default: found from the working directory. */
  root?: string;
  /** Where progress lines go; default stdout. */
  log?: (line: string) => void;
  /** Compute in this process instead of a child (commands); default: `node bin/talkingpoints.js analyze --analysis`. */
  build?: AnalysisBuilder;
}

/**
 * The analysis of a corpus folder: reused from the cache when the folder, the dictionaries and the kit are
 * unchanged, else computed (and kept).
 * @return An Analysis whose methods read its tables. Throws when the folder cannot be analysed (the message says why).
 */
export async function openAnalysis(dir: string = dataDir(), options: OpenOptions = {}): Promise<Analysis> {
  const root = options.root ?? findRoot();
  const log = options.log ?? ((line: string) => void process.stdout.write(line + "\n"));
  const themesFile = options.themesFile ?? (process.env.TALKINGPOINTS_THEMES || DEFAULT_THEMES_FILE);
  const outletsFile = options.outletsFile ?? "data/outlets.yml";
  const cacheDir = path.resolve(options.cacheDir ?? (process.env.TALKINGPOINTS_CACHE || path.join(root, ".cache", "analysis")));
  log(`loading the analysis of ${dir}…`);
  const speaker = options.speaker;
  const { key, kit, files } = analysisKey(dir, { root, themesFile, outletsFile, speaker });
  const final = path.join(cacheDir, key);
  if (validAnalysis(final, key)) {
    log(`reusing analysis ${key} of ${dir} (${relative(final)})`);
    return new Analysis(final, dir, key, true);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  removeStale(cacheDir);
  const tmp = path.join(cacheDir, `.tmp-${key}-${process.pid}-${++tmpCount}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const t0 = Date.now();
  log(`analysing ${files.toLocaleString("en")} file${files === 1 ? "" : "s"} of ${dir}…`);
  const build = options.build ?? childBuilder(root);
  try {
    await build(dir, tmp, { key, kit, themesFile, speaker, log });
    if (!validAnalysis(tmp, key)) throw new Error(`the analysis of ${dir} was not completed (no valid manifest in ${tmp})`);
    place(tmp, final, key);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`analysis ${key} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${relative(final)})`);
  return new Analysis(final, dir, key, false);
}

let tmpCount = 0;

/**
 * The cache key of a corpus: sha256 over the layout, the kit, every file's path and content (and the problems
 * listing it found), the dictionaries.
 * @return `{key, kit, files}`: 20 hex digits, the kit's version+code hash, how many files were hashed.
 */
export function analysisKey(dir: string, options: { root?: string; themesFile?: string; outletsFile?: string; speaker?: string } = {}): { key: string; kit: string; files: number } {
  const root = options.root ?? findRoot();
  const kit = kitVersion(root);
  const h = crypto.createHash("sha256");
  h.update(`${ANALYSIS_FORMAT} ${ANALYSIS_LAYOUT}\0${kit}\0`);
  const listed = corpusFiles(dir);
  for (const f of listed.files) {
    h.update(`file\0${f.rel}\0`);
    h.update(crypto.createHash("sha256").update(readOrEmpty(f.abs)).digest());
  }
  for (const p of listed.problems) h.update(`problem\0${p.file}\0${p.reason}\0`);
  const dictionaries = [
    ["themes", options.themesFile ?? DEFAULT_THEMES_FILE],
    ["outlets", options.outletsFile ?? "data/outlets.yml"],
    ["speakers", "data/speakers.yml"],
  ];
  for (const [name, file] of dictionaries) {
    h.update(`${name}\0`);
    h.update(readOrEmpty(file));
    h.update("\0");
  }
  if (options.speaker !== undefined) h.update(`speaker\0${options.speaker}\0`);
  return { key: h.digest("hex").slice(0, 20), kit, files: listed.files.length };
}

function readOrEmpty(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

const kitVersions = new Map<string, string>();

/** package.json's version and a hash of the kit's code (lib/*.ts, else dist/*.js): a changed stage recomputes. */
function kitVersion(root: string): string {
  const have = kitVersions.get(root);
  if (have) return have;
  let version = "0";
  try {
    version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version?: string }).version ?? "0";
  } catch {
    // Outside a project: the code hash alone.
  }
  const h = crypto.createHash("sha256");
  for (const [folder, ext] of [["dist", ".js"], ["lib", ".ts"]] as const) {
    const files = listCode(path.join(root, folder), ext);
    if (!files.length) continue;
    for (const f of files) h.update(`${path.relative(root, f)}\0`).update(fs.readFileSync(f));
    break;
  }
  const kit = `${version}+${h.digest("hex").slice(0, 12)}`;
  kitVersions.set(root, kit);
  return kit;
}

function listCode(dir: string, ext: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listCode(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** The project root: the nearest folder up from the working directory with bin/talkingpoints.js, else the working directory. */
function findRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, "bin", "talkingpoints.js")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(start);
    dir = up;
  }
}

function relative(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

/** The manifest of an analysis folder when it is whole and ours (format, key, every file at its size), else null. */
export function readManifest(folder: string, key?: string): AnalysisManifest | null {
  let m: AnalysisManifest;
  try {
    m = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8")) as AnalysisManifest;
  } catch {
    return null;
  }
  if (!m || m.format !== ANALYSIS_FORMAT || m.layout !== ANALYSIS_LAYOUT || (key !== undefined && m.key !== key)) return null;
  if (!m.files || typeof m.files !== "object") return null;
  for (const [f, size] of Object.entries(m.files)) {
    try {
      if (fs.statSync(path.join(folder, f)).size !== size) return null;
    } catch {
      return null;
    }
  }
  return m;
}

function validAnalysis(folder: string, key: string): boolean {
  return readManifest(folder, key) !== null;
}

/** Rename the finished folder into place; if another run got there first with a whole analysis, keep that one. */
function place(tmp: string, final: string, key: string): void {
  try {
    fs.renameSync(tmp, final);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM" && code !== "EISDIR") throw e;
  }
  if (validAnalysis(final, key)) return;
  // A broken or foreign folder under our key: moved aside (a rename is atomic), then ours takes its place.
  const aside = `${path.join(path.dirname(final), ".old-")}${key}-${process.pid}-${++tmpCount}`;
  try {
    fs.renameSync(final, aside);
  } catch {
    // Someone else moved it meanwhile.
  }
  try {
    fs.renameSync(tmp, final);
  } catch (e) {
    if (!validAnalysis(final, key)) throw e;
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

/** Remove the .tmp and .old folders of runs that are gone (killed halfway). */
function removeStale(cacheDir: string): void {
  for (const name of fs.readdirSync(cacheDir)) {
    const m = /^\.(tmp|old)-[0-9a-f]+-(\d+)-\d+$/.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && alive(pid)) continue;
    if (pid === process.pid && m[1] === "tmp") continue;
    fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The default builder: `node bin/talkingpoints.js analyze DIR --analysis OUT` in a child process, its progress lines passed to `log`. */
function childBuilder(root: string): AnalysisBuilder {
  return (dir, outDir, meta) => new Promise((resolve, reject) => {
    const bin = path.join(root, "bin", "talkingpoints.js");
    const child = spawn(process.execPath, [bin, "analyze", path.resolve(dir), "--analysis", outDir, "--themes", path.resolve(meta.themesFile), "--key", meta.key, "--kit", meta.kit, ...(meta.speaker !== undefined ? ["--speaker", meta.speaker] : [])],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let pending = "";
    child.stdout.on("data", (d: Buffer) => {
      pending += d.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) if (l.trim()) meta.log(l);
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(undefined);
      else reject(new Error(`analysing ${dir} failed (${signal ?? `exit ${code}`}): ${errorLine(err)}`));
    });
  });
}

/** The article with its text where loadArticles puts it (after dateSource), so its JSON reads as `articles --json` always did. */
function withText(a: Omit<EventArticle, "text"> & { text?: string }, text: string): EventArticle {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (k === "text") continue;
    out[k] = v;
    if (k === "dateSource") out.text = text;
  }
  if (!("text" in out)) out.text = text;
  return out as unknown as EventArticle;
}

/** The line of a child's stderr that says what went wrong: its error message, else its last line. */
function errorLine(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^talkingpoints\b/.test(l)) ?? lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.pop() ?? "no message";
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** One corpus's analysis on disk: each method reads its table once, when first asked. */
export class Analysis {
  private readonly memo = new Map<string, unknown>();

  constructor(readonly folder: string, readonly corpus: string, readonly key: string, readonly reused: boolean) {}

  private json<T>(name: string): T {
    if (!this.memo.has(name)) this.memo.set(name, JSON.parse(fs.readFileSync(path.join(this.folder, name), "utf8")) as T);
    return this.memo.get(name) as T;
  }

  /** The path of a table's file: `tablePath("figures", "parquet")`. */
  tablePath(name: string, ext: "csv" | "json" | "parquet" = "csv"): string {
    return path.join(this.folder, `${name}.${ext}`);
  }

  summary(): AnalysisSummary {
    return this.json<AnalysisSummary>("summary.json");
  }

  /** The articles with their events, dates and warnings resolved (text empty: see `withTexts`), in corpus order. */
  articles(): EventArticle[] {
    if (!this.memo.has("articles")) this.memo.set("articles", this.json<Array<Omit<EventArticle, "text">>>("articles.json").map((a) => withText(a, "")));
    return this.memo.get("articles") as EventArticle[];
  }

  /** Each article's text by id (read once from texts.jsonl). */
  texts(): Map<string, string> {
    if (!this.memo.has("texts")) {
      const map = new Map<string, string>();
      for (const line of fs.readFileSync(path.join(this.folder, "texts.jsonl"), "utf8").split("\n")) {
        if (!line) continue;
        const r = JSON.parse(line) as { id: string; text: string };
        map.set(r.id, r.text);
      }
      this.memo.set("texts", map);
    }
    return this.memo.get("texts") as Map<string, string>;
  }

  /** The articles (all, or those with the given ids) with their texts, in corpus order. */
  withTexts(ids?: Iterable<string>): EventArticle[] {
    const texts = this.texts();
    const wanted = ids ? new Set(ids) : null;
    return this.articles().filter((a) => !wanted || wanted.has(a.id)).map((a) => withText(a, texts.get(a.id) ?? ""));
  }

  problems(): Problem[] {
    return this.json<Problem[]>("problems.json");
  }

  /** The theme dictionary the analysis counted with. */
  themes(): Theme[] {
    return this.json<Theme[]>("dictionary.json");
  }

  /** Theme counts with at least one hit, article by article. */
  themeHits(): ThemeCount[] {
    return this.json<ThemeCount[]>("theme-hits.json");
  }

  /** Every article × theme, zeros included: the rows countThemes gives, in corpus and dictionary order. */
  themeCounts(): ThemeCount[] {
    const hits = new Map<string, ThemeCount>();
    for (const c of this.themeHits()) hits.set(`${c.article}\u0000${c.theme}`, c);
    const out: ThemeCount[] = [];
    for (const a of this.articles())
      for (const t of this.themes()) out.push(hits.get(`${a.id}\u0000${t.id}`) ?? { article: a.id, theme: t.id, hits: 0, per1k: 0, matches: [] });
    return out;
  }

  figures(): FigureMention[] {
    return this.json<FigureMention[]>("figures.json");
  }

  recurring(): FigureGroup[] {
    return this.json<FigureGroup[]>("recurring.json");
  }

  drift(): FigureDrift[] {
    return this.json<FigureDrift[]>("drift.json");
  }

  events(): EventRow[] {
    return this.json<EventRow[]>("events.json");
  }

  /**
   * The shift between the default periods (earliest and latest months with events, each event once), or null and
   * a note saying why nothing can be compared. Its `articles` are the analysis's articles (without texts).
   */
  shift(): { shift: ShiftResult | null; note: string | null } {
    const s = this.json<{ note: string | null; shift: ShiftResult | null }>("shift.json");
    return { note: s.note ? `${s.note.charAt(0).toUpperCase()}${s.note.slice(1)}.` : null, shift: s.shift ? { ...s.shift, articles: this.articles() } : null };
  }

  /** Keyword-in-context lines for the top terms of each period (shiftKwic of the default shift). */
  shiftKwic(): Array<{ term: string; period: string } & KwicRow> {
    return this.json("shift-kwic.json");
  }

  /** Every period in order (timeline): by month as computed, by quarter or event from the same events. */
  timeline(by: TimelineBy = "month"): TimelineResult {
    if (by === "month") return { ...this.json<TimelineResult>("timeline-month.json"), articles: this.articles() };
    const memoKey = `timeline-${by}`;
    if (!this.memo.has(memoKey)) this.memo.set(memoKey, { ...timelineOfEvents(this.withTexts(), this.events(), { themes: this.themes(), by }), articles: this.articles() });
    return this.memo.get(memoKey) as TimelineResult;
  }

  /** The phrases the corpus repeats (recurringPhrases, defaults). */
  phrases(): Phrase[] {
    return this.json<Phrase[]>("phrases.json");
  }

  /** Why the phrases were read in a sample of the articles, or null when they were read in all. */
  phrasesNote(): string | null {
    return this.json<string | null>("phrases-note.json");
  }

  /** Keyword in context for a theme, read only in the articles where it fired. */
  kwicTheme(theme: string, options: KwicOptions = {}): KwicRow[] {
    const ids = new Set(this.themeHits().filter((c) => c.theme === theme).map((c) => c.article));
    return kwicTheme(ids.size ? this.withTexts(ids) : [], theme, { ...options, themes: this.themes() });
  }

  /** Keyword in context for a word or phrase in every article. */
  kwic(pattern: string, options: KwicOptions = {}): KwicRow[] {
    return kwic(this.withTexts(), pattern, options);
  }

  /**
   * Who speaks: one row per speaker (the person whose statements an event reports), with their events, articles,
   * outlets and first and last dates, the speaker of most events first; events with no known speaker last.
   */
  speakers(): Array<{ speaker: string; events: number; articles: number; outlets: string; first: string; last: string }> {
    const by = new Map<string, EventRow[]>();
    for (const e of this.events()) {
      const k = e.speaker ?? "";
      const list = by.get(k);
      if (list) list.push(e);
      else by.set(k, [e]);
    }
    const rows = Array.from(by, ([speaker, evs]) => {
      const dates = evs.map((e) => e.date).filter((d): d is string => !!d).sort();
      return {
        speaker: speaker || "(no speaker found)",
        events: evs.length,
        articles: evs.reduce((n, e) => n + e.articles.length, 0),
        outlets: Array.from(new Set(evs.flatMap((e) => e.outlets))).sort().join(", "),
        first: dates[0] ?? "",
        last: dates[dates.length - 1] ?? "",
        known: speaker !== "",
      };
    });
    rows.sort((a, b) => Number(b.known) - Number(a.known) || b.events - a.events || b.articles - a.articles || (a.speaker < b.speaker ? -1 : 1));
    return rows.map(({ known: _known, ...r }) => r);
  }

  /**
   * The shift between one speaker's briefings: the default periods chosen among that speaker's events only, each
   * event once. Events never join two speakers, so the speaker's events are whole. Default speaker: the one of
   * most events. @return `{speaker, shift, note}`; shift null (note says why) when there are not two periods.
   */
  speakerShift(speaker?: string): { speaker: string | null; shift: ShiftResult | null; note: string | null } {
    const who = speaker ?? this.speakers().find((r) => r.speaker !== "(no speaker found)")?.speaker ?? null;
    if (!who) return { speaker: null, shift: null, note: "No article names a speaker whose statements it reports." };
    const own = this.events().filter((e) => e.speaker === who);
    try {
      const shift = shiftOfEvents(this.withTexts(own.flatMap((e) => e.articles)), own, { themes: this.themes() });
      return { speaker: who, shift, note: null };
    } catch (e) {
      if (e instanceof PeriodError) return { speaker: who, shift: null, note: `${who}: ${e.message}` };
      throw e;
    }
  }

  /** One line for a notebook's first cell. */
  describe(): string {
    const s = this.summary();
    const periods = s.periods ? `; comparing ${s.periods[0].label} with ${s.periods[1].label}` : "";
    return `${s.articles.toLocaleString("en")} articles, ${s.problems.toLocaleString("en")} problems, ${s.events.toLocaleString("en")} events, ` +
      `${s.figures.toLocaleString("en")} figures, ${s.themes.length} themes${periods} (analysis ${this.key})`;
  }
}
