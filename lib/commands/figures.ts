import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { figureRows, formatValue, QUANTITY_KINDS } from "../figures.js";
import { driftRows, recurringRows } from "../plot-figures.js";
import { claimDriftRows, claimRows, figureClaims } from "../claims.js";

export const summary = "the figure ledger: every number the articles use, the figures they repeat, and claims whose figure changed";
export const usage = `usage: talkingpoints figures [DIR=data/articles] [--claims] [--speaker NAME] [--json | --csv]
  --claims the claims view: mentions that agree in value (hedges and rounding allowed) about the same thing, one
           row each with status (held, drifted, once), first and last date and event, values over time, outlets
           and every written form, then the drift side by side; with --json {"claims": [...], "drift": [...]},
           with --csv one row per claim
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  --json   {"figures": [{article, kind, value, high?, unit, what, qualifier, text, sentence, start, end}],
            "recurring": [{kind, value, unit, label, what, articles, mentions, first, last}],
            "drift": [{kind, claim, groups: [...], first, last}]}
  --csv    one row per figure, dates and ordinals included
Without --json or --csv: the quantities (percent, money, count, duration) article by article, then the recurring
figures and the drift. Exits 1 when DIR holds no articles.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: "boolean" }, csv: { type: "boolean" }, claims: { type: "boolean" }, speaker: { type: "string" } }, "figures");
  const format = outputFormat(values, "figures");
  if (positionals.length > 1) throw new UsageError(`talkingpoints figures: expected at most one folder, got ${positionals.length} arguments`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "figures");
  const an = await analysisFor(dir, "figures", undefined, values.speaker);
  const articles = an.articles(), problems = an.problems();
  reportProblems(problems);
  const figures = an.figures();
  if (values.claims) {
    const { claims, drift } = figureClaims(figures, articles);
    if (format === "json") printRows([], "json", undefined, { claims: claims.map(({ mentions, ...c }) => ({ ...c, articles: c.articles, mentions: mentions.length })), drift: drift.map((d) => ({ ...d, claims: d.claims.map((c) => c.id) })) });
    else if (format === "csv") printRows(claimRows(claims), "csv");
    else {
      process.stdout.write(`Claims (${claims.length} from ${figures.filter((f) => QUANTITY_KINDS.includes(f.kind)).length} quantities in ${articles.length} articles)\n`);
      printRows(claimRows(claims), "table", ["id", "claim", "status", "first", "last", "events", "overTime", "outlets", "forms"]);
      process.stdout.write(`\nDrift (one subject, values that disagree over time; never merged)\n`);
      printRows(claimDriftRows(drift), "table", ["subject", "claim", "values", "first", "last", "articles", "forms"]);
    }
  } else if (format === "csv") {
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
