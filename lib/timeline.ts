// Stage 6: the whole arc. Where the shift compares two periods, the timeline walks every period of the corpus in
// order — months, quarters or single briefings — with its events, outlets, theme rates and the figures first
// stated in it.
//
// Decisions:
// - An article belongs to the period of its event's date (as in the shift), so a report whose own header date is
//   wrong still counts with the briefing it reports. Articles whose event has no date are no period's: they are
//   counted in `undated`.
// - Theme rates are counted by event, through the shift's own code (eventDocuments, then themeChange), so a
//   period's rate here equals the shift's rateA/rateB for the same period.
// - Every month (or quarter) from the first period to the last is a row. One with no articles is a gap: its
//   counts are 0 and its rates null, never 0, so a chart leaves a hole instead of drawing a fall to zero.
//   `gaps: "merge"` folds a run of empty periods into one row ("2025-03..2025-08") for long, sparse archives.
//   By event there are no gaps: every event has its articles.
// - A figure is "first stated" in the period of its earliest dated mention (the date of the event that mention
//   reports, not the article's own date). Only quantities count (percent, money, count, duration); dates and
//   ordinals are not claims. Every figure counts, also one stated by a single article: it was still first stated
//   somewhere, and a later period may repeat it.
import type { Article } from "./types.js";
import { assignEvents, eventDocuments, eventUnit, type EventArticle, type EventOptions, type EventRow } from "./events.js";
import { themeChange } from "./shift.js";
import { loadThemes, type Theme } from "./themes.js";
import { extractFigures, QUANTITY_KINDS } from "./figures.js";
import { figureGroups } from "./recurring.js";

export type TimelineBy = "month" | "quarter" | "event";
export type TimelineGaps = "list" | "merge";

export const TIMELINE_BY: TimelineBy[] = ["month", "quarter", "event"];
export const TIMELINE_GAPS: TimelineGaps[] = ["list", "merge"];

export interface TimelineOptions {
  /** One row per month (default), quarter or event. */
  by?: TimelineBy;
  /** The theme dictionary; default data/themes.yml. */
  themes?: Theme[];
  /** Empty periods between the first and last: one row each ("list", default) or one row per run ("merge"). */
  gaps?: TimelineGaps;
  events?: EventOptions;
}

/** One theme's rate in one period; rate and hits are null in a gap (no articles, so no rate). */
export interface TimelineThemeRate {
  theme: string;
  label: string;
  /** Hits per 1,000 words of the period's event texts (each briefing once). */
  rate: number | null;
  hits: number | null;
}

/** A figure (the same quantity stated about a compatible thing), with the periods that stated it. */
export interface TimelineFigure {
  /** The figure for a reader, e.g. "75% — Donetsk, Zaporozhye, and Kherson regions". */
  label: string;
  kind: string;
  value: number;
  unit: string;
  /** The thing it measures ("prisoners of war"; "" when no mention says). */
  what: string;
  /** Date of the earliest dated mention (its event's date). */
  first: string;
  /** Period of that mention. */
  period: string;
  /** Every period that stated it, in order; `repeatedIn` is the same without the first. */
  periods: string[];
  repeatedIn: string[];
  /** Articles that state it (undated ones included). */
  articles: string[];
}

/** One period of the timeline. */
export interface TimelineRow {
  /** "2025-02", "2025-Q1", or an event id ("ev-2025-02-25-4b1275"); a merged gap is "2025-03..2025-08". */
  period: string;
  /** Inclusive span of days. */
  from: string;
  to: string;
  /** True when no article falls in the period. */
  gap: boolean;
  /** What to pass to `talkingpoints shift --periods` to compare this period (null for gaps). */
  spec: string | null;
  articles: number;
  events: number;
  outlets: string[];
  /** Words of the period's event texts: the denominator of the rates. */
  words: number;
  /** Every theme in dictionary order. */
  themes: TimelineThemeRate[];
  /** Figures first stated in this period. */
  figures: TimelineFigure[];
  articleIds: string[];
  eventIds: string[];
  /** By event: the event's title; otherwise null. */
  title: string | null;
}

export interface TimelineResult {
  by: TimelineBy;
  rows: TimelineRow[];
  themes: Theme[];
  /** Every event of the corpus (undated last), each article's event on `articles`. */
  events: EventRow[];
  articles: EventArticle[];
  /** Every figure with a dated mention, in order of first appearance. */
  figures: TimelineFigure[];
  /** Articles no period holds: their event has no date. */
  undated: { articles: string[]; events: string[]; figures: number };
}

/**
 * The corpus period by period, in order.
 * @return One row per month (default), quarter or event from the first dated period to the last, empty periods
 *   as gap rows with null rates; the figures in order of first appearance; what had no date. Defaults: by month,
 *   data/themes.yml, gaps listed. Throws RangeError naming a bad `by` or `gaps`.
 */
export function timeline(articles: Article[], options: TimelineOptions = {}): TimelineResult {
  const { by = "month", gaps = "list" } = options;
  if (!TIMELINE_BY.includes(by)) throw new RangeError(`timeline: by must be ${choices(TIMELINE_BY)}, not "${by}"`);
  if (!TIMELINE_GAPS.includes(gaps)) throw new RangeError(`timeline: gaps must be ${choices(TIMELINE_GAPS)}, not "${gaps}"`);
  const themes = options.themes ?? loadThemes();
  const { articles: evented, events } = assignEvents(articles, options.events);
  return buildTimeline(evented, events, themes, by, gaps);
}

/**
 * timeline() on articles already grouped into events (assignEvents' result), so a caller that grouped them once
 * (the analysis) walks the periods with the same events and dates as every other view. Same defaults as timeline().
 */
export function timelineOfEvents(evented: EventArticle[], events: EventRow[], options: Omit<TimelineOptions, "events"> = {}): TimelineResult {
  const { by = "month", gaps = "list" } = options;
  if (!TIMELINE_BY.includes(by)) throw new RangeError(`timeline: by must be ${choices(TIMELINE_BY)}, not "${by}"`);
  if (!TIMELINE_GAPS.includes(gaps)) throw new RangeError(`timeline: gaps must be ${choices(TIMELINE_GAPS)}, not "${gaps}"`);
  return buildTimeline(evented, events, options.themes ?? loadThemes(), by, gaps);
}

function buildTimeline(articles: EventArticle[], events: EventRow[], themes: Theme[], by: TimelineBy, gaps: TimelineGaps): TimelineResult {
  const dated = events.filter((e) => e.date);
  const eventKey = new Map(dated.map((e) => [e.event, periodKey(e, by)]));
  const keys = periodKeys(dated, by);

  const docs = new Map(eventDocuments(articles, dated).map((d) => [d.id, d]));
  const byEvent = groupBy(articles.filter((a) => a.event), (a) => a.event!);

  const figures = figureTimeline(articles, dated, eventKey);
  const eventsIn = groupBy(dated, (e) => eventKey.get(e.event)!);
  const figuresIn = groupBy(figures.dated, (f) => f.period);
  const rows: TimelineRow[] = keys.map((key) => {
    const evs = eventsIn.get(key) ?? [];
    const span = spanOf(key, by, evs);
    if (!evs.length) return gapRow(key, span, themes);
    const members = evs.flatMap((e) => byEvent.get(e.event) ?? []);
    // The shift's code path: each event's deduplicated text as one unit, rated by themeChange.
    const units = evs.map((e) => eventUnit(docs.get(e.event)!));
    const words = units.reduce((n, u) => n + u.words, 0);
    const rated = new Map(themeChange(units, [], themes).map((t) => [t.theme, t]));
    return {
      period: key,
      from: span.from,
      to: span.to,
      gap: false,
      spec: by === "month" ? key : by === "quarter" ? `${span.from.slice(0, 7)}..${span.to.slice(0, 7)}` : evs[0].date!,
      articles: members.length,
      events: evs.length,
      outlets: Array.from(new Set(members.map((a) => a.outlet).filter((o): o is string => !!o))).sort(),
      words,
      themes: themes.map((t) => ({
        theme: t.id,
        label: t.label,
        // No words (event texts with no sentences) means no rate, as in a gap.
        rate: words ? rated.get(t.id)!.rateA : null,
        hits: words ? rated.get(t.id)!.hitsA : null,
      })),
      figures: figuresIn.get(key) ?? [],
      articleIds: members.map((a) => a.id),
      eventIds: evs.map((e) => e.event),
      title: by === "event" ? evs[0].title : null,
    };
  });

  const undatedEvents = events.filter((e) => !e.date).map((e) => e.event);
  const undatedSet = new Set(undatedEvents);
  return {
    by,
    rows: gaps === "merge" ? mergeGaps(rows) : rows,
    themes,
    events,
    articles,
    figures: figures.dated,
    undated: { articles: articles.filter((a) => a.event && undatedSet.has(a.event)).map((a) => a.id), events: undatedEvents, figures: figures.undated },
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const choices = (xs: string[]) => `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`;

// ---------------------------------------------------------------------------------------------------------------
// Periods

function periodKey(e: EventRow, by: TimelineBy): string {
  const d = e.date!;
  if (by === "month") return d.slice(0, 7);
  if (by === "quarter") return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  return e.event;
}

/** Every period from the first dated event's to the last's, in order (by event: the dated events, by date). */
function periodKeys(dated: EventRow[], by: TimelineBy): string[] {
  if (!dated.length) return [];
  if (by === "event") return dated.map((e) => e.event);
  const first = periodKey(dated[0], by);
  const last = periodKey(dated[dated.length - 1], by);
  const keys: string[] = [];
  let [y, n] = splitKey(first);
  const [ly, ln] = splitKey(last);
  const per = by === "month" ? 12 : 4;
  while (y < ly || (y === ly && n <= ln)) {
    keys.push(by === "month" ? `${y}-${String(n).padStart(2, "0")}` : `${y}-Q${n}`);
    if (++n > per) [y, n] = [y + 1, 1];
  }
  return keys;
}

function splitKey(key: string): [number, number] {
  const [y, rest] = key.split("-");
  return [Number(y), Number(rest.replace("Q", ""))];
}

function spanOf(key: string, by: TimelineBy, evs: EventRow[]): { from: string; to: string } {
  if (by === "event") return { from: evs[0].date!, to: evs[0].date! };
  const [y, n] = splitKey(key);
  const [m0, m1] = by === "month" ? [n, n] : [3 * n - 2, 3 * n];
  const last = new Date(Date.UTC(y, m1, 0)).getUTCDate();
  const ym = (m: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
  return { from: `${ym(m0)}-01`, to: `${ym(m1)}-${String(last).padStart(2, "0")}` };
}

function gapRow(period: string, span: { from: string; to: string }, themes: Theme[]): TimelineRow {
  return {
    period, from: span.from, to: span.to, gap: true, spec: null, articles: 0, events: 0, outlets: [], words: 0,
    themes: themes.map((t) => ({ theme: t.id, label: t.label, rate: null, hits: null })),
    figures: [], articleIds: [], eventIds: [], title: null,
  };
}

/** Runs of consecutive gap rows as one row each, named "FIRST..LAST" (a row merged already stays as it is). */
function mergeGaps(rows: TimelineRow[]): TimelineRow[] {
  const out: TimelineRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i].gap) {
      out.push(rows[i]);
      continue;
    }
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].gap) j++;
    out.push(j === i ? rows[i] : { ...rows[i], period: `${rows[i].period.split("..")[0]}..${rows[j].period.split("..").pop()}`, to: rows[j].to });
    i = j;
  }
  return out;
}

/** Months (or quarters) a gap row stands for, from its span. */
function periodsIn(r: TimelineRow, by: TimelineBy): number {
  const [y1, m1] = [Number(r.from.slice(0, 4)), Number(r.from.slice(5, 7))];
  const [y2, m2] = [Number(r.to.slice(0, 4)), Number(r.to.slice(5, 7))];
  const months = (y2 - y1) * 12 + m2 - m1 + 1;
  return by === "quarter" ? Math.round(months / 3) : months;
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/**
 * Quantity figures grouped as the figure ledger groups them (figureGroups: same kind and value, compatible `what`),
 * single-article ones included — a figure stated once was still first stated somewhere — each placed at its
 * earliest dated mention.
 */
function figureTimeline(articles: EventArticle[], dated: EventRow[], eventKey: Map<string, string>): { dated: TimelineFigure[]; undated: number } {
  const eventDate = new Map(dated.map((e) => [e.event, e.date!]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const when = new Map<string, { date: string; key: string }>();
  for (const a of articles) {
    const d = a.event ? eventDate.get(a.event) : undefined;
    if (d) when.set(a.id, { date: d, key: eventKey.get(a.event!)! });
  }
  const mentions = articles.flatMap((a) => extractFigures(a)).filter((f) => QUANTITY_KINDS.includes(f.kind));
  const out: Array<TimelineFigure & { rank: number }> = [];
  let undated = 0;
  for (const g of figureGroups(mentions)) {
    const ids = Array.from(new Set(g.mentions.map((m) => m.article)));
    const times = ids.map((id) => when.get(id)).filter((t): t is { date: string; key: string } => !!t);
    if (!times.length) {
      undated++;
      continue;
    }
    times.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    const periods: string[] = [];
    for (const t of times) if (!periods.includes(t.key)) periods.push(t.key);
    // Ties on the first date go to the mention read first (corpus order, then text order).
    const rank = Math.min(...g.mentions.filter((m) => when.get(m.article)?.date === times[0].date).map((m) => (order.get(m.article) ?? 0) * 1e9 + m.start));
    out.push({
      label: g.label, kind: g.kind, value: g.value, unit: g.unit, what: g.what,
      first: times[0].date, period: times[0].key, periods, repeatedIn: periods.slice(1),
      articles: ids.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)), rank,
    });
  }
  out.sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : x.rank - y.rank || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0)));
  return { dated: out.map(({ rank: _rank, ...f }) => f), undated };
}

// ---------------------------------------------------------------------------------------------------------------
// Rows for tables, and notes for notebooks

/**
 * One flat row per period for a table or CSV: counts, outlets, one `rate:<theme-id>` column per theme (empty in a
 * gap) and the figures first stated there. A run of empty periods is one gap row ("2019-03..2024-11", from its first
 * day to its last) unless `gaps` is "list": 952 empty months are one row, not 952. Rates rounded to 2 decimals
 * unless `digits` says otherwise.
 */
export function timelineRows(result: Pick<TimelineResult, "rows">, options: { digits?: number; gaps?: TimelineGaps } = {}): Array<Record<string, unknown>> {
  const { digits = 2, gaps = "merge" } = options;
  if (!TIMELINE_GAPS.includes(gaps)) throw new RangeError(`timelineRows: gaps must be ${choices(TIMELINE_GAPS)}, not "${gaps}"`);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
  return (gaps === "merge" ? mergeGaps(result.rows) : result.rows).map((r) => {
    const row: Record<string, unknown> = {
      period: r.period, from: r.from, to: r.to, gap: r.gap, articles: r.articles, events: r.events, outlets: r.outlets, words: r.words,
    };
    for (const t of r.themes) row[`rate:${t.theme}`] = round(t.rate);
    row.newFigures = r.figures.map((f) => f.label);
    row.shift = r.spec;
    return row;
  });
}

/** The figures in order of first appearance, one row each, with the periods that repeated them. */
export function timelineFigureRows(result: Pick<TimelineResult, "figures">): Array<Record<string, unknown>> {
  return result.figures.map((f) => ({
    figure: f.label, kind: f.kind, first: f.first, period: f.period, repeatedIn: f.repeatedIn, periods: f.periods.length, articles: f.articles,
  }));
}

/** The dated events in order with the period each belongs to, for a table. */
export function timelineEventRows(result: Pick<TimelineResult, "rows" | "events">): Array<Record<string, unknown>> {
  const period = new Map<string, string>();
  for (const r of result.rows) for (const e of r.eventIds) period.set(e, r.period);
  return result.events.filter((e) => e.date).map((e) => ({
    period: period.get(e.event) ?? null, date: e.date, event: e.event, articles: e.articles.length, outlets: e.outlets, title: e.title,
  }));
}

const MAX_LISTED = 20;

/**
 * The gaps as one note: each run of empty periods once ("2019-03 … 2024-11 (69 months)"), in time order; beyond 20
 * runs, the 20 longest and how many shorter ones. Null when there is no gap.
 */
function gapNote(rows: TimelineRow[], by: TimelineBy): string | null {
  const runs = mergeGaps(rows).filter((r) => r.gap).map((r, i) => ({ r, i, n: periodsIn(r, by) }));
  if (!runs.length) return null;
  const unit = by === "quarter" ? "quarter" : "month";
  const total = runs.reduce((n, x) => n + x.n, 0);
  const units = (n: number) => `${n.toLocaleString("en-US")} ${unit}${n === 1 ? "" : "s"}`;
  const name = (x: { r: TimelineRow; n: number }) => (x.n === 1 ? x.r.period.split("..")[0] : `${x.r.period.split("..")[0]} … ${x.r.period.split("..").pop()} (${units(x.n)})`);
  if (runs.length === 1 && total === 1) return `1 ${unit} has no articles (${name(runs[0])}): shown as a gap, with no rate, not as zero.`;
  const shown = runs.length > MAX_LISTED ? runs.slice().sort((a, b) => b.n - a.n || a.i - b.i).slice(0, MAX_LISTED).sort((a, b) => a.i - b.i) : runs;
  const more = runs.length - shown.length;
  return `${units(total)} have no articles, in ${runs.length} gap${runs.length === 1 ? "" : "s"}: ${shown.map(name).join(", ")}`
    + `${more ? ` and ${more} shorter gap${more === 1 ? "" : "s"}` : ""}. Each run is one gap in the tables and charts, with no rate, not a zero.`;
}

/**
 * What a reader should know before reading the charts: no articles, no dated period, a single period, gaps,
 * undated articles. Empty when there is nothing to say.
 */
export function timelineNotes(result: Pick<TimelineResult, "by" | "rows" | "articles" | "undated">): string[] {
  const notes: string[] = [];
  const { rows, undated } = result;
  const filled = rows.filter((r) => !r.gap);
  if (!result.articles.length) notes.push("No articles: there is no timeline to draw.");
  else if (!filled.length) notes.push("No article has a date, even from the briefing it reports: there are no periods to put them in.");
  else if (filled.length === 1)
    notes.push(`Only one ${result.by === "event" ? "dated briefing" : result.by} holds articles (${filled[0].period}): the charts show a single period, so nothing can change over time yet.`);
  const note = gapNote(rows, result.by);
  if (note) notes.push(note);
  if (undated.articles.length) {
    const n = undated.articles.length;
    const shown = undated.articles.slice(0, MAX_LISTED);
    notes.push(`${n} article${n === 1 ? " has" : "s have"} no date, even from the briefing ${n === 1 ? "it reports" : "they report"}, so no period holds ${n === 1 ? "it" : "them"}: ${shown.join(", ")}${n > shown.length ? ` and ${n - shown.length} more` : ""}.`
      + (undated.figures ? ` ${undated.figures} figure${undated.figures === 1 ? " is" : "s are"} stated only there.` : ""));
  }
  return notes;
}
