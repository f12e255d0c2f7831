import { loadArticles } from "../corpus.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { assignEvents } from "../events.js";
import { coverage, coverageCellRows, coverageMatrixRows, coverageReportRows } from "../coverage.js";

export const summary = "for each briefing reported more than once: which passages each report carried, paraphrased or left out";
export const usage = `usage: talkingpoints coverage [DIR=data/articles] [--event ID] [--json | --csv]
  --event ID        only this event (an id from \`talkingpoints timeline --by event\` or this command's output)
  --json            {"events": [{event, date, title, passages: [{passage, text, from, carried, paraphrased}],
                     reports: [{article, outlet, title, words, carried, paraphrased, leftOut}],
                     cells: [{passage, article, status, copy, similarity, sentence}]}]}
  --csv             one row per report × passage: event, passage, text, article, outlet, status, copy, similarity, sentence
Passages are the briefing's distinct sentences. "carried": the report holds at least half of the passage's wording;
"paraphrased": a sentence of the report says it in other words (similar content words, or shared figures and names);
"left out": neither. Events of one report are not listed.`;

const clip = (s: string, n = 72) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { event: { type: "string" }, json: { type: "boolean" }, csv: { type: "boolean" } }, "coverage");
  const format = outputFormat(values, "coverage");
  if (positionals.length > 1) throw new UsageError(`talkingpoints coverage: expected at most one folder, got ${positionals.length} arguments`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "coverage");
  const { articles, problems } = loadArticles(dir);
  reportProblems(problems);
  if (!articles.length) throw new UsageError(`talkingpoints coverage: no articles found in ${dir}`, 1);
  const grouped = assignEvents(articles);
  const all = coverage(grouped.articles, grouped.events);
  let cs = all;
  if (values.event !== undefined) {
    const e = grouped.events.find((x) => x.event === values.event);
    if (!e) throw new UsageError(`talkingpoints coverage: no event "${values.event}"; events of several reports: ${all.map((c) => c.event).join(", ") || "none"}`);
    cs = all.filter((c) => c.event === e.event);
    if (!cs.length) throw new UsageError(`talkingpoints coverage: event "${e.event}" has one report (${e.articles[0]}): nothing to compare`, 1);
  }
  if (format === "json") {
    printRows([], "json", undefined, { events: cs });
    return 0;
  }
  if (format === "csv") {
    printRows(coverageCellRows(cs), "csv");
    return 0;
  }
  const out = (s: string) => process.stdout.write(s);
  if (!cs.length) out(`No event has more than one report (${grouped.events.length} event${grouped.events.length === 1 ? "" : "s"} of one article each).\n`);
  for (const c of cs) {
    out(`\n${c.event}${c.date ? ` (${c.date})` : ""}: ${c.passages.length} passages, ${c.reports.length} reports — ${clip(c.title, 60)}\n`);
    printRows(coverageReportRows([c]).map(({ event: _e, passages: _p, ...r }) => r), "table");
    out("\n");
    printRows(coverageMatrixRows(c).map((r) => ({ ...r, text: clip(String(r.text)) })), "table");
  }
  return 0;
}
