import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { figureRows, formatValue, QUANTITY_KINDS } from "../figures.js";
import { driftRows, recurringRows } from "../plot-figures.js";

export const summary = "the figure ledger: every number the articles use, the figures they repeat, and claims whose figure changed";
export const usage = `usage: talkingpoints figures [DIR=data/articles] [--json | --csv]
  --json   {"figures": [{article, kind, value, high?, unit, what, qualifier, text, sentence, start, end}],
            "recurring": [{kind, value, unit, label, what, articles, mentions, first, last}],
            "drift": [{kind, claim, groups: [...], first, last}]}
  --csv    one row per figure, dates and ordinals included
Without --json or --csv: the quantities (percent, money, count, duration) article by article, then the recurring
figures and the drift. Exits 1 when DIR holds no articles.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: "boolean" }, csv: { type: "boolean" } }, "figures");
  const format = outputFormat(values, "figures");
  if (positionals.length > 1) throw new UsageError(`talkingpoints figures: expected at most one folder, got ${positionals.length} arguments`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "figures");
  const an = await analysisFor(dir, "figures");
  const articles = an.articles(), problems = an.problems();
  reportProblems(problems);
  const figures = an.figures();
  if (format === "csv") {
    printRows(figureRows(figures), "csv");
  } else {
    const recurring = an.recurring();
    const drift = an.drift();
    if (format === "json") {
      printRows([], "json", undefined, { figures, recurring, drift });
    } else {
      const quantities = figures.filter((f) => QUANTITY_KINDS.includes(f.kind));
      process.stdout.write(`Figures (${quantities.length} quantities in ${articles.length} articles; ${figures.length - quantities.length} dates and ordinals not shown, see --csv)\n`);
      printRows(quantities.map((f) => ({
        article: f.article, kind: f.kind, figure: formatValue(f.kind, f.value, f.unit, f.high), qualifier: f.qualifier, what: f.what, text: f.text,
      })), "table");
      process.stdout.write(`\nRecurring figures (stated in two or more articles)\n`);
      printRows(recurringRows(recurring), "table", ["figure", "kind", "articles", "first", "last", "written"]);
      process.stdout.write(`\nDrift (one claim, different figures over time)\n`);
      printRows(driftRows(drift), "table", ["claim", "figure", "articles", "first", "last", "qualifiers"]);
    }
  }
  if (!articles.length) {
    const why = problems.length ? ` (${problems.length} problem${problems.length === 1 ? "" : "s"} listed above)` : "";
    process.stderr.write(`talkingpoints figures: no articles found in ${dir}${why}\n`);
    return 1;
  }
  return 0;
}
