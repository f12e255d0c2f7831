import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { kwic, kwicTheme, type KwicRow } from "../kwic.js";
import { DEFAULT_THEMES_FILE, loadThemes, ThemeFileError } from "../themes.js";

export const summary = "show every match of a word, phrase or theme with the words around it";
export const usage = `usage: talkingpoints kwic PATTERN [DIR=data/articles] [--speaker NAME] [--window N] [--sentence] [--theme [--themes FILE]] [--json | --csv]
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  PATTERN        a word or phrase as in data/themes.yml: "ceasefire", "negotiat*", "prisoner* of war"
  --window N     words shown on each side (default 8)
  --sentence     show the whole sentence around each match
  --theme        PATTERN is a theme id: show every hit of that theme (from --themes FILE, default ${DEFAULT_THEMES_FILE})
  --json | --csv rows of {article, date, left, match, right}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    window: { type: "string" }, sentence: { type: "boolean" }, theme: { type: "boolean" }, themes: { type: "string" },
    json: { type: "boolean" }, csv: { type: "boolean" }, speaker: { type: "string" },
  }, "kwic");
  const format = outputFormat(values, "kwic");
  const [pattern, folder, ...extra] = positionals;
  if (!pattern || !pattern.trim()) throw new UsageError("talkingpoints kwic: give a PATTERN (a word, a phrase, or a theme id with --theme)");
  if (extra.length) throw new UsageError(`talkingpoints kwic: unexpected argument "${extra[0]}" (quote a phrase: "prisoner* of war")`);
  const window = values.window === undefined ? 8 : Number(values.window);
  if (!/^\d+$/.test(values.window ?? "8") || !Number.isSafeInteger(window)) throw new UsageError(`talkingpoints kwic: --window must be a whole number of words, not "${values.window}"`);
  if (values.themes && !values.theme) throw new UsageError("talkingpoints kwic: --themes only makes sense with --theme");
  const dir = requireFolder(folder ?? "data/articles", "kwic");
  const opts = { window, sentence: !!values.sentence };
  let rows: KwicRow[];
  const an = await analysisFor(dir, "kwic", values.themes, values.speaker);
  const articles = an.withTexts(), problems = an.problems();
  try {
    if (values.theme) rows = kwicTheme(articles, pattern, { ...opts, themes: loadThemes(values.themes) });
    else rows = kwic(articles, pattern, opts);
  } catch (e) {
    if (e instanceof ThemeFileError || (e instanceof Error && /^kwic(Theme)?: /.test(e.message))) throw new UsageError(`talkingpoints kwic: ${e.message.replace(/^kwic(Theme)?: /, "")}`);
    throw e;
  }
  reportProblems(problems);
  if (format !== "table") printRows(rows as unknown as Array<Record<string, unknown>>, format);
  else {
    const width = opts.sentence ? 60 : 46;
    printRows(rows.map((r) => ({
      article: r.article,
      left: r.left.length > width ? "…" + r.left.slice(-width + 1) : r.left,
      match: r.match,
      right: r.right.length > width ? r.right.slice(0, width - 1) + "…" : r.right,
    })), "table");
  }
  process.stderr.write(`${rows.length} match${rows.length === 1 ? "" : "es"} in ${new Set(rows.map((r) => r.article)).size} of ${articles.length} articles\n`);
  return 0;
}
