import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { timelineOfEvents, timelineFigureRows, timelineNotes, timelineRows, TIMELINE_BY, TIMELINE_GAPS, type TimelineBy, type TimelineGaps, type TimelineResult } from "../timeline.js";

export const summary = "every period in order: events, outlets, theme rates and the figures first stated in each";
export const usage = `usage: talkingpoints timeline [DIR=data/articles] [--speaker NAME] [--by month|quarter|event] [--gaps list|merge] [--themes FILE] [--json | --csv]
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  --by month        one row per month from the first dated briefing to the last (default); quarter: 2025-Q1 …; event: one row per briefing
  --gaps list       months (quarters) with no articles are rows of their own, with no rates (default); merge: one row per run of them
  --themes FILE     the theme dictionary (default data/themes.yml)
  --json            {"by", "periods": [{period, from, to, gap, spec, articles, events, outlets, words, themes: [{theme, rate, hits}], figures}],
                     "figures": [{label, first, period, periods, repeatedIn, articles}], "events": [...], "undated": {articles, events, figures}}
  --csv             one row per period: counts, outlets, a rate:<theme> column per theme (empty in a gap), the figures first stated
Rates are hits per 1,000 words with each briefing counted once, as in \`talkingpoints shift\`; compare two periods with
\`talkingpoints shift --periods A,B\` (the "shift" column gives A or B for each period).`;

const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    by: { type: "string" }, gaps: { type: "string" }, themes: { type: "string" }, json: { type: "boolean" }, csv: { type: "boolean" }, speaker: { type: "string" },
  }, "timeline");
  const format = outputFormat(values, "timeline");
  if (positionals.length > 1) throw new UsageError(`talkingpoints timeline: expected at most one folder, got ${positionals.length} arguments`);
  const by = (values.by ?? "month") as TimelineBy;
  if (!TIMELINE_BY.includes(by)) throw new UsageError(`talkingpoints timeline: --by must be month, quarter or event, not "${values.by}"`);
  const gaps = (values.gaps ?? "list") as TimelineGaps;
  if (!TIMELINE_GAPS.includes(gaps)) throw new UsageError(`talkingpoints timeline: --gaps must be list or merge, not "${values.gaps}"`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "timeline");
  const an = await analysisFor(dir, "timeline", values.themes, values.speaker);
  const themes = an.themes(), problems = an.problems();
  // By month with gaps listed, as computed; otherwise walked again on the analysis's events and dates.
  const articles = by === "month" && gaps === "list" ? an.articles() : an.withTexts();
  reportProblems(problems);
  if (!articles.length) throw new UsageError(`talkingpoints timeline: no articles found in ${dir}`, 1);
  const r = by === "month" && gaps === "list" ? an.timeline() : timelineOfEvents(articles, an.events(), { by, gaps, themes });
  if (format === "json") {
    printRows([], "json", undefined, {
      by: r.by,
      periods: r.rows.map((p) => ({
        period: p.period, from: p.from, to: p.to, gap: p.gap, spec: p.spec, articles: p.articles, events: p.events, outlets: p.outlets, words: p.words,
        themes: p.themes.map((t) => ({ theme: t.theme, rate: round(t.rate), hits: t.hits })),
        figures: p.figures.map((f) => f.label),
        articleIds: p.articleIds, eventIds: p.eventIds, title: p.title,
      })),
      figures: r.figures,
      events: r.events,
      undated: r.undated,
    });
    return 0;
  }
  // Notes (gaps, undated articles) go to stderr under --csv so the CSV stays clean.
  const notes = timelineNotes(r);
  if (format === "csv") {
    printRows(timelineRows(r, { digits: 3, gaps }), "csv");
    for (const n of notes) process.stderr.write(`note: ${n}\n`);
    return 0;
  }
  printText(r, notes);
  return 0;
}

function printText(r: TimelineResult, notes: string[]): void {
  const out = (s: string) => process.stdout.write(s);
  const filled = r.rows.filter((p) => !p.gap);
  const span = r.rows.length ? `, ${r.rows[0].from} to ${r.rows[r.rows.length - 1].to}` : "";
  out(`Timeline by ${r.by}: ${r.rows.length} period${r.rows.length === 1 ? "" : "s"}${span} (${filled.length} with articles); theme rates count each briefing once\n`);
  printRows(r.rows.map((p) => ({
    period: p.period, articles: p.articles, events: p.events, outlets: p.outlets, words: p.words, newFigures: p.figures.length, shift: p.spec ?? "(gap)",
  })), "table");
  out(`\nTheme rates, hits per 1,000 words (blank: no articles in the period)\n`);
  printRows(r.themes.map((t, i) => {
    const row: Record<string, unknown> = { theme: t.id };
    for (const p of r.rows) row[p.period] = p.themes[i].rate === null ? "" : round(p.themes[i].rate, 2);
    return row;
  }), "table");
  out(`\nFigures in order of first appearance (${r.figures.length})\n`);
  printRows(timelineFigureRows(r).map((f) => ({ figure: f.figure, first: f.first, period: f.period, repeatedIn: f.repeatedIn })), "table");
  for (const n of notes) out(`\nnote: ${n}`);
  if (notes.length) out("\n");
}
