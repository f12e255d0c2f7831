// Stage 1: files → articles. Every file seen ends as an article or a listed problem.
import fs from "node:fs";
import path from "node:path";
import type { Article, LoadResult, Problem } from "./types.js";
import { decodeBytes } from "./decode.js";
import { formatFor } from "./formats/index.js";
import { isProblem, type ParsedRecord } from "./formats/format.js";
import { validDate, datelineDate } from "./dates.js";
import { walkFiles } from "./walk.js";
import { loadOutlets, outletFromText, type OutletAliases } from "./outlets.js";

export interface LoadOptions {
  /** Largest file read, in bytes; larger files are problems. Default 20 MB. */
  maxBytes?: number;
  /** Outlet alias file; default data/outlets.yml under the working directory. */
  outletsFile?: string;
}

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
  const { maxBytes = DEFAULT_MAX_BYTES, outletsFile = "data/outlets.yml" } = options;
  const roots = Array.isArray(folderOrFiles) ? folderOrFiles : [folderOrFiles];
  const problems: Problem[] = [];
  const files: Array<{ abs: string; rel: string }> = [];
  for (const root of roots) {
    const base = fs.existsSync(root) && fs.statSync(root).isDirectory() ? root : path.dirname(root);
    const rel = (abs: string) => path.relative(base, abs).split(path.sep).join("/") || path.basename(abs);
    if (!fs.existsSync(root)) {
      problems.push({ file: root, reason: "no such file or folder" });
      continue;
    }
    const walked = walkFiles(root, rel);
    problems.push(...walked.problems);
    for (const abs of walked.files) files.push({ abs, rel: rel(abs) });
  }
  const aliases = loadOutlets(outletsFile);
  const articles: Article[] = [];
  for (const f of files) {
    const r = loadFile(f.abs, f.rel, maxBytes, aliases);
    articles.push(...r.articles);
    problems.push(...r.problems);
  }
  uniqueIds(articles);
  return { articles, problems };
}




/** Read one file into its articles and problems. */
export function loadFile(abs: string, rel: string, maxBytes: number, aliases: OutletAliases): LoadResult {
  const ext = path.extname(abs).toLowerCase();
  const format = formatFor(ext);
  if (!format) return { articles: [], problems: [{ file: rel, reason: `unsupported extension "${ext || "(none)"}" (skipped)` }] };
  let bytes: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > maxBytes) return { articles: [], problems: [{ file: rel, reason: `larger than the ${Math.round(maxBytes / 1048576)} MB limit (${size} bytes)` }] };
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return { articles: [], problems: [{ file: rel, reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  if (bytes.length === 0) return { articles: [], problems: [{ file: rel, reason: "empty file" }] };
  const decoded = decodeBytes(bytes);
  if ("problem" in decoded) return { articles: [], problems: [{ file: rel, reason: decoded.problem }] };
  if (!decoded.text.trim()) return { articles: [], problems: [{ file: rel, reason: "whitespace only" }] };
  const stem = path.basename(abs, path.extname(abs));
  const out: LoadResult = { articles: [], problems: [] };
  let records: ReturnType<typeof format.parse>;
  try {
    records = format.parse(decoded.text.replace(/^\uFEFF/, ""), rel);
  } catch (e) {
    return { articles: [], problems: [{ file: rel, reason: `could not be parsed: ${(e as Error).message.split("\n")[0]}` }] };
  }
  for (const r of records) {
    if (isProblem(r)) {
      out.problems.push({ file: r.line ? `${rel}:${r.line}` : rel, reason: r.problem, ...(r.line ? { line: r.line } : {}) });
      continue;
    }
    if (!r.text.trim()) {
      out.problems.push({ file: r.line ? `${rel}:${r.line}` : rel, reason: "no article text", ...(r.line ? { line: r.line } : {}) });
      continue;
    }
    out.articles.push(toArticle(r, records.length > 1 ? (r.id ?? `${stem}-${r.line ?? out.articles.length + 1}`) : (r.id ?? stem),
      r.line && records.length > 1 ? `${rel}#${r.line}` : rel, [...decoded.warnings, ...(r.warnings ?? [])], aliases));
  }
  return out;
}

function toArticle(r: ParsedRecord, id: string, file: string, warnings: string[], aliases: OutletAliases): Article {
  const text = r.text.replace(/\r\n?/g, "\n").trim();
  let date: string | null = null;
  let dateSource: Article["dateSource"] = null;
  if (r.date) {
    date = validDate(r.date);
    if (date) dateSource = r.dateSource ?? "field";
    else warnings.push(`${r.dateSource ?? "date"} date "${r.date}" is not a valid date; ignored`);
  }
  if (!date) {
    date = datelineDate(text);
    if (date) dateSource = "dateline";
  }
  if (!date) warnings.push("no date found (no header, metadata or dateline)");
  return {
    id,
    file,
    title: r.title?.trim() || titleFrom(text),
    outlet: r.outlet?.trim() || outletFromText(text, aliases),
    url: r.url ?? null,
    date,
    dateSource,
    text,
    words: countWords(text),
    warnings,
  };
}

/** A title for text that has none: a short first line (a headline), else the first sentence without its dateline, cut at 100 characters. */
export function titleFrom(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  // A byline ("F.P. Report") is shorter than a headline; a first paragraph is longer or ends in a full stop.
  const body = lines.filter((l) => l.split(/\s+/).length >= 4);
  const first = body[0] ?? lines[0] ?? "";
  if (first.length <= 120 && !/[.:]$/.test(first)) return first;
  const sentence = firstSentence(first.replace(DATELINE_PREFIX, ""));
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
  return text.match(/[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Make ids unique in place: the second "a" becomes "a-2", the third "a-3". */
function uniqueIds(articles: Article[]): void {
  const seen = new Map<string, number>();
  const taken = new Set(articles.map((a) => a.id));
  for (const a of articles) {
    const n = (seen.get(a.id) ?? 0) + 1;
    seen.set(a.id, n);
    if (n === 1) continue;
    let k = n;
    while (taken.has(`${a.id}-${k}`)) k++;
    taken.add(`${a.id}-${k}`);
    a.id = `${a.id}-${k}`;
  }
}
