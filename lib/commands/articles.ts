import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder } from "../cli-util.js";

export const summary = "list the articles and the files that could not be read";
export const usage = `usage: talkingpoints articles [DIR=data/articles] [--speaker NAME] [--json | --csv] [--strict]
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  --json    {"articles": [...], "problems": [...]} with every field, text included
  --csv     one row per article (text included)
  --strict  exit 1 when any file or record could not be read (problems are listed on stderr)
Exits 1 when DIR holds no articles.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: "boolean" }, csv: { type: "boolean" }, strict: { type: "boolean" }, speaker: { type: "string" } }, "articles");
  const format = outputFormat(values, "articles");
  const dir = requireFolder(positionals[0] ?? "data/articles", "articles");
  // The analysis's articles: events, dates and warnings resolved as every notebook shows them.
  const an = await analysisFor(dir, "articles", undefined, values.speaker);
  const articles = an.withTexts(), problems = an.problems();
  reportProblems(problems);
  if (format === "json") printRows([], "json", undefined, { articles, problems });
  else if (format === "csv") printRows(articles.map((a) => ({ ...a, warnings: a.warnings.join("; ") })), "csv");
  else printRows(articles.map((a) => ({ id: a.id, date: a.date, from: a.dateSource, outlet: a.outlet, words: a.words, title: a.title, warnings: a.warnings.length })), "table");
  if (!articles.length) {
    const why = problems.length ? ` (${problems.length} problem${problems.length === 1 ? "" : "s"} listed above)` : "";
    process.stderr.write(`talkingpoints articles: no articles found in ${dir}${why}\n`);
    return 1;
  }
  if (values.strict && problems.length) {
    process.stderr.write(`talkingpoints articles: ${problems.length} problem${problems.length === 1 ? "" : "s"} (--strict)\n`);
    return 1;
  }
  return 0;
}
