// Stage 3a: tokens → theme counts. Themes are data (data/themes.yml) a user edits; a pattern is a word or phrase
// with * wildcards, matched on stems so "negotiation" finds "negotiations" and "negotiat*" finds "negotiating".
import fs from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from "yaml";
import type { Article } from "./types.js";
import { lowerOf, stemOf, tokenize, tokensOf, type Token } from "./tokens.js";

/** One theme of the dictionary. */
export interface Theme {
  id: string;
  label: string;
  patterns: string[];
}

/** A theme file that cannot be used: the message names the file, the line and what is wrong. */
export class ThemeFileError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly reason: string) {
    super(`${file}${line ? `:${line}` : ""}: ${reason}`);
    this.name = "ThemeFileError";
  }
}

export const DEFAULT_THEMES_FILE = "data/themes.yml";

/**
 * Read a theme dictionary: `theme-id: {label, patterns: [...]}` (or `theme-id: [patterns...]`, labelled by its id).
 * @return The themes in file order. Throws ThemeFileError (file, line, reason) for a missing or malformed file.
 */
export function loadThemes(file = DEFAULT_THEMES_FILE): Theme[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new ThemeFileError(file, null, `cannot read the theme file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseThemes(text, file);
}

/** Parse theme-file text (see loadThemes); `file` names it in error messages. */
export function parseThemes(text: string, file = "themes.yml"): Theme[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? lines.linePos(node.range[0]).line : null;
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = err.linePos?.[0].line ?? null;
    throw new ThemeFileError(file, line, `not valid YAML: ${err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return [];
  if (!isMap(root)) throw new ThemeFileError(file, lineOf(root), "expected theme entries (theme-id: {label, patterns: [...]}) at the top level");
  const themes: Theme[] = [];
  for (const pair of root.items as Array<Pair<YamlNode, YamlNode | null>>) {
    const keyNode = pair.key;
    const id = isScalar(keyNode) ? String(keyNode.value ?? "").trim() : "";
    if (!id) throw new ThemeFileError(file, lineOf(keyNode), "a theme needs a plain id before the colon");
    const value = pair.value;
    const at = lineOf(value) ?? lineOf(keyNode);
    let label = id;
    let patternsNode: YamlNode | null | undefined;
    if (isSeq(value)) patternsNode = value;
    else if (isMap(value)) {
      for (const p of value.items as Array<Pair<YamlNode, YamlNode | null>>) {
        const k = isScalar(p.key) ? String(p.key.value) : "";
        if (k === "label") {
          if (!isScalar(p.value) || typeof p.value.value !== "string" || !p.value.value.trim())
            throw new ThemeFileError(file, lineOf(p.value) ?? lineOf(p.key), `theme "${id}": label must be a non-empty text`);
          label = p.value.value.trim();
        } else if (k === "patterns") patternsNode = p.value ?? null;
        else throw new ThemeFileError(file, lineOf(p.key), `theme "${id}": unknown key "${k}" (expected label and patterns)`);
      }
      if (patternsNode === undefined) throw new ThemeFileError(file, lineOf(keyNode), `theme "${id}" has no patterns`);
    } else throw new ThemeFileError(file, at, `theme "${id}" should be {label, patterns: [...]} or a list of patterns`);
    if (!isSeq(patternsNode)) throw new ThemeFileError(file, lineOf(patternsNode) ?? at, `theme "${id}": patterns must be a list of words or phrases`);
    if (!patternsNode.items.length) throw new ThemeFileError(file, lineOf(patternsNode) ?? at, `theme "${id}" has no patterns`);
    const patterns: string[] = [];
    for (const item of patternsNode.items as YamlNode[]) {
      const where = lineOf(item) ?? at;
      if (!isScalar(item) || typeof item.value !== "string")
        throw new ThemeFileError(file, where, `theme "${id}": pattern ${isScalar(item) ? JSON.stringify(item.value) : "(a list or map)"} is not a text; quote it`);
      const problem = patternProblem(item.value);
      if (problem) throw new ThemeFileError(file, where, `theme "${id}": ${problem}`);
      patterns.push(item.value.trim());
    }
    themes.push({ id, label, patterns });
  }
  return themes;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns

type PatternWord = { kind: "stem"; stem: string } | { kind: "glob"; re: RegExp } | { kind: "any" };

/** A compiled pattern: one or more alternative word sequences ("cease-fire" also as "ceasefire"). */
export interface Pattern {
  source: string;
  alternatives: PatternWord[][];
}

const PATTERN_HYPHEN = /[-‐‑]/;

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(source: string): string | null {
  if (!source.trim()) return "empty pattern";
  const words = compileWords(source);
  if (!words.length) return `pattern "${source}" has no words`;
  if (words.every((w) => w.kind === "any")) return `pattern "${source}" needs at least one word besides *`;
  return null;
}

function globWord(part: string): PatternWord {
  if (/^\*+$/.test(part)) return { kind: "any" };
  const body = lowerOf(part).replace(/[^\p{L}\p{M}\p{N}'.,*]/gu, "");
  // Only "." needs escaping: with the u flag an escaped "," is a syntax error (found with "1,000*").
  const re = new RegExp(`^${body.replace(/\./g, "\\.").replace(/\*+/g, "[\\p{L}\\p{M}\\p{N}'.,]*")}$`, "u");
  return { kind: "glob", re };
}

function wordsOf(part: string): PatternWord[] {
  if (part.includes("*")) return part.replace(/[^\p{L}\p{M}\p{N}'’.,*]/gu, "") ? [globWord(part)] : [];
  return tokenize(part).map((t) => ({ kind: "stem", stem: t.stem }) as PatternWord);
}

function compileWords(source: string, joinHyphens = false): PatternWord[] {
  const words: PatternWord[] = [];
  for (const chunk of source.trim().split(/\s+/)) {
    const parts = chunk.split(PATTERN_HYPHEN).filter(Boolean);
    if (joinHyphens && parts.length > 1) words.push(...wordsOf(parts.join("")));
    else for (const p of parts) words.push(...wordsOf(p));
  }
  return words;
}

/**
 * Compile a pattern: words and phrases, case-insensitive; a word without * matches any word with the same stem
 * ("negotiation" → negotiations), a word with * matches written forms ("negotiat*" → negotiating, negotiator),
 * a lone * matches any one word. Hyphens separate words ("Russian-speaking" = "Russian speaking") and may also be
 * left out ("cease-fire" also finds "ceasefire", "ceasefire" also finds "cease-fire").
 */
export function compilePattern(source: string): Pattern {
  const problem = patternProblem(source);
  if (problem) throw new Error(problem);
  const split = compileWords(source);
  const alternatives = [split];
  if (PATTERN_HYPHEN.test(source)) {
    const joined = compileWords(source, true);
    if (joined.length !== split.length) alternatives.push(joined);
  }
  return { source, alternatives };
}

function wordMatches(w: PatternWord, lower: string, stem: string): boolean {
  return w.kind === "any" || (w.kind === "stem" ? w.stem === stem : w.re.test(lower));
}

/** The end (exclusive token index) of the longest match of `words` starting at token i, or -1. */
function matchAt(tokens: Token[], i: number, words: PatternWord[], k = 0): number {
  if (k === words.length) return i;
  if (i >= tokens.length || (k > 0 && tokens[i].sentence !== tokens[i - 1].sentence)) return -1;
  const w = words[k];
  let best = -1;
  let lower = "";
  // A word can also match a hyphenated compound written as parts: "cease-fire" for "ceasefire".
  for (let j = i; j < tokens.length && j < i + 4 && (j === i || tokens[j].hyphen); j++) {
    lower += tokens[j].lower;
    if (w.kind === "any" && j > i) break;
    const stem = j === i ? tokens[i].stem : stemOf(lower);
    if (wordMatches(w, lower, stem)) best = Math.max(best, matchAt(tokens, j + 1, words, k + 1));
  }
  return best;
}

/** A stretch of tokens a pattern matched: tokens[first] up to (not including) tokens[last]. */
export interface Span {
  first: number;
  last: number;
}

/**
 * Where any of the patterns match in the tokens: longest match at each start, then matches that overlap or touch
 * (nothing but spaces, hyphens or quotes between them, same sentence) merged, so each span counts once.
 * @return Spans in text order, not overlapping.
 */
export function findSpans(text: string, tokens: Token[], patterns: Pattern[]): Span[] {
  let index = singleIndexes.get(patterns);
  if (!index || index.key !== patternsKey(patterns)) {
    index = buildIndex([patterns]);
    singleIndexes.set(patterns, index);
  }
  return spansOf(text, tokens, index)[0];
}

/** Alternatives of several pattern sets (one per theme), indexed by what their first word must match. */
interface PatternIndex {
  key: string;
  sets: number;
  /** First word without *: by its stem. */
  byStem: Map<string, Array<[number, PatternWord[]]>>;
  /** First word with * or a lone *: tried against each written form once, the answer kept in `byLower`. */
  globs: Array<[number, PatternWord[]]>;
  byLower: Map<string, Array<[number, PatternWord[]]>>;
  /**
   * Every glob's first word starts with a literal prefix of at least `keyLength` characters (0: some has none):
   * `prefixKeys` holds the first keyLength characters of the ASCII ones, so a word whose start is ASCII and not
   * among them matches no glob without a lookup in `byLower`.
   */
  keyLength: number;
  prefixKeys: Set<number>;
}

/** The ASCII prefix `w` begins with, as a number, or -1 when it is shorter than n or one of its first n characters is not ASCII. */
function asciiKey(w: string, n: number): number {
  if (w.length < n) return -1;
  let key = 0;
  for (let k = 0; k < n; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128) return -1;
    key = (key << 7) | c;
  }
  return key;
}

/** The literal start of a glob word ("negotiat" for negotiat*), "" for a lone * (from its regex: ^literal[class]*…$). */
function globPrefix(w: PatternWord): string {
  if (w.kind !== "glob") return "";
  const src = w.re.source;
  const end = src.indexOf("[");
  return src.slice(1, end < 0 ? src.length - 1 : end).replace(/\\([.,])/g, "$1");
}

const singleIndexes = new WeakMap<Pattern[], PatternIndex>();
const patternsKey = (patterns: Pattern[]) => patterns.map((p) => p.source).join("\u0000");

function buildIndex(sets: Pattern[][]): PatternIndex {
  const byStem = new Map<string, Array<[number, PatternWord[]]>>();
  const globs: Array<[number, PatternWord[]]> = [];
  sets.forEach((patterns, set) => {
    for (const p of patterns) for (const alt of p.alternatives) {
      const w = alt[0];
      if (w.kind !== "stem") globs.push([set, alt]);
      else byStem.set(w.stem, [...(byStem.get(w.stem) ?? []), [set, alt]]);
    }
  });
  const prefixes = globs.map(([, alt]) => globPrefix(alt[0]));
  const keyLength = Math.min(3, ...prefixes.map((p) => p.length));
  const prefixKeys = new Set<number>();
  for (const p of prefixes) {
    const key = asciiKey(p, keyLength);
    if (key >= 0) prefixKeys.add(key);
  }
  return { key: sets.map(patternsKey).join("\u0001"), sets: sets.length, byStem, globs, byLower: new Map(), keyLength, prefixKeys };
}

/** The glob alternatives whose first word matches this written form (cached per form). */
function globsFor(index: PatternIndex, lower: string): Array<[number, PatternWord[]]> {
  if (index.keyLength > 0) {
    // A glob matches only words that begin with its prefix: shorter words, and ASCII starts no prefix has, match none.
    if (lower.length < index.keyLength) return NONE;
    const key = asciiKey(lower, index.keyLength);
    if (key >= 0 && !index.prefixKeys.has(key)) return NONE;
  }
  let list = index.byLower.get(lower);
  if (list === undefined) {
    list = index.globs.filter(([, alt]) => wordMatches(alt[0], lower, ""));
    if (index.byLower.size > 200_000) index.byLower.clear();
    index.byLower.set(lower, list);
  }
  return list;
}

const NONE: Array<[number, PatternWord[]]> = [];

/**
 * findSpans for several pattern sets in one pass over the tokens. At each token only the alternatives whose first
 * word can match there are tried (by stem, or by the cached glob test on the written form; before a hyphen, on
 * every joined form matchAt would try), which gives the spans trying every alternative would give.
 */
function spansOf(text: string, tokens: Token[], index: PatternIndex): Span[][] {
  const found: Span[][] = Array.from({ length: index.sets }, () => []);
  const ends = new Int32Array(index.sets).fill(-1);
  const touched: number[] = [];
  const tryAll = (i: number, list: Array<[number, PatternWord[]]>) => {
    for (const [set, alt] of list) {
      const end = matchAt(tokens, i, alt);
      if (end > ends[set]) {
        if (ends[set] < 0) touched.push(set);
        ends[set] = end;
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i + 1 < tokens.length && tokens[i + 1].hyphen) {
      // Before a hyphen the first word may be a compound written in parts: every joined form matchAt tries.
      let lower = "";
      for (let j = i; j < tokens.length && j < i + 4 && (j === i || tokens[j].hyphen); j++) {
        lower += tokens[j].lower;
        tryAll(i, index.byStem.get(j === i ? tokens[i].stem : stemOf(lower)) ?? NONE);
        tryAll(i, globsFor(index, lower));
      }
    } else {
      tryAll(i, index.byStem.get(tokens[i].stem) ?? NONE);
      tryAll(i, globsFor(index, tokens[i].lower));
    }
    for (const set of touched) {
      if (ends[set] > i) found[set].push({ first: i, last: ends[set] });
      ends[set] = -1;
    }
    touched.length = 0;
  }
  return found.map((spans) => {
    const merged: Span[] = [];
    for (const s of spans) {
      const cur = merged[merged.length - 1];
      if (cur && (s.first < cur.last || touching(text, tokens, cur, s))) cur.last = Math.max(cur.last, s.last);
      else merged.push({ ...s });
    }
    return merged;
  });
}

function touching(text: string, tokens: Token[], a: Span, b: Span): boolean {
  if (b.first !== a.last) return false;
  const left = tokens[a.last - 1];
  const right = tokens[b.first];
  return left.sentence === right.sentence && /^[\s\-‐‑"“”'‘’]*$/.test(text.slice(left.end, right.start));
}

/** The text of a span as written, on one line. */
export function spanText(text: string, tokens: Token[], s: Span): string {
  return text.slice(tokens[s.first].start, tokens[s.last - 1].end).replace(/\s+/g, " ");
}

/** The form a match is counted under: lower case, straight quotes, one space. */
export function matchForm(written: string): string {
  return lowerOf(written).replace(/[“”]/g, '"').replace(/[‐‑]/g, "-").replace(/\s+/g, " ");
}

// ---------------------------------------------------------------------------------------------------------------
// Counting

export type ThemeMatch = {
  form: string;
  count: number;
};

/** How often one theme matched in one article. */
export type ThemeCount = {
  article: string;
  theme: string;
  hits: number;
  /** Hits per 1,000 words of the article (article.words). */
  per1k: number;
  /** Each form that matched (lower case), most frequent first. */
  matches: ThemeMatch[];
};

const compiled = new WeakMap<Theme, { key: string; patterns: Pattern[] }>();

/** A theme's patterns, compiled once per theme object. */
export function themePatterns(theme: Theme): Pattern[] {
  const key = theme.patterns.join("\u0000");
  const hit = compiled.get(theme);
  if (hit && hit.key === key) return hit.patterns;
  const patterns = theme.patterns.map(compilePattern);
  compiled.set(theme, { key, patterns });
  return patterns;
}

const themeIndexes = new WeakMap<Theme[], { sets: Pattern[][]; index: PatternIndex }>();

/** One index over every theme's patterns, kept per themes array (rebuilt when a theme's compiled patterns change). */
function themeIndex(themes: Theme[]): PatternIndex {
  const sets = themes.map(themePatterns);
  const hit = themeIndexes.get(themes);
  if (hit && hit.sets.length === sets.length && hit.sets.every((p, i) => p === sets[i])) return hit.index;
  const index = buildIndex(sets);
  themeIndexes.set(themes, { sets, index });
  return index;
}

/** The spans where a theme matched in an article (overlapping and touching matches merged). */
export function themeSpans(article: Pick<Article, "text">, theme: Theme): Span[] {
  return findSpans(article.text, tokensOf(article), themePatterns(theme));
}

/**
 * Count every theme in every article.
 * @return One row per article and theme (zeros included), articles in corpus order, themes in dictionary order.
 */
export function countThemes(articles: Article[], themes: Theme[]): ThemeCount[] {
  const rows: ThemeCount[] = [];
  const count = themeCounter(themes);
  for (const a of articles) rows.push(...count(a));
  return rows;
}

/**
 * countThemes for one article at a time, the themes compiled and indexed once: for counting many articles with
 * one dictionary that does not change meanwhile (analyze's threads). Rows as countThemes gives them.
 */
export function themeCounter(themes: Theme[]): (article: Article) => ThemeCount[] {
  const index = themeIndex(themes);
  return (a) => {
    const tokens = tokensOf(a);
    const spansByTheme = spansOf(a.text, tokens, index);
    return themes.map((t, ti) => {
      const spans = spansByTheme[ti];
      if (!spans.length) return { article: a.id, theme: t.id, hits: 0, per1k: 0, matches: [] };
      const forms = new Map<string, number>();
      for (const s of spans) {
        const f = matchForm(spanText(a.text, tokens, s));
        forms.set(f, (forms.get(f) ?? 0) + 1);
      }
      const matches = Array.from(forms, ([form, count]) => ({ form, count }))
        .sort((x, y) => y.count - x.count || (x.form < y.form ? -1 : x.form > y.form ? 1 : 0));
      return { article: a.id, theme: t.id, hits: spans.length, per1k: a.words ? (spans.length * 1000) / a.words : 0, matches };
    });
  };
}

/** How far a theme reaches across the corpus. Extra numeric columns come from `by` (e.g. events, periods). */
export interface ThemeReach {
  theme: string;
  label: string;
  /** Articles with at least one hit. */
  articles: number;
  hits: number;
  [group: string]: string | number;
}

/**
 * Per theme, how many articles it appears in and how many hits it has in all.
 * `by` adds a column per key counting distinct non-null values among the articles with a hit,
 * e.g. `{ events: (a) => a.event, months: (a) => a.date?.slice(0, 7) }`.
 * @return One row per theme, most articles first, then most hits, then dictionary order.
 */
export function themeReach(
  counts: ThemeCount[],
  articles: Article[],
  themes: Theme[],
  by: Record<string, (a: Article) => string | null | undefined> = {},
): ThemeReach[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const rows = themes.map((t, order) => {
    const hit = counts.filter((c) => c.theme === t.id && c.hits > 0);
    const row: ThemeReach = { theme: t.id, label: t.label, articles: new Set(hit.map((c) => c.article)).size, hits: hit.reduce((n, c) => n + c.hits, 0) };
    for (const [name, key] of Object.entries(by)) {
      const values = new Set<string>();
      for (const c of hit) {
        const a = byId.get(c.article);
        const v = a ? key(a) : null;
        if (v !== null && v !== undefined) values.add(v);
      }
      row[name] = values.size;
    }
    return { row, order };
  });
  rows.sort((x, y) => y.row.articles - x.row.articles || y.row.hits - x.row.hits || x.order - y.order);
  return rows.map((r) => r.row);
}

/** Matched forms as one line of text: "ceasefire×4; truce×3; cease strikes". */
export function matchesText(matches: ThemeMatch[]): string {
  return matches.map((m) => (m.count > 1 ? `${m.form}×${m.count}` : m.form)).join("; ");
}

/** The counts as a table to read: theme labels, per1k rounded to 0.1, matches as text; rows with no hit left out. */
export function themeCountRows(counts: ThemeCount[], themes: Theme[]): Array<Record<string, unknown>> {
  const label = new Map(themes.map((t) => [t.id, t.label]));
  return counts.filter((c) => c.hits > 0).map((c) => ({
    article: c.article, theme: label.get(c.theme) ?? c.theme, hits: c.hits, per1k: Math.round(c.per1k * 10) / 10, matches: matchesText(c.matches),
  }));
}
