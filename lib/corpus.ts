// Stage 1: files → articles. Every file seen ends as an article or a listed problem.
import fs from "node:fs";
import path from "node:path";
import type { Article, LoadResult, Problem } from "./types.js";
import { decodeBytes, sniffHtmlCharset } from "./decode.js";
import { formatFor, supportedExtensions } from "./formats/index.js";
import { isProblem, type ParsedRecord, type RecordProblem } from "./formats/format.js";
import { html } from "./formats/html.js";
import { articleDate, today } from "./dates.js";
import { datelineForm } from "./datelines.js";
import { errorText, walkFiles } from "./walk.js";
import { loadOutlets, outletOf, type OutletList } from "./outlets.js";
import { loadSpeakers, mainSpeaker, type SpeakerList } from "./speakers.js";
import { charClass, hasSurrogates, LETTER, NUMBER } from "./chars.js";

export interface LoadOptions {
  /** Largest file read, in bytes; larger files are problems. Default DEFAULT_MAX_BYTES (20 MB). */
  maxBytes?: number;
  /** Outlet alias file; default data/outlets.yml under the working directory. */
  outletsFile?: string;
  /** Speaker alias file; default data/speakers.yml under the working directory. */
  speakersFile?: string;
  /** The day a year-less dateline with nothing else to date it is resolved against (YYYY-MM-DD); default today. */
  today?: string;
}

/** What loading reads besides the files: the outlet and speaker lists, and the reference day for a missing year. */
export interface LoadContext {
  outlets: OutletList;
  speakers: SpeakerList;
  today?: string;
}

/**
 * Files above this size are listed as problems, not read: 20 MB is far more than any article
 * (the seeds are 2–9 KB) and keeps a stray video or database dump from filling memory.
 */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** The folder the notebooks and CLI read: $TALKINGPOINTS_DATA, else data/articles. */
export function dataDir(): string {
  return process.env.TALKINGPOINTS_DATA || "data/articles";
}

/**
 * Load articles from a folder (recursively) or a list of files.
 * @return `{articles, problems}`: articles in file order with unique ids; a problem per file or record that is not an article.
 */
export function loadArticles(folderOrFiles: string | string[], options: LoadOptions = {}): LoadResult {
  const { maxBytes = DEFAULT_MAX_BYTES, outletsFile = "data/outlets.yml", speakersFile = "data/speakers.yml", today: day } = options;
  if (typeof maxBytes !== "number" || !(maxBytes > 0)) throw new Error(`loadArticles: maxBytes must be a positive number of bytes, got ${String(maxBytes)}`);
  const { files, problems } = corpusFiles(folderOrFiles);
  const outlets = loadOutletsSafely(outletsFile);
  if (outlets.problem) problems.push(outlets.problem);
  const speakers = loadSpeakersSafely(speakersFile);
  if (speakers.problem) problems.push(speakers.problem);
  const context: LoadContext = { outlets: outlets.aliases, speakers: speakers.speakers, today: day ?? today() };
  const articles: Article[] = [];
  for (const f of files) {
    const r = loadFile(f.abs, f.rel, maxBytes, context);
    articles.push(...r.articles);
    problems.push(...r.problems);
  }
  uniqueIds(articles);
  return { articles, problems };
}

/**
 * The files loadArticles reads, in its order (folders walked recursively and sorted), each with the path it is
 * listed under. Used by analyze to hand the files to worker threads.
 * @return `{files: [{abs, rel}], problems}`: problems for missing roots, hidden files, broken links…
 */
export function corpusFiles(folderOrFiles: string | string[]): { files: Array<{ abs: string; rel: string }>; problems: Problem[] } {
  const roots = Array.isArray(folderOrFiles) ? folderOrFiles : [folderOrFiles];
  const problems: Problem[] = [];
  const files: Array<{ abs: string; rel: string }> = [];
  for (const root of roots) {
    let isDir: boolean;
    try {
      isDir = fs.statSync(root).isDirectory();
    } catch (e) {
      problems.push({ file: root, reason: `${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : `unreadable (${errorText(e)})`}` });
      continue;
    }
    const base = isDir ? root : path.dirname(root);
    // The walk joins names onto the root (path.join, so normalised): under a folder, a path's name relative to
    // `base` is what follows `base/`, found without resolving both paths against the working directory.
    const prefix = isDir ? path.join(base, path.sep) : null;
    const rel = (abs: string) => (prefix && abs.length > prefix.length && abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(base, abs))
      .split(path.sep).join("/") || path.basename(abs);
    const walked = walkFiles(root, rel);
    problems.push(...walked.problems);
    for (const abs of walked.files) files.push({ abs, rel: rel(abs) });
  }
  return { files, problems };
}

/** A broken outlets file is a problem on the list, not a crash: the articles load without aliases. */
export function loadOutletsSafely(file: string): { aliases: OutletList; problem?: Problem } {
  try {
    return { aliases: loadOutlets(file) };
  } catch (e) {
    return { aliases: { outlets: [] }, problem: { file, reason: `outlet aliases not used: ${String((e as Error).message ?? e).split("\n")[0]}` } };
  }
}

/** A broken speakers file is a problem on the list, not a crash: speakers are then found by their names alone. */
export function loadSpeakersSafely(file: string): { speakers: SpeakerList; problem?: Problem } {
  try {
    return { speakers: loadSpeakers(file) };
  } catch (e) {
    return { speakers: { speakers: [], titles: [], organisations: [] }, problem: { file, reason: `speaker aliases not used: ${String((e as Error).message ?? e).split("\n")[0]}` } };
  }
}

// Callers that pass only an outlet list (analyze's workers) get data/speakers.yml from the working directory, read once.
let defaultSpeakers: SpeakerList | null = null;
function contextOf(c: OutletList | LoadContext | undefined): LoadContext {
  if (c && "speakers" in c) return c;
  defaultSpeakers ??= loadSpeakersSafely("data/speakers.yml").speakers;
  return { outlets: c ?? { outlets: [] }, speakers: defaultSpeakers, today: today() };
}

/** Read one file into its articles and problems. Never throws: anything that goes wrong is a problem naming the file. */
export function loadFile(abs: string, rel: string, maxBytes: number = DEFAULT_MAX_BYTES, dictionaries?: OutletList | LoadContext): LoadResult {
  const context = contextOf(dictionaries);
  const fail = (reason: string): LoadResult => ({ articles: [], problems: [{ file: rel, reason }] });
  const ext = path.extname(abs).toLowerCase();
  const format = formatFor(ext);
  if (!format) return fail(`unsupported extension "${ext || "(none)"}" (skipped; the loader reads ${supportedExtensions().join(" ")})`);
  let bytes: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > maxBytes) return fail(`larger than the ${sizeText(maxBytes)} limit (${sizeText(size)}; skipped)`);
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return fail(`unreadable (${errorText(e)})`);
  }
  if (bytes.length === 0) return fail("empty file");
  const decoded = decodeBytes(bytes, { declared: format === html ? sniffHtmlCharset(bytes) : null });
  if ("problem" in decoded) return fail(decoded.problem);
  if (!decoded.text.trim()) return fail("whitespace only");
  const stem = path.basename(abs, path.extname(abs));
  const out: LoadResult = { articles: [], problems: [] };
  let records: Array<ParsedRecord | RecordProblem>;
  try {
    records = format.parse(decoded.text.replace(/^\uFEFF/, ""), rel);
  } catch (e) {
    return fail(`could not be parsed (${String((e as Error).message ?? e).split("\n")[0].slice(0, 160)})`);
  }
  for (const r of records) {
    const line = r.line !== undefined ? { line: r.line } : {};
    if (isProblem(r)) {
      // A reason may quote the file (a CSV header cell): keep it on one line for the CLI's one-line listing.
      out.problems.push({ file: rel, reason: r.problem.replace(/\s+/g, " ").trim(), ...line });
      continue;
    }
    if (!r.text.trim()) {
      out.problems.push({ file: rel, reason: `${r.line !== undefined ? `line ${r.line}: ` : ""}no article text`, ...line });
      continue;
    }
    // Records of .jsonl/.csv/.json lists carry their line: "<stem>-<line>" and "file#line" point back to it.
    const id = r.id ?? (r.line !== undefined ? `${stem}-${r.line}` : stem);
    const file = r.line !== undefined ? `${rel}#${r.line}` : rel;
    try {
      out.articles.push(toArticle(r, id, file, [...decoded.warnings, ...(r.warnings ?? [])], context));
    } catch (e) {
      out.problems.push({ file: rel, reason: `could not be read as an article (${String((e as Error).message ?? e).split("\n")[0].slice(0, 160)})`, ...line });
    }
  }
  if (!records.length) out.problems.push({ file: rel, reason: "no articles in the file" });
  return out;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

function toArticle(r: ParsedRecord, id: string, file: string, warnings: string[], context: LoadContext): Article {
  const text = flatCopy(r.text.replace(/\r\n?/g, "\n").trim());
  const url = r.url ?? null;
  const d = articleDate(text, r.date, r.date ? r.dateSource ?? "field" : null, url, context.today ?? today());
  warnings.push(...d.warnings);
  const { outlet, wire } = outletOf(text, r.outlet, url, context.outlets);
  return {
    id,
    file,
    title: r.title?.trim() || titleFrom(text),
    outlet,
    url,
    date: d.date,
    dateSource: d.dateSource,
    text,
    words: countWords(text),
    warnings,
    wire,
    speaker: mainSpeaker(text, context.speakers),
  };
}

/**
 * The same text as a string of its own. A slice of the file's text is a view V8 keeps into the whole file, and
 * reading a view a character at a time (countWords, the tokenisers, the figure reader) cost some 17 more machine
 * instructions per character than reading a string of its own (perf stat). Copying through UTF-8 is native and
 * exact for every string without lone surrogates; a text with surrogates is kept as it is.
 */
function flatCopy(text: string): string {
  return hasSurrogates(text) ? text : Buffer.from(text, "utf8").toString("utf8");
}

/** A title for text that has none: a short first line (a headline), else the first sentence without its dateline, cut at 100 characters. */
export function titleFrom(text: string): string {
  // A byline ("F.P. Report") is shorter than a headline; a first paragraph is longer or ends in a full stop.
  // The first line of four words or more, else the first line that is not blank (read only as far as needed).
  let first: string | null = null;
  for (let from = 0; from <= text.length; ) {
    const end = text.indexOf("\n", from);
    const to = end < 0 ? text.length : end;
    const line = text.slice(from, to).trim();
    from = to + 1;
    if (!line) continue;
    first ??= line;
    if (line.split(/\s+/).length >= 4) {
      first = line;
      break;
    }
  }
  first ??= "";
  if (first.length <= 120 && !/[.:]$/.test(first)) return first;
  // A dateline by its form ("ISLAMABAD, Dec 26 (APP):", "MOSCOW, March 3 (Reuters) -") is not part of the title.
  const dateline = datelineForm(first);
  const body = dateline && (dateline.parts || dateline.tags.length) ? first.slice(first.indexOf(dateline.text) + dateline.text.length).trim() : first.replace(DATELINE_PREFIX, "");
  const sentence = firstSentence(body);
  return sentence.length <= 100 ? sentence : sentence.slice(0, 99).replace(/\s+\S*$/, "") + "…";
}

// "Islamabad, February 25, 2025:", "ISLAMABAD:", "ISLAMABAD, (UrduPoint / Pakistan Point News - 23rd Sep, 2025)"
const DATELINE_PREFIX = /^\p{Lu}[\p{L} ]{1,30}?(?:,\s*\([^)\n]{0,80}\)\s*|(?:,\s*[^:\n]{3,25}?\d{4})?\s*:\s*)/u;

/** The first sentence: up to a . ! or ? before a capital, not after an initial such as "Albert P." */
export function firstSentence(s: string): string {
  const re = /[.!?](?=\s+[\p{Lu}“"‘(]|\s*$)/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 4), m.index);
    if (m[0] === "." && /(?:^|[\s.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|No|Vol)$/u.test(before)) continue;
    return s.slice(0, m.index + 1);
  }
  return s;
}

/** Words as a reader counts them: runs of letters or digits (with inner apostrophes, hyphens, dots and commas). */
export function countWords(text: string): number {
  if (hasSurrogates(text)) return text.match(WORD)?.length ?? 0;
  let words = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!letterOrNumber(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A run, then any number of (joiner, run): the regex's match, counted without making it.
    i++;
    for (;;) {
      while (i < n && letterOrNumber(text.charCodeAt(i))) i++;
      if (i + 1 < n && joinsWords(text.charCodeAt(i)) && letterOrNumber(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    words++;
  }
  return words;
}

const WORD = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu;

/** ' ’ . , - : the characters that join two runs into one word (compared, not looked up: this runs per word). */
function joinsWords(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45;
}

function letterOrNumber(c: number): boolean {
  const k = charClass(c);
  return k === LETTER || k === NUMBER;
}

/** Make ids unique in place: the second "a" becomes "a-2", the third "a-3"; each renamed article says so in a warning. */
export function uniqueIds(articles: Array<Pick<Article, "id" | "file" | "warnings">>): void {
  const first = new Map<string, Pick<Article, "file">>();
  const count = new Map<string, number>();
  const taken = new Set(articles.map((a) => a.id));
  for (const a of articles) {
    const owner = first.get(a.id);
    if (!owner) {
      first.set(a.id, a);
      continue;
    }
    let k = (count.get(a.id) ?? 1) + 1;
    while (taken.has(`${a.id}-${k}`)) k++;
    count.set(a.id, k);
    taken.add(`${a.id}-${k}`);
    a.warnings.push(`id "${a.id}" is also used by ${owner.file}; this article is "${a.id}-${k}"`);
    a.id = `${a.id}-${k}`;
  }
}
