import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, themesFor, UsageError } from "../cli-util.js";
import { matchesText, themeReach } from "../themes.js";
import { eventKeys } from "../events.js";

export const summary = "count the themes of data/themes.yml in each article, and list the phrases the corpus repeats";
export const usage = `usage: talkingpoints themes [DIR=data/articles] [--themes FILE] [--json | --csv]
  --themes FILE  the theme dictionary (default data/themes.yml)
  --json         {"themes": [{id, label}], "counts": [{article, theme, hits, per1k, matches}], "phrases": [{phrase, articles, count}],
                 "reach": [{theme, label, articles, hits, events, periods}]}
  --csv          one row per article and theme (zeros included), matches as "form×count; …"
Without --json or --csv: the themes ranked by reach, the hits per article, and the 30 most shared phrases.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { themes: { type: "string" }, json: { type: "boolean" }, csv: { type: "boolean" } }, "themes");
  const format = outputFormat(values, "themes");
  if (positionals.length > 1) throw new UsageError(`talkingpoints themes: expected at most one folder, got ${positionals.length} arguments`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "themes");
  themesFor(values.themes, "themes");
  const an = await analysisFor(dir, "themes", values.themes);
  const themes = an.themes(), articles = an.articles(), problems = an.problems();
  reportProblems(problems);
  const counts = an.themeCounts();
  if (format === "csv") {
    printRows(counts.map((c) => ({ ...c, per1k: Math.round(c.per1k * 1000) / 1000, matches: matchesText(c.matches) })), "csv");
    return 0;
  }
  const phrases = an.phrases();
  // Reach in events and periods, not only articles: three outlets carrying one briefing is one event.
  const grouped = { articles, events: an.events() };
  const reach = themeReach(counts, grouped.articles, themes, eventKeys(grouped.events));
  if (format === "json") {
    printRows([], "json", undefined, { themes: themes.map((t) => ({ id: t.id, label: t.label })), counts, phrases, reach });
    return 0;
  }
  process.stdout.write(`Themes by reach (${articles.length} articles, ${grouped.events.length} events)\n`);
  printRows(reach as unknown as Array<Record<string, unknown>>, "table");
  process.stdout.write(`\nHits per article (hits per 1,000 words)\n`);
  printRows(counts.filter((c) => c.hits > 0).map((c) => ({ article: c.article, theme: c.theme, hits: c.hits, per1k: Math.round(c.per1k * 10) / 10, matches: matchesText(c.matches) })), "table");
  process.stdout.write(`\nRecurring phrases (${phrases.length}; the 30 shared by most articles)\n`);
  printRows(phrases.slice(0, 30) as unknown as Array<Record<string, unknown>>, "table", ["articles", "count", "phrase"]);
  return 0;
}
