// The whole pipeline in one pass, for archives: load → tokens → themes, figures, event inputs per article (in worker
// threads, one per core), then events, recurring figures and the shift between the default periods in this thread,
// and every table written to a folder as CSV and JSON.
//
// Decisions:
// - Each article is tokenised once, in the thread that read it; themes, figures and the event inputs (date
//   evidence, shingle hashes, MinHash signature) are computed there and only those compact results travel back.
//   Token arrays die with their article's batch, so memory holds texts and results, never every token array.
// - The per-article stages are the stages' own functions (countThemes as themeCounter, extractFigures, eventInput), and the
//   corpus-wide ones are too (uniqueIds, assignEvents, recurringFigures, figureDrift, eventDocuments, countTerms,
//   keyness): analyze's tables equal what the themes, figures, articles and shift commands print.
// - The shift is shift()'s default — unit "event", the earliest and latest months with events, keyness with
//   minCount 3 — for terms and themes. Quotations and figure changes are not part of analyze (they are read per
//   period by `talkingpoints shift`); a corpus with fewer than two months of events writes empty shift tables
//   and says why in `note`.
// - Event documents of the two periods are built one event at a time and dropped once counted, so their tokens do
//   not pile up either.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { Article, Problem } from "./types.js";
import { corpusFiles, countWords, DEFAULT_MAX_BYTES, loadFile, loadOutletsSafely, uniqueIds } from "./corpus.js";
import type { OutletAliases } from "./outlets.js";
import { countThemes, loadThemes, themeCounter, type Theme, type ThemeCount } from "./themes.js";
import { dropTokens } from "./tokens.js";
import { extractFigures, type FigureMention } from "./figures.js";
import { figureDrift, figureGroups, recurringFigures, type FigureDrift, type FigureGroup } from "./recurring.js";
import { assignEvents, bySpeaker, eventDocuments, eventInput, type DateEvidence, type EventArticle, type EventInput, type EventRow, type EventsResult } from "./events.js";
import { periodsOrNote, type Period } from "./periods.js";
import { countTerms, keyness, surfaceForms, type KeynessRow, type TermCounts } from "./keyness.js";
import { themeChangeFromTotals, type ThemeChange } from "./shift.js";

export { TABLES, writeEarlyTables, writeTables } from "./analyze-tables.js";

export interface AnalyzeOptions {
  /** Worker threads reading and analysing files; 0 does everything in this thread. Default: one per core. */
  workers?: number;
  /** Keep only the articles of this speaker (full name or surname, as bySpeaker matches), before grouping. */
  speaker?: string;
  /** The compiled worker script (dist/analyze-worker.js); needed when workers > 0. */
  workerFile?: string | URL;
  /** The theme dictionary; default data/themes.yml. */
  themes?: Theme[];
  /** Largest file read, in bytes (see loadArticles). */
  maxBytes?: number;
  /** Outlet alias file; default data/outlets.yml. */
  outletsFile?: string;
  /** Called after each batch of files with how far the reading has got. */
  onProgress?: (p: Progress) => void;
  /** Called when a phase after the reading starts ("grouping events", …). */
  onPhase?: (phase: string) => void;
  /**
   * Called with the tables that do not depend on events once they are ready, while the events are being grouped
   * (in a worker thread when there are workers): `analyze` writes them then (writeEarlyTables).
   */
  whileGrouping?: (tables: EarlyTables) => void;
  /** Keep every article's text and return them in `texts` (openAnalysis keeps them for kwic, phrases and quotes). */
  keepTexts?: boolean;
}

/** The tables that do not depend on events: the theme counts, figures, recurring figures and drift. */
export interface EarlyTables {
  /** The articles, in corpus order (only their ids are read). */
  articles: Array<{ id: string }>;
  themes: Theme[];
  themeHits: ThemeCount[];
  figures: FigureMention[];
  recurring: FigureGroup[];
  drift: FigureDrift[];
}

export interface Progress {
  files: number;
  totalFiles: number;
  articles: number;
  /** Seconds since the files were listed. */
  seconds: number;
}

/** An article as analyze lists it: every field of `articles --json` except the text. */
export type AnalyzedArticle = Omit<EventArticle, "text">;

export interface AnalyzeResult {
  articles: AnalyzedArticle[];
  problems: Problem[];
  themes: Theme[];
  /** Theme counts with at least one hit; the themes table adds the zeros (every article × theme). */
  themeHits: ThemeCount[];
  figures: FigureMention[];
  recurring: FigureGroup[];
  drift: FigureDrift[];
  /** True when the events dated some article and the figures were grouped again (the early tables are stale then). */
  regrouped: boolean;
  events: EventRow[];
  /** The two periods compared, or null (then `note` says why). */
  periods: [Period, Period] | null;
  note: string | null;
  keyness: KeynessRow[];
  themeShift: ThemeChange[];
  /** Wall seconds per phase; `cpu` sums the per-article stages over all threads. */
  phases: Record<string, number>;
  cpu: Record<string, number>;
  workers: number;
  /** With `keepTexts`: each article's text, in the order of `articles`. */
  texts?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Per file (in a worker thread or here)

/** What one article gives: itself, its theme hits, figures and event inputs. */
export interface ArticleAnalysis {
  article: Article;
  themeHits: ThemeCount[];
  figures: FigureMention[];
  event: EventInput;
}

export interface FileAnalysis {
  index: number;
  articles: ArticleAnalysis[];
  problems: Problem[];
}

/** A FileAnalysis as a worker thread posts it: the event inputs of its articles travel packed beside it. */
export interface WireFileAnalysis {
  index: number;
  articles: Array<Omit<ArticleAnalysis, "event">>;
  problems: Problem[];
}

export interface FileJob {
  index: number;
  abs: string;
  rel: string;
}

export interface WorkerSetup {
  themes: Theme[];
  maxBytes: number;
  aliases: OutletAliases;
  keepTexts?: boolean;
}

/** Seconds spent per stage in this thread (added to by analyzeFiles). */
export const stageSeconds: Record<string, number> = { load: 0, themes: 0, figures: 0, events: 0 };

/**
 * Read and analyse some files: each article is tokenised once and its themes, figures and event inputs computed.
 * @return One entry per file, in the order given.
 */
export function analyzeFiles(jobs: FileJob[], setup: WorkerSetup): FileAnalysis[] {
  const out: FileAnalysis[] = [];
  const countThemesOf = themeCounter(setup.themes);
  for (const job of jobs) {
    let t = performance.now();
    const lap = (stage: string) => {
      const now = performance.now();
      stageSeconds[stage] += (now - t) / 1000;
      t = now;
    };
    const loaded = loadFile(job.abs, job.rel, setup.maxBytes, setup.aliases);
    lap("load");
    const articles: ArticleAnalysis[] = [];
    for (const article of loaded.articles) {
      // The tokens are cached on the article object (tokensOf) for the three stages and die with it.
      const themeHits = countThemesOf(article).filter((c) => c.hits > 0);
      lap("themes");
      const figures = extractFigures(article);
      lap("figures");
      const event = eventInput(article, {}, figures);
      dropTokens(article);
      lap("events");
      // A copy travels on without its text (the tokens cached on `article` stay behind with it): only the shift
      // needs texts, of a few events, and reads those files again (textsFor) rather than have every text copied
      // to the main thread and kept there.
      articles.push({ article: { ...article, text: setup.keepTexts ? article.text : "" }, themeHits, figures, event });
    }
    out.push({ index: job.index, articles, problems: loaded.problems });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus

/**
 * Run the pipeline on a folder (or files): load, themes, figures, events, recurring figures, and the shift
 * between the earliest and latest months with events (unit "event").
 * @return Every table's rows (see AnalyzeResult). Throws ThemeFileError for a broken theme file.
 */
export async function analyze(folderOrFiles: string | string[], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const { workers = os.availableParallelism(), workerFile, maxBytes = DEFAULT_MAX_BYTES, outletsFile = "data/outlets.yml", onProgress, onPhase } = options;
  if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`analyze: workers must be a whole number ≥ 0, not ${workers}`);
  if (workers > 0 && !workerFile) throw new RangeError("analyze: workerFile (the compiled analyze-worker.js) is needed to run worker threads");
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + (now - t) / 1000;
    t = now;
  };
  const themes = options.themes ?? loadThemes();
  const outlets = loadOutletsSafely(outletsFile);
  const setup: WorkerSetup = { themes, maxBytes, aliases: outlets.aliases, keepTexts: options.keepTexts === true };
  // The threads start (load their modules) while this one lists the files.
  const pool = workers > 0 ? startWorkers(workers, workerFile!, setup) : [];
  try {
    const listed = corpusFiles(folderOrFiles);
    const problems: Problem[] = [...listed.problems];
    if (outlets.problem) problems.push(outlets.problem);
    const jobs = listed.files.map((f, index) => ({ index, abs: f.abs, rel: f.rel }));
    lap("list");

    const started = performance.now();
    let filesDone = 0;
    let articlesDone = 0;
    const progress = (batch: FileAnalysis[]) => {
      filesDone += batch.length;
      for (const f of batch) articlesDone += f.articles.length;
      onProgress?.({ files: filesDone, totalFiles: jobs.length, articles: articlesDone, seconds: (performance.now() - started) / 1000 });
    };
    const cpu: Record<string, number> = {};
    const results: FileAnalysis[] = new Array(jobs.length);
    const keep = (batch: FileAnalysis[]) => {
      for (const f of batch) results[f.index] = f;
      progress(batch);
    };
    if (!pool.length) {
      const before = { ...stageSeconds };
      for (let i = 0; i < jobs.length; i += BATCH) keep(analyzeFiles(jobs.slice(i, i + BATCH), setup));
      for (const k of Object.keys(stageSeconds)) cpu[k] = stageSeconds[k] - before[k];
    } else {
      // Batches of up to BATCH files, smaller for small corpora so every thread gets some.
      const batch = Math.max(1, Math.min(BATCH, Math.ceil(jobs.length / (workers * 8))));
      await inWorkers(pool, jobs, batch, keep, cpu);
    }
    lap("read+analyse");

    // Assemble in file order, as loadArticles does, then make ids unique and point the results at the new ids.
    const loaded: Article[] = [];
    const origins: Origin[] = [];
    const hitsOf: ThemeCount[][] = [];
    const figuresOf: FigureMention[][] = [];
    const inputs: EventInput[] = [];
    const ofSpeaker = (a: Article) => options.speaker === undefined || bySpeaker([a], options.speaker).length === 1;
    for (const f of results) {
      for (const [record, a] of f.articles.entries()) {
        if (!ofSpeaker(a.article)) continue;
        loaded.push(a.article);
        origins.push({ job: jobs[f.index], record });
        hitsOf.push(a.themeHits);
        figuresOf.push(a.figures);
        inputs.push(a.event);
      }
      problems.push(...f.problems);
    }
    results.length = 0;
    uniqueIds(loaded);
    const themeHits: ThemeCount[] = [];
    const figures: FigureMention[] = [];
    // The results are this function's own (made by analyzeFiles or cloned from a worker): renamed in place.
    loaded.forEach((a, i) => {
      for (const c of hitsOf[i]) {
        c.article = a.id;
        themeHits.push(c);
      }
      for (const f of figuresOf[i]) {
        f.article = a.id;
        figures.push(f);
      }
    });
    lap("assemble");

    // Events are grouped in a worker thread (when there are workers) while this one groups the figures and hands
    // on the tables that do not need events: the two take about as long.
    onPhase?.(`grouping ${loaded.length.toLocaleString("en")} articles into events and ${figures.length.toLocaleString("en")} figures`);
    const grouping = pool.length ? groupInWorker(pool[0], loaded, inputs) : null;
    const groups = figureGroups(figures, loaded);
    const early = { recurring: recurringFigures(figures, loaded, groups), drift: figureDrift(figures, loaded, groups) };
    lap("recurring");
    options.whileGrouping?.({ articles: loaded, themes, themeHits, figures, ...early });
    lap("while grouping");
    const { articles: evented, events } = grouping ? await grouping : assignEvents(loaded, {}, inputs);
    inputs.length = 0;
    lap("events");
    // The figures were grouped on the articles' own dates while the events were grouped. Where the events dated an
    // article (one with no date of its own takes its briefing's), they are grouped again on the dates every other
    // view shows, so a figure's first and last dates agree with the articles table.
    let recurring = early.recurring;
    let drift = early.drift;
    const regrouped = evented.some((a, i) => a.date !== loaded[i].date);
    if (regrouped) {
      onPhase?.("grouping the figures again on the dates the events gave");
      const again = figureGroups(figures, evented);
      recurring = recurringFigures(figures, evented, again);
      drift = figureDrift(figures, evented, again);
      lap("recurring");
    }

    const { periods, note } = periodsOrNote(events);
    if (periods) onPhase?.(`comparing ${periods[0].label} with ${periods[1].label}`);
    if (periods && !setup.keepTexts) problems.push(...textsFor(evented, origins, periods, setup));
    const shifted = periods ? periodShift(evented, events, periods, themes) : { keyness: [], themeShift: [] };
    lap("shift");

    const texts = setup.keepTexts ? evented.map((a) => a.text) : undefined;
    const articles: AnalyzedArticle[] = evented.map((a) => {
      const { text: _text, ...rest } = a;
      return rest;
    });
    return { articles, problems, themes, themeHits, figures, recurring, drift, regrouped, events, periods, note, ...shifted, phases, cpu, workers, ...(texts ? { texts } : {}) };
  } finally {
    // The threads wait for work until told otherwise; whatever happened, they end here.
    for (const w of pool) void w.terminate();
  }
}

/**
 * assignEvents(articles, {}, inputs) in a worker thread that has finished its files. What travels is only what
 * assignEvents reads of the articles and what it changes in them (columns of plain values, cheap to copy between
 * threads; the hash arrays are handed over): the articles come back as assignEvents returns them.
 */
function groupInWorker(w: Worker, articles: Article[], inputs: EventInput[]): Promise<EventsResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; changes?: EventChanges; events?: EventRow[] }) => {
      if (msg.type !== "events") return;
      w.off("message", onMessage);
      w.off("exit", onExit);
      const c = msg.changes!;
      // The keys in assignEvents' order: the article's own, then event and statementDate.
      const evented = articles.map((a, i): EventArticle =>
        Object.assign({}, a, { date: c.date[i], dateSource: c.dateSource[i], warnings: c.warnings[i], event: c.event[i], statementDate: c.statementDate[i] }));
      resolve({ articles: evented, events: msg.events! });
    };
    const onExit = (code: number) => reject(new Error(`analyze worker stopped with code ${code} while grouping events`));
    w.on("message", onMessage);
    w.on("exit", onExit);
    const given: EventsGiven = {
      id: articles.map((a) => a.id), title: articles.map((a) => a.title), outlet: articles.map((a) => a.outlet),
      date: articles.map((a) => a.date), dateSource: articles.map((a) => a.dateSource), warnings: articles.map((a) => a.warnings),
      speaker: articles.map((a) => a.speaker ?? null), words: articles.map((a) => a.words),
    };
    const packed = packInputs(inputs);
    w.postMessage({ type: "events", given, packed }, packedBuffers(packed));
  });
}

/** The fields of the articles assignEvents reads, as columns. */
export interface EventsGiven {
  id: string[];
  title: string[];
  outlet: Array<string | null>;
  date: Array<string | null>;
  dateSource: Array<Article["dateSource"]>;
  warnings: string[][];
  speaker: Array<string | null>;
  words: number[];
}

/** The fields assignEvents sets, as columns. */
export interface EventChanges {
  date: Array<string | null>;
  dateSource: Array<Article["dateSource"]>;
  warnings: string[][];
  event: Array<string | null>;
  statementDate: Array<string | null>;
}

/** assignEvents on the columns groupInWorker sends (in the worker thread). */
export function groupEvents(given: EventsGiven, inputs: EventInput[]): { changes: EventChanges; events: EventRow[] } {
  const articles: Article[] = given.id.map((id, i) => ({
    id, file: "", title: given.title[i], outlet: given.outlet[i], url: null, date: given.date[i], dateSource: given.dateSource[i], text: "", words: given.words[i], warnings: given.warnings[i], speaker: given.speaker[i],
  }));
  const { articles: out, events } = assignEvents(articles, {}, inputs);
  return {
    changes: {
      date: out.map((a) => a.date), dateSource: out.map((a) => a.dateSource), warnings: out.map((a) => a.warnings),
      event: out.map((a) => a.event), statementDate: out.map((a) => a.statementDate),
    },
    events,
  };
}

/**
 * Event inputs as they travel between threads: the typed arrays of all articles packed into one array each, so a
 * message hands over a few buffers instead of several per article (handing over 44,000 small buffers took ~0.3 s).
 */
export interface PackedInputs {
  evidence: DateEvidence[];
  /** Each article's specific figures and names (plain strings, cloned with the message). */
  figures: string[][];
  names: string[][];
  shingles: Uint32Array;
  /** Where each article's shingles end in `shingles`. */
  ends: Uint32Array;
  /** The signatures one after another, `signatures.length / evidence.length` values each. */
  signatures: Uint32Array;
  terms: Uint32Array;
  counts: Uint16Array;
  /** Where each article's terms (and counts) end. */
  termEnds: Uint32Array;
  quotes: Uint32Array;
  /** Each article's quotation ends, relative to the article's first quotation value, one list after another. */
  quoteEnds: Uint32Array;
  /** Where each article's quotation ends end in `quoteEnds`. */
  quoteCounts: Uint32Array;
}

/** Many typed arrays as one, with where each ends. */
function concat<T extends Uint32Array | Uint16Array>(parts: T[], make: (n: number) => T): { all: T; ends: Uint32Array } {
  const ends = new Uint32Array(parts.length);
  let total = 0;
  parts.forEach((x, i) => (ends[i] = total += x.length));
  const all = make(total);
  parts.forEach((x, i) => all.set(x, ends[i] - x.length));
  return { all, ends };
}

export function packInputs(inputs: EventInput[]): PackedInputs {
  const width = inputs.length ? inputs[0].signature.length : 0;
  const signatures = new Uint32Array(width * inputs.length);
  inputs.forEach((x, i) => signatures.set(x.signature, i * width));
  const shingles = concat(inputs.map((x) => x.shingles), (n) => new Uint32Array(n));
  const terms = concat(inputs.map((x) => x.content.terms), (n) => new Uint32Array(n));
  const counts = concat(inputs.map((x) => x.content.counts), (n) => new Uint16Array(n));
  const quotes = concat(inputs.map((x) => x.content.quotes), (n) => new Uint32Array(n));
  const quoteEnds = concat(inputs.map((x) => x.content.quoteEnds), (n) => new Uint32Array(n));
  return {
    evidence: inputs.map((x) => x.evidence), figures: inputs.map((x) => x.content.figures), names: inputs.map((x) => x.content.names),
    shingles: shingles.all, ends: shingles.ends, signatures, terms: terms.all, counts: counts.all, termEnds: terms.ends,
    quotes: quotes.all, quoteEnds: quoteEnds.all, quoteCounts: quoteEnds.ends,
  };
}

/** The inputs packInputs packed (each array a view into the packed ones). */
export function unpackInputs(p: PackedInputs): EventInput[] {
  const width = p.evidence.length ? p.signatures.length / p.evidence.length : 0;
  let quotesFrom = 0;
  return p.evidence.map((evidence, i) => {
    const [t0, t1] = [i ? p.termEnds[i - 1] : 0, p.termEnds[i]];
    const quoteEnds = p.quoteEnds.subarray(i ? p.quoteCounts[i - 1] : 0, p.quoteCounts[i]);
    const quotes = p.quotes.subarray(quotesFrom, quotesFrom + (quoteEnds.length ? quoteEnds[quoteEnds.length - 1] : 0));
    quotesFrom += quotes.length;
    return {
      evidence,
      shingles: p.shingles.subarray(i ? p.ends[i - 1] : 0, p.ends[i]),
      signature: p.signatures.subarray(i * width, (i + 1) * width),
      content: { terms: p.terms.subarray(t0, t1), counts: p.counts.subarray(t0, t1), figures: p.figures[i], names: p.names[i], quotes, quoteEnds },
    };
  });
}

/** The buffers of packed inputs, to hand over with the message. */
export function packedBuffers(p: PackedInputs): ArrayBuffer[] {
  return [p.shingles, p.ends, p.signatures, p.terms, p.counts, p.termEnds, p.quotes, p.quoteEnds, p.quoteCounts].map((a) => a.buffer as ArrayBuffer);
}

/** Where an article was read: its file, and which of the file's articles it is. */
interface Origin {
  job: FileJob;
  record: number;
}

/**
 * Put back the texts of the articles in the periods' events, read again from their files (each file once).
 * A text that is no longer what was analysed (the file changed meanwhile) is left out of the shift, as a problem.
 */
function textsFor(articles: EventArticle[], origins: Origin[], periods: [Period, Period], setup: WorkerSetup): Problem[] {
  const wanted = new Set(periods.flatMap((p) => p.events));
  const byFile = new Map<FileJob, number[]>();
  articles.forEach((a, i) => {
    if (!a.event || !wanted.has(a.event)) return;
    const members = byFile.get(origins[i].job);
    if (members) members.push(i);
    else byFile.set(origins[i].job, [i]);
  });
  const problems: Problem[] = [];
  for (const [job, members] of byFile) {
    const again = loadFile(job.abs, job.rel, setup.maxBytes, setup.aliases).articles;
    for (const i of members) {
      const text = again[origins[i].record]?.text;
      if (text !== undefined && countWords(text) === articles[i].words) articles[i].text = text;
      else problems.push({ file: job.rel, reason: "changed while it was analysed; its text is left out of the shift" });
    }
  }
  return problems;
}

/** Files per message to a worker: large enough to amortise messaging, small enough to balance the threads. */
const BATCH = 32;

function startWorkers(n: number, workerFile: string | URL, setup: WorkerSetup): Worker[] {
  // A young generation larger than V8's default: tokens and figures are many short-lived objects, and
  // scavenging less often took 10-15% off the wall time on 22,250 articles.
  return Array.from({ length: n }, () => new Worker(workerFile, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
}

/** Read and analyse the files in the started threads, batch by batch; each thread ends when no batch is left. */
function inWorkers(pool: Worker[], jobs: FileJob[], size: number, keep: (batch: FileAnalysis[]) => void, cpu: Record<string, number>): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = pool.length;
    let failed = false;
    const finished = new Set<Worker>();
    const asked = new Set<Worker>();
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(e);
    };
    const send = (w: Worker) => {
      if (next >= jobs.length) {
        // No files left: the thread reports its stage seconds and stays, for the events or to be ended.
        if (!asked.has(w)) w.postMessage({ type: "done" });
        asked.add(w);
        return;
      }
      const batch = jobs.slice(next, next + size);
      next += batch.length;
      w.postMessage({ type: "files", jobs: batch });
    };
    for (const w of pool) {
      w.on("message", (msg: { type: "files"; results: WireFileAnalysis[]; packed: PackedInputs } | { type: "done"; seconds: Record<string, number> } | { type: "events" }) => {
        if (msg.type === "files") {
          // The event inputs come packed; each article gets its own back.
          const inputs = unpackInputs(msg.packed);
          let k = 0;
          const results = msg.results.map((f) => ({ ...f, articles: f.articles.map((a) => ({ ...a, event: inputs[k++] })) }));
          keep(results);
          send(w);
          return;
        }
        if (msg.type !== "done") return;
        for (const [k, v] of Object.entries(msg.seconds)) cpu[k] = (cpu[k] ?? 0) + v;
        finished.add(w);
        if (--running === 0 && !failed) resolve();
      });
      w.on("error", (e) => fail(new Error(`analyze worker failed: ${e.message}`)));
      w.on("exit", (code) => {
        if (!finished.has(w)) fail(new Error(`analyze worker stopped with code ${code} before its files were done`));
      });
      // Two batches in flight per worker, so it never waits for this thread between batches.
      send(w);
      send(w);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The shift: keyness and theme rates between the two periods, as shift() computes them with unit "event"

/** Keyness (G², defaults of shift) and theme rates between two periods, each event counted once as its deduplicated text. */
export function periodShift(evented: EventArticle[], events: EventRow[], periods: [Period, Period], themes: Theme[]): { keyness: KeynessRow[]; themeShift: ThemeChange[] } {
  const sides = periods.map((p) => {
    const ids = new Set(p.events);
    const members = new Map<string, EventArticle[]>();
    for (const a of evented) {
      if (!a.event || !ids.has(a.event)) continue;
      const list = members.get(a.event);
      if (list) list.push(a);
      else members.set(a.event, [a]);
    }
    let counts: TermCounts = { tokens: 0, units: 0, terms: new Map() };
    const forms = new Map<string, Map<string, number>>();
    const hits = new Map<string, number>();
    let words = 0;
    for (const e of events) {
      if (!ids.has(e.event)) continue;
      // Fresh copies: the tokens eventDocuments caches on them go when this event is done.
      const [doc] = eventDocuments((members.get(e.event) ?? []).map((a) => ({ ...a })), [e]);
      const unit: Article = { id: doc.id, file: "", title: doc.id, outlet: null, url: null, date: doc.date, dateSource: null, text: doc.text, words: doc.words, warnings: [] };
      const c = countTerms([unit]);
      counts = addCounts(counts, c.counts);
      for (const [stem, fs] of c.forms) {
        const m = forms.get(stem) ?? new Map<string, number>();
        for (const [f, k] of fs) m.set(f, (m.get(f) ?? 0) + k);
        forms.set(stem, m);
      }
      for (const row of countThemes([unit], themes)) hits.set(row.theme, (hits.get(row.theme) ?? 0) + row.hits);
      words += unit.words;
    }
    return { counts, forms, hits, words };
  });
  const [a, b] = sides;
  const key = keyness(a.counts, b.counts, { surface: surfaceForms(a.forms, b.forms) });
  return { keyness: key, themeShift: themeChangeFromTotals(a, b, themes) };
}

/** countTerms over units one after another: totals add up, and terms keep their first-seen order. */
function addCounts(into: TermCounts, c: TermCounts): TermCounts {
  into.tokens += c.tokens;
  into.units += c.units;
  for (const [stem, v] of c.terms) {
    const have = into.terms.get(stem);
    if (have) {
      have.count += v.count;
      have.units += v.units;
    } else into.terms.set(stem, { count: v.count, units: v.units });
  }
  return into;
}
