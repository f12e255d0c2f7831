// Stage 5: how the messaging shifted between two periods — the terms, themes, figures and quotations that
// came, stayed and went. Built from the earlier stages: events and periods, keyness on term counts, theme
// counts, the figure ledger's notion of "the same figure", and quotations.
//
// Units: by default each event counts once, as its deduplicated text (eventDocuments), so a briefing that three
// outlets carried is one briefing; `unit: "article"` counts every article. Either way an article belongs to the
// period of its event's date. Figures and quotations are read from the articles themselves, so every row points
// at a passage a reader can open; they are compared by event and period, which copies cannot inflate.
import type { Article } from "./types.js";
import { assignEvents, eventDocuments, eventUnit, type EventArticle, type EventOptions, type EventRow } from "./events.js";
import { choosePeriods, PeriodError, type Period, type PeriodOptions } from "./periods.js";
import { countTerms, keyness, surfaceForms, type Correction, type KeynessRow } from "./keyness.js";
import { countThemes, loadThemes, type Theme } from "./themes.js";
import { extractQuotes, groupQuotes } from "./quotes.js";
import { kwic, type KwicRow } from "./kwic.js";
import { extractFigures, QUANTITY_KINDS } from "./figures.js";
import { figureClaims } from "./claims.js";

export type Unit = "event" | "article";

export interface ShiftOptions extends PeriodOptions {
  /** What one count stands for: "event" (default; each briefing once) or "article". */
  unit?: Unit;
  /** The theme dictionary; default data/themes.yml. */
  themes?: Theme[];
  /** Keyness filters and correction (see keyness): defaults minCount 3, minUnits 1, no correction. */
  minCount?: number;
  minUnits?: number;
  correction?: Correction;
  events?: EventOptions;
}

/** One theme's rate in each period. */
export interface ThemeChange {
  theme: string;
  label: string;
  /** Hits per 1,000 words of period A's units (events' deduplicated texts, or articles). */
  rateA: number;
  rateB: number;
  /** rateB − rateA. */
  change: number;
  hitsA: number;
  hitsB: number;
}

/** One figure (the figure ledger's group of mentions stating it) and where each period states it. */
export interface FigureShift {
  label: string;
  kind: string;
  value: number;
  unit: string;
  /** What it measures, as most mentions say ("prisoners of war"; "" when none says). */
  what: string;
  /** How it was written, each form once ("19,000; 19 thousand"). */
  written: string;
  /** Articles stating it in A and in B. */
  articlesA: string[];
  articlesB: string[];
}

/** Figures stated in B but not in A, in A but not in B, and in both. */
export interface FigureChanges {
  appeared: FigureShift[];
  disappeared: FigureShift[];
  repeated: FigureShift[];
}

/** A quotation (and its near-copies) and where it was quoted. */
export interface QuoteChange {
  quote: string;
  speaker: string | null;
  /** "repeated": quoted in both periods; "new": only in B; "A only": quoted in A and not in B. */
  status: "repeated" | "new" | "A only";
  /** Events it was quoted in (a quotation in two events of one period is repeated across events too). */
  events: number;
  articles: string[];
  first: string | null;
  last: string | null;
}

export interface ShiftResult {
  unit: Unit;
  periods: [Period, Period];
  /** Every event of the corpus, each article's event on `articles`. */
  events: EventRow[];
  articles: EventArticle[];
  /** Article ids in A and in B (by their event's date). */
  articlesA: string[];
  articlesB: string[];
  /** Units counted and words in each period (for reading the rates). */
  unitsA: number;
  unitsB: number;
  wordsA: number;
  wordsB: number;
  keyness: KeynessRow[];
  themes: ThemeChange[];
  figures: FigureChanges;
  quotes: QuoteChange[];
}

const UNITS: Unit[] = ["event", "article"];

/**
 * Compare two periods of a corpus.
 * @return Everything that shifted between A and B (see ShiftResult). Throws PeriodError when the periods cannot
 *   be chosen (named period empty, one month only…) and RangeError for a bad option.
 */
export function shift(articles: Article[], options: ShiftOptions = {}): ShiftResult {
  const { unit = "event" } = options;
  if (!UNITS.includes(unit)) throw new RangeError(`shift: unit must be event or article, not "${unit}"`);
  const { articles: evented, events } = assignEvents(articles, options.events);
  return shiftOfEvents(evented, events, options);
}

/**
 * shift() on articles already grouped into events (assignEvents' result), so a caller that grouped them once (the
 * analysis) compares the periods with the same events and dates as every other view.
 * @return As shift(); throws as shift() does.
 */
export function shiftOfEvents(evented: EventArticle[], events: EventRow[], options: ShiftOptions = {}): ShiftResult {
  const { unit = "event", minCount = 3, minUnits = 1, correction = "none" } = options;
  if (!UNITS.includes(unit)) throw new RangeError(`shift: unit must be event or article, not "${unit}"`);
  const periods = choosePeriods(events, options);
  const themes = options.themes ?? loadThemes();
  const [units, inPeriod] = unitsOf(evented, events, periods, unit);

  const [countsA, countsB] = units.map((u) => countTerms(u));
  const surface = surfaceForms(countsA.forms, countsB.forms);
  const key = keyness(countsA.counts, countsB.counts, { minCount, minUnits, correction, surface });

  const themeRows = themeChange(units[0], units[1], themes);
  const figures = figureChange(inPeriod[0], inPeriod[1]);
  const quotes = quoteChange(inPeriod[0], inPeriod[1], events);
  const words = (us: Article[]) => us.reduce((n, u) => n + u.words, 0);
  return {
    unit,
    periods,
    events,
    articles: evented,
    articlesA: inPeriod[0].map((a) => a.id),
    articlesB: inPeriod[1].map((a) => a.id),
    unitsA: units[0].length,
    unitsB: units[1].length,
    wordsA: words(units[0]),
    wordsB: words(units[1]),
    keyness: key,
    themes: themeRows,
    figures,
    quotes,
  };
}

/**
 * The same comparison for notebooks, which must run on any corpus: never throws for lack of periods.
 * @return `{shift, note, events, articles}`: the result, or null and a note saying why nothing can be compared;
 *   the events either way.
 */
export function shiftOrNote(articles: Article[], options: ShiftOptions = {}): { shift: ShiftResult | null; note: string | null; events: EventRow[]; articles: EventArticle[] } {
  try {
    const r = shift(articles, options);
    return { shift: r, note: null, events: r.events, articles: r.articles };
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    const { articles: evented, events } = assignEvents(articles, options.events);
    const note = articles.length ? `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.` : "No articles: nothing to compare.";
    return { shift: null, note, events, articles: evented };
  }
}

/** The units of each period (event documents or articles) and the articles in each period. */
function unitsOf(articles: EventArticle[], events: EventRow[], periods: [Period, Period], unit: Unit): [[Article[], Article[]], [EventArticle[], EventArticle[]]] {
  const inPeriod = periods.map((p) => {
    const ids = new Set(p.events);
    return articles.filter((a) => a.event && ids.has(a.event));
  }) as [EventArticle[], EventArticle[]];
  if (unit === "article") return [inPeriod, inPeriod];
  const units = periods.map((p) => {
    const ids = new Set(p.events);
    return eventDocuments(articles, events.filter((e) => ids.has(e.event))).map(eventUnit);
  }) as [Article[], Article[]];
  return [units, inPeriod];
}

/** Per theme, hits per 1,000 words in A's units and in B's. Rising themes first. */
export function themeChange(unitsA: Article[], unitsB: Article[], themes: Theme[]): ThemeChange[] {
  const totals = (units: Article[]): ThemeTotals => {
    const hits = new Map<string, number>();
    for (const c of countThemes(units, themes)) hits.set(c.theme, (hits.get(c.theme) ?? 0) + c.hits);
    return { words: units.reduce((n, u) => n + u.words, 0), hits };
  };
  return themeChangeFromTotals(totals(unitsA), totals(unitsB), themes);
}

/** A period's theme hits (theme id → hits) and words, summed over its units. */
export interface ThemeTotals {
  hits: Map<string, number>;
  words: number;
}

/** themeChange's arithmetic on hits and words already summed per period (for callers that count in one pass). */
export function themeChangeFromTotals(a: ThemeTotals, b: ThemeTotals, themes: Theme[]): ThemeChange[] {
  const rows = themes.map((t, order) => {
    const hitsA = a.hits.get(t.id) ?? 0;
    const hitsB = b.hits.get(t.id) ?? 0;
    const rateA = a.words ? (1000 * hitsA) / a.words : 0;
    const rateB = b.words ? (1000 * hitsB) / b.words : 0;
    return { row: { theme: t.id, label: t.label, rateA, rateB, change: rateB - rateA, hitsA, hitsB }, order };
  });
  rows.sort((x, y) => y.row.change - x.row.change || x.order - y.order);
  return rows.map((r) => r.row);
}

/**
 * Quantities (percent, money, count, duration) grouped into claims (lib/claims.ts: values that agree given hedges
 * and rounding, about the same thing judged on the `what` and the sentence around it, so "339 children" in A and
 * "the 339 names on the list" in B are one figure), sorted into appeared in B, gone after A, and repeated in both. A figure one article states counts: "appeared" does not need a second outlet.
 * @return Each list in the ledger's order (most articles first, then earliest).
 */
export function figureChange(articlesA: Article[], articlesB: Article[]): FigureChanges {
  const idsA = new Set(articlesA.map((a) => a.id));
  const idsB = new Set(articlesB.map((a) => a.id));
  const all = [...articlesA, ...articlesB];
  const mentions = all.flatMap((a) => extractFigures(a)).filter((f) => QUANTITY_KINDS.includes(f.kind));
  const order = new Map(all.map((a, i) => [a.id, i]));
  const inOrder = (ids: string[]) => ids.slice().sort((x, y) => order.get(x)! - order.get(y)!);
  const out: FigureChanges = { appeared: [], disappeared: [], repeated: [] };
  for (const g of figureClaims(mentions, all).claims) {
    const row: FigureShift = {
      label: g.claim,
      kind: g.kind,
      value: g.value,
      unit: g.unit,
      what: g.what,
      written: Array.from(new Set(g.mentions.map((m) => m.text.replace(/\s+/g, " ")))).join("; "),
      articlesA: inOrder(g.articles.filter((id) => idsA.has(id))),
      articlesB: inOrder(g.articles.filter((id) => idsB.has(id))),
    };
    if (row.articlesA.length && row.articlesB.length) out.repeated.push(row);
    else if (row.articlesB.length) out.appeared.push(row);
    else out.disappeared.push(row);
  }
  return out;
}

/**
 * Quotations grouped across the two periods' articles, with their status; `first`/`last` are the dates of the
 * events they were quoted at (not the articles' own dates). Repeated first, then new, then A only.
 */
export function quoteChange(articlesA: EventArticle[], articlesB: EventArticle[], events: EventRow[] = []): QuoteChange[] {
  const idsA = new Set(articlesA.map((a) => a.id));
  const eventDate = new Map(events.map((e) => [e.event, e.date]));
  const quotes = [...articlesA, ...articlesB].flatMap((a) => extractQuotes({ ...a, date: (a.event && eventDate.get(a.event)) || a.date }));
  const rank = { repeated: 0, new: 1, "A only": 2 } as const;
  return groupQuotes(quotes)
    .map((g): QuoteChange => {
      const inA = g.articles.some((id) => idsA.has(id));
      const inB = g.articles.some((id) => !idsA.has(id));
      return { quote: g.quote, speaker: g.speaker, status: inA && inB ? "repeated" : inB ? "new" : "A only", events: g.events.length, articles: g.articles, first: g.first, last: g.last };
    })
    .sort((x, y) => rank[x.status] - rank[y.status] || y.events - x.events || ((x.first ?? "") < (y.first ?? "") ? -1 : (x.first ?? "") > (y.first ?? "") ? 1 : 0));
}

/**
 * Keyword-in-context lines for the most distinctive terms of each period, from that period's articles, so a
 * reader can check what a bar of the keyness chart stands for.
 * @return Rows `{term, period, article, date, left, match, right}`; `top` terms per side (default 5), at most
 *   `perTerm` lines each (default 3), window 8 words.
 */
export function shiftKwic(result: ShiftResult, options: { top?: number; perTerm?: number; window?: number } = {}): Array<{ term: string; period: string } & KwicRow> {
  const { top = 5, perTerm = 3, window = 8 } = options;
  const [a, b] = result.periods;
  const byId = new Map(result.articles.map((x) => [x.id, x]));
  const side = (rows: KeynessRow[], period: Period, ids: string[]) => {
    const arts = ids.map((id) => byId.get(id)!);
    return rows.slice(0, top).flatMap((r) => kwic(arts, r.term, { window }).slice(0, perTerm).map((k) => ({ term: r.term, period: period.label, ...k })));
  };
  const forB = result.keyness.filter((r) => r.g2 > 0);
  const forA = result.keyness.filter((r) => r.g2 < 0).reverse();
  return [...side(forA, a, result.articlesA), ...side(forB, b, result.articlesB)];
}

/** Rows for a table of the events in each period. */
export function periodEventRows(result: Pick<ShiftResult, "periods" | "events">): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const [i, p] of result.periods.entries()) {
    for (const e of result.events.filter((x) => p.events.includes(x.event)))
      rows.push({ period: `${i ? "B" : "A"} · ${p.label}`, event: e.event, date: e.date, dateFrom: e.dateFrom, articles: e.articles.join(", "), outlets: e.outlets.join(", "), title: e.title });
  }
  return rows;
}

/** The two periods' labels, A then B, for chart legends. */
export function shiftLabels(result: Pick<ShiftResult, "periods">): [string, string] {
  return [result.periods[0].label, result.periods[1].label];
}

/** Rows for a table of every event: its date and where the date came from, its articles and outlets. */
export function eventTableRows(events: EventRow[]): Array<Record<string, unknown>> {
  return events.map((e) => ({ event: e.event, date: e.date, dateFrom: e.dateFrom, articles: e.articles.join(", "), outlets: e.outlets.join(", "), title: e.title, speaker: e.speaker, evidence: e.evidence }));
}

/** Rows for a table of the articles with their event, own date, statement date and warnings. */
export function articleEventRows(articles: EventArticle[]): Array<Record<string, unknown>> {
  return articles.map((a) => ({ id: a.id, event: a.event, date: a.date, dateSource: a.dateSource, statementDate: a.statementDate, outlet: a.outlet, warnings: a.warnings.join("; ") }));
}

/** Rows for a table of keyness results: the most distinctive `top` terms of each period (default 20), B's first. */
export function keynessTableRows(result: Pick<ShiftResult, "keyness" | "periods">, top = 20): Array<Record<string, unknown>> {
  const [a, b] = shiftLabels(result);
  const row = (k: KeynessRow) => ({ "more in": k.g2 > 0 ? b : a, term: k.term, G2: k.g2, logRatio: k.logRatio, p: k.p < 0.001 ? k.p.toExponential(1) : k.p, [a]: k.countA, [b]: k.countB });
  return [...result.keyness.filter((k) => k.g2 > 0).slice(0, top).map(row), ...result.keyness.filter((k) => k.g2 < 0).reverse().slice(0, top).map(row)];
}

/** Rows for a table of quotations: status, speaker, how many events, first date, the words. */
export function quoteTableRows(quotes: QuoteChange[]): Array<Record<string, unknown>> {
  return quotes.map((q) => ({ status: q.status, speaker: q.speaker ?? "(not said)", events: q.events, first: q.first, articles: q.articles.join(", "), quote: q.quote }));
}

/** Rows for a table of figures that came or went: the figure, what it measures, how it was written, where. */
export function figureTableRows(rows: FigureShift[]): Array<Record<string, unknown>> {
  return rows.map((f) => ({ figure: f.label, kind: f.kind, what: f.what, written: f.written, inA: f.articlesA.join(", "), inB: f.articlesB.join(", ") }));
}
