// Stage 3a: tokens → theme counts. Themes are data (data/themes.yml) a user edits; a pattern is a word or phrase
// with * wildcards, matched on stems so "negotiation" finds "negotiations" and "negotiat*" finds "negotiating",
// and may carry context rules ("anniversar* | with victory, Nazi*, war"). The pattern language is lib/theme-patterns.ts,
// reading and checking the file lib/theme-file.ts; this file counts.
import type { Article } from "./types.js";
import { tokensOf } from "./tokens.js";
import { buildIndex, compilePattern, findSpans, matchForm, spansOf, spanText, type Pattern, type PatternIndex, type Span } from "./theme-patterns.js";
import type { Theme } from "./theme-file.js";

export { compilePattern, findSpans, matchForm, patternProblem, spanText, type Pattern, type PatternRule, type Span } from "./theme-patterns.js";
export { DEFAULT_THEMES_FILE, defaultThemesFile, loadThemes, parseThemes, ThemeFileError, type Theme } from "./theme-file.js";

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

/** Each theme's spans in one article, one pass over its tokens (the spans countThemes counts). */
export function themeSpansAll(article: Pick<Article, "text">, themes: Theme[]): Span[][] {
  return spansOf(article.text, tokensOf(article), themeIndex(themes));
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
