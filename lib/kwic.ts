// Keyword in context: where a pattern or a theme matched, with the words around it, so a reader can check
// what a count stands for.
import type { Article } from "./types.js";
import { sentences, tokensOf, type Token } from "./tokens.js";
import { compilePattern, findSpans, loadThemes, themePatterns, type Pattern, type Span, type Theme } from "./themes.js";

export interface KwicOptions {
  /** Words shown on each side of the match. Default 8. */
  window?: number;
  /** Show the whole sentence around each match instead of a window of words. Default false. */
  sentence?: boolean;
}

/** One match in context. `left + match + right` reads as the original text (on one line). */
export type KwicRow = {
  article: string;
  date: string | null;
  left: string;
  match: string;
  right: string;
};

/**
 * Every match of a pattern (theme-file syntax: words, phrases, * wildcards), with `window` words either side
 * or, with `sentence: true`, the rest of its sentence.
 * @return Rows in corpus order, then text order. Defaults: window 8, sentence false.
 */
export function kwic(articles: Article[], pattern: string, options: KwicOptions = {}): KwicRow[] {
  let compiled: Pattern;
  try {
    compiled = compilePattern(pattern);
  } catch (e) {
    throw new Error(`kwic: ${(e as Error).message}`);
  }
  return kwicRows(articles, [compiled], checkOptions(options));
}

/**
 * Every match of a theme in context: the same spans that `countThemes` counts, so a theme with 12 hits gives 12 rows.
 * `theme` is a Theme or an id looked up in `options.themes` (default: data/themes.yml).
 */
export function kwicTheme(articles: Article[], theme: Theme | string, options: KwicOptions & { themes?: Theme[] } = {}): KwicRow[] {
  let t: Theme | undefined;
  if (typeof theme === "string") {
    const themes = options.themes ?? loadThemes();
    t = themes.find((x) => x.id === theme);
    if (!t) throw new Error(`kwicTheme: no theme "${theme}"; themes: ${themes.map((x) => x.id).join(", ") || "(none)"}`);
  } else t = theme;
  return kwicRows(articles, themePatterns(t), checkOptions(options));
}

function checkOptions(options: KwicOptions): Required<KwicOptions> {
  const { window = 8, sentence = false } = options;
  if (!Number.isInteger(window) || window < 0) throw new RangeError(`kwic: window must be a whole number of words ≥ 0, not ${window}`);
  return { window, sentence };
}

function kwicRows(articles: Article[], patterns: Pattern[], options: Required<KwicOptions>): KwicRow[] {
  const rows: KwicRow[] = [];
  for (const a of articles) {
    const tokens = tokensOf(a);
    const spans = findSpans(a.text, tokens, patterns);
    if (!spans.length) continue;
    const sents = options.sentence ? sentences(a.text, tokens) : [];
    for (const s of spans) rows.push({ article: a.id, date: a.date, ...context(a.text, tokens, s, options, sents) });
  }
  return rows;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ");

function context(text: string, tokens: Token[], s: Span, options: Required<KwicOptions>, sents: ReturnType<typeof sentences>) {
  const start = tokens[s.first].start;
  const end = tokens[s.last - 1].end;
  let from: number;
  let to: number;
  if (options.sentence) {
    from = sents[tokens[s.first].sentence].start;
    to = sents[tokens[s.last - 1].sentence].end;
  } else {
    from = options.window ? tokens[Math.max(0, s.first - options.window)].start : start;
    to = options.window ? tokens[Math.min(tokens.length, s.last + options.window) - 1].end : end;
  }
  return {
    left: oneLine(text.slice(from, start)).trimStart(),
    match: oneLine(text.slice(start, end)),
    right: oneLine(text.slice(end, to)).trimEnd(),
  };
}
