import { analysisFor } from "../cli-analysis.js";
import { parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { PeriodError } from "../periods.js";
import { figureTableRows, shiftOfEvents, periodEventRows, type ShiftResult, type Unit } from "../shift.js";

export const summary = "compare two periods: distinctive terms, theme rates, figures and quotations that came and went";
export const usage = `usage: talkingpoints shift [DIR=data/articles] [--speaker NAME] [--periods A,B | --from DATE --to DATE] [--unit event|article] [--top N] [--themes FILE] [--json]
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  --periods A,B     the two periods: YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO each (default: the earliest and latest months with 500 words of reports or more)
  --from, --to      leave out events before/after these dates, then compare the earliest and latest months left
  --unit event      count each briefing once, however many outlets carried it (default)
  --unit article    count every article
  --top N           terms shown per period in the table (default 15; --json lists every term)
  --themes FILE     the theme dictionary (default data/themes.yml)
  --json            {"periods": [A, B], "keyness": [{term, g2, logRatio, p, countA, countB}], "themes": [{theme, rateA, rateB, change}],
                     "figures": {"appeared", "disappeared", "repeated"}, "quotes": [...]}
G² is Dunning's log-likelihood, signed positive for terms relatively more frequent in B; logRatio is log2(rate in B / rate in A).`;

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    periods: { type: "string" }, from: { type: "string" }, to: { type: "string" }, unit: { type: "string" },
    top: { type: "string" }, themes: { type: "string" }, json: { type: "boolean" }, speaker: { type: "string" },
  }, "shift");
  if (positionals.length > 1) throw new UsageError(`talkingpoints shift: expected at most one folder, got ${positionals.length} arguments`);
  const unit = (values.unit ?? "event") as Unit;
  if (unit !== "event" && unit !== "article") throw new UsageError(`talkingpoints shift: --unit must be event or article, not "${values.unit}"`);
  if (values.periods && (values.from || values.to)) throw new UsageError("talkingpoints shift: give --periods or --from/--to, not both");
  const top = values.top === undefined ? 15 : Number(values.top);
  if (!/^\d+$/.test(values.top ?? "15") || top < 1) throw new UsageError(`talkingpoints shift: --top must be a whole number ≥ 1, not "${values.top}"`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "shift");
  // The analysis's events and dates; the periods and unit asked for are compared on them.
  const an = await analysisFor(dir, "shift", values.themes, values.speaker);
  const themes = an.themes(), articles = an.withTexts(), problems = an.problems();
  reportProblems(problems);
  if (!articles.length) throw new UsageError(`talkingpoints shift: no articles found in ${dir}`, 1);
  let r: ShiftResult;
  try {
    r = shiftOfEvents(articles, an.events(), { periods: values.periods, from: values.from, to: values.to, unit, themes });
  } catch (e) {
    if (e instanceof PeriodError) throw new UsageError(`talkingpoints shift: ${e.message}`);
    throw e;
  }
  if (values.json) {
    printRows([], "json", undefined, {
      periods: r.periods,
      unit: r.unit,
      events: r.events,
      keyness: r.keyness.map((k) => ({ term: k.term, g2: round(k.g2), logRatio: round(k.logRatio), p: k.p, countA: k.countA, countB: k.countB })),
      themes: r.themes.map((t) => ({ theme: t.theme, label: t.label, rateA: round(t.rateA), rateB: round(t.rateB), change: round(t.change) })),
      figures: r.figures,
      quotes: r.quotes,
    });
    return 0;
  }
  printText(r, top);
  return 0;
}

function printText(r: ShiftResult, top: number): void {
  const [a, b] = r.periods;
  const out = (s: string) => process.stdout.write(s);
  out(`A = ${a.label} (${a.from} to ${a.to}), B = ${b.label} (${b.from} to ${b.to}); counted by ${r.unit}: ${r.unitsA} vs ${r.unitsB} ${r.unit}s, ${r.wordsA} vs ${r.wordsB} words\n`);
  out(`A is ${a.why}\nB is ${b.why}\n`);
  printRows(periodEventRows(r).map((e) => ({ period: e.period, event: e.event, date: e.date, articles: e.articles, title: e.title })), "table");
  const key = (rows: typeof r.keyness) => rows.map((k) => ({ term: k.term, G2: round(k.g2, 2), logRatio: round(k.logRatio, 2), p: k.p < 0.001 ? k.p.toExponential(1) : round(k.p, 3), A: k.countA, B: k.countB }));
  out(`\nMore in B (${b.label}): G² > 0\n`);
  printRows(key(r.keyness.filter((k) => k.g2 > 0).slice(0, top)), "table");
  out(`\nMore in A (${a.label}): G² < 0\n`);
  printRows(key(r.keyness.filter((k) => k.g2 < 0).reverse().slice(0, top)), "table");
  out(`\nThemes, hits per 1,000 words (rising first)\n`);
  printRows(r.themes.map((t) => ({ theme: t.theme, A: round(t.rateA, 2), B: round(t.rateB, 2), change: round(t.change, 2), hitsA: t.hitsA, hitsB: t.hitsB })), "table");
  for (const [name, rows] of [["appeared in B", r.figures.appeared], ["gone after A", r.figures.disappeared], ["repeated in both", r.figures.repeated]] as const) {
    out(`\nFigures ${name} (${rows.length})\n`);
    printRows(figureTableRows(rows), "table");
  }
  out(`\nQuotations (${r.quotes.length})\n`);
  printRows(r.quotes.map((q) => ({ status: q.status, events: q.events, speaker: q.speaker, first: q.first, quote: q.quote })), "table");
}
