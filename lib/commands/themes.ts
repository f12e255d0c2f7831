import { analysisFor } from "../cli-analysis.js";
import { outputFormat, parseFlags, printRows, reportProblems, requireFolder, UsageError } from "../cli-util.js";
import { matchesText, themeReach } from "../themes.js";
import { eventKeys } from "../events.js";
import { auditRows, auditThemes } from "../theme-audit.js";
import { candidateRows, themeCandidates } from "../theme-candidates.js";

export const summary = "count the themes of data/themes.yml in each article, and list the phrases the corpus repeats";
export const usage = `usage: talkingpoints themes [DIR=data/articles] [--speaker NAME] [--themes FILE] [--audit | --candidates [--event ID]] [--json | --csv]
  --speaker NAME  only the articles whose speaker is NAME (full name or surname, as the articles hold it)
  --themes FILE  the theme dictionary (default $TALKINGPOINTS_THEMES, else data/themes.yml)
  --audit        per pattern: hits, articles, the share of hits with no other pattern of the theme in their sentence,
                 a flag ("alone": mostly alone, read its lines; "unused": no hit) and a few lines in context
  --candidates   per event: the words and phrases that set it apart that no theme covers, names and titles apart,
                 grouped into candidate themes with a YAML entry to paste into the dictionary
  --event ID     with --candidates: only this event (an id from the list, or its start)
  --json         {"themes": [{id, label}], "counts": [{article, theme, hits, per1k, matches}], "phrases": [{phrase, articles, count}],
                 "reach": [{theme, label, articles, hits, events, periods}]}
  --csv          one row per article and theme (zeros included), matches as "form×count; …"
Without --json or --csv: the themes ranked by reach, the hits per article, and the 30 most shared phrases.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    themes: { type: "string" }, json: { type: "boolean" }, csv: { type: "boolean" }, audit: { type: "boolean" }, candidates: { type: "boolean" }, event: { type: "string" }, speaker: { type: "string" },
  }, "themes");
  const format = outputFormat(values, "themes");
  if (values.audit && values.candidates) throw new UsageError("talkingpoints themes: choose one of --audit and --candidates");
  if (values.event && !values.candidates) throw new UsageError("talkingpoints themes: --event only makes sense with --candidates");
  if (positionals.length > 1) throw new UsageError(`talkingpoints themes: expected at most one folder, got ${positionals.length} arguments`);
  const dir = requireFolder(positionals[0] ?? "data/articles", "themes");
  const an = await analysisFor(dir, "themes", values.themes, values.speaker);
  const themes = an.themes(), articles = an.articles(), problems = an.problems();
  reportProblems(problems);
  // The audit and the candidates read the texts: the analysis's articles with their texts, events as everywhere.
  if (values.audit) return printAudit(auditThemes(an.withTexts(), themes), format);
  if (values.candidates) {
    // The analysis's events and recurring phrases, not grouped or counted again.
    const texts = an.withTexts();
    let events = themeCandidates(texts, themes, { events: { articles: texts, events: an.events() }, recurring: an.phrases() });
    if (values.event) {
      events = events.filter((e) => e.event.startsWith(values.event!));
      if (!events.length) throw new UsageError(`talkingpoints themes: no event starts with "${values.event}"`);
    }
    return printCandidates(events, format);
  }
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

function printAudit(audit: ReturnType<typeof auditThemes>, format: "json" | "csv" | "table"): number {
  if (format === "json") printRows([], "json", undefined, { audit });
  else if (format === "csv") printRows(auditRows(audit), "csv");
  else {
    const rows = auditRows(audit).filter((r) => r.flag !== "unused");
    process.stdout.write(`Patterns that matched (${rows.length} of ${audit.length}; "alone": most hits have no other pattern of the theme in their sentence)\n`);
    printRows(rows.map(({ example, ...r }) => r), "table");
    const flagged = audit.filter((r) => r.flag === "alone");
    if (flagged.length) process.stdout.write(`\nLines to read (${flagged.length} patterns flagged alone)\n`);
    for (const r of flagged) {
      process.stdout.write(`\n${r.theme}: ${r.pattern} (${r.alone} of ${r.hits} alone)\n`);
      for (const e of r.examples) process.stdout.write(`  ${e.alone ? "alone" : "     "}  ${e.article.slice(0, 24)}  …${e.left} [${e.match}] ${e.right}…\n`);
    }
    const unused = audit.filter((r) => r.flag === "unused");
    if (unused.length) process.stdout.write(`\nNo hit in this corpus (${unused.length}): ${unused.map((r) => `${r.theme}: ${r.pattern}`).join("; ")}\n`);
  }
  return 0;
}

function printCandidates(events: ReturnType<typeof themeCandidates>, format: "json" | "csv" | "table"): number {
  if (format === "json") { printRows([], "json", undefined, { events }); return 0; }
  if (format === "csv") { printRows(candidateRows(events), "csv"); return 0; }
  const withAny = events.filter((e) => e.candidates.length);
  process.stdout.write(`Candidate themes: ${withAny.length} of ${events.length} events add words or phrases no theme covers\n`);
  for (const e of withAny) {
    process.stdout.write(`\n${e.event} (${e.date ?? "undated"}, ${e.articles} report${e.articles === 1 ? "" : "s"}): ${e.title}\n`);
    if (e.names.length) process.stdout.write(`  names and titles: ${e.names.slice(0, 8).join("; ")}\n`);
    for (const c of e.candidates) {
      process.stdout.write(`  - ${c.label} (score ${c.score}): ${[...c.terms, ...c.phrases.map((p) => `"${p}"`)].join(", ")}\n`);
      process.stdout.write(c.yaml.replace(/^/gm, "      ").replace(/ +$/, ""));
    }
  }
  return 0;
}

