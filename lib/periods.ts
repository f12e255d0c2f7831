// Stage 2c: events → the two periods a shift compares. A user names them ("2025-02,2025-09",
// "2025-01..2025-03,2025") or narrows the window with from/to; each period says why it was chosen (`why`).
// Events belong to a period by their event date, whatever the unit counted later, so an article whose own header
// date is wrong still counts with the briefing it reports. Undated events belong to no period.
//
// Default: the earliest and the latest month whose events hold at least MIN_WORDS (500) words of reports, so a
// shift never compares a single short text unless that is all there is. Comparing the earliest month with the
// latest had a shift measure a briefing against one 241-word article about something else. 500 words is about two
// excerpted reports (outlets print the first 250-300 words of a page) or one full one; below it keyness (a term
// needs 3 occurrences in a period by default) has little to count: 003, a 597-word seed, has 20 content words seen
// 3 times or more, its first 250 words 8. Months with less are skipped, and named in `why`. When fewer than two
// months have enough, the months from each end are pooled until each side has enough ("2025-01..2025-03"); when
// even that overlaps, the earliest and latest months are compared, and `why` says they are short.
import type { EventRow } from "./events.js";

/** A span of days, inclusive, and the events dated inside it. */
export interface Period {
  label: string;
  from: string;
  to: string;
  events: string[];
  /** Words of the reports of its events (EventRow.words summed). */
  words: number;
  /** Why this period was compared ("named", "the earliest month with at least 500 words of reports", …). */
  why: string;
}

/** Words of reports a default period needs (see the top of this file). */
export const MIN_WORDS = 500;

export interface PeriodOptions {
  /** Two period specs, as "A,B" or [A, B]: YYYY, YYYY-MM, YYYY-MM-DD, or a range "X..Y" of those. Default: the earliest and latest months with events. */
  periods?: string | string[];
  /** Leave out events before this date (YYYY, YYYY-MM or YYYY-MM-DD: from its first day). */
  from?: string;
  /** Leave out events after this date (from its last day). */
  to?: string;
}

/** A period that cannot be used; the message names it and the months that do hold events. */
export class PeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PeriodError";
  }
}

/**
 * Choose the two periods to compare, A then B.
 * @return `[A, B]` with their events. Throws PeriodError for a malformed spec, a period with no events (naming it
 *   and the months that have events), overlapping periods, or fewer than two months with events when none are named.
 */
export function choosePeriods(events: EventRow[], options: PeriodOptions = {}): [Period, Period] {
  const { periods, from, to } = options;
  const lo = from === undefined ? null : parseSpan(from, "--from").from;
  const hi = to === undefined ? null : parseSpan(to, "--to").to;
  if (lo && hi && lo > hi) throw new PeriodError(`--from ${from} is after --to ${to}`);
  const dated = events.filter((e) => e.date && (!lo || e.date >= lo) && (!hi || e.date <= hi));
  const window = lo || hi ? ` between ${from ?? "the start"} and ${to ?? "the end"}` : "";
  const months = monthTotals(dated);
  const monthList = months.length ? `months with events${window}: ${months.map((m) => `${m.month} (${m.events})`).join(", ")}` : `no dated events${window}`;

  let specs: string[];
  let whys: [string, string] = ["named", "named"];
  if (periods === undefined) {
    if (months.length < 2)
      throw new PeriodError(months.length
        ? `only one month holds dated events${window}, so there is nothing to compare (${monthList})`
        : `no dated events${window}, so there is nothing to compare`);
    const d = defaultSpecs(months);
    specs = d.specs;
    whys = d.whys;
  } else {
    specs = (Array.isArray(periods) ? periods : periods.split(",")).map((s) => s.trim());
    if (specs.length !== 2 || specs.some((s) => !s)) throw new PeriodError(`give two periods, A,B (e.g. 2025-02,2025-09), not "${Array.isArray(periods) ? periods.join(",") : periods}"`);
  }
  const chosen = specs.map((spec, k) => {
    const span = parseSpan(spec, "period");
    const inside = dated.filter((e) => e.date! >= span.from && e.date! <= span.to);
    if (!inside.length) throw new PeriodError(`period ${spec} holds no events; ${monthList}`);
    return { label: spec, from: span.from, to: span.to, events: inside.map((e) => e.event), words: inside.reduce((n, e) => n + (e.words ?? 0), 0), why: whys[k] };
  });
  const [a, b] = chosen;
  if (a.from <= b.to && b.from <= a.to) throw new PeriodError(`periods ${a.label} and ${b.label} overlap; choose two that do not`);
  return [a, b];
}

/**
 * The same choice for notebooks, where a corpus may hold one period or none: never throws for lack of events.
 * @return `{periods, note}`: the periods, or null and a note saying why there is nothing to compare.
 */
export function periodsOrNote(events: EventRow[], options: PeriodOptions = {}): { periods: [Period, Period] | null; note: string | null } {
  try {
    return { periods: choosePeriods(events, options), note: null };
  } catch (e) {
    if (e instanceof PeriodError) return { periods: null, note: e.message };
    throw e;
  }
}

/** The months (YYYY-MM) that hold dated events, oldest first, with how many events each. */
export function monthsWithEvents(events: EventRow[]): Array<{ month: string; events: number }> {
  return monthTotals(events).map(({ month, events }) => ({ month, events }));
}

type MonthTotal = { month: string; events: number; words: number };

function monthTotals(events: EventRow[]): MonthTotal[] {
  const n = new Map<string, MonthTotal>();
  for (const e of events) {
    if (!e.date) continue;
    const m = e.date.slice(0, 7);
    const t = n.get(m) ?? { month: m, events: 0, words: 0 };
    t.events++;
    t.words += e.words ?? 0;
    n.set(m, t);
  }
  return Array.from(n.values()).sort((x, y) => (x.month < y.month ? -1 : 1));
}

const plural = (n: number, one: string) => `${n.toLocaleString("en")} ${one}${n === 1 ? "" : "s"}`;
const described = (t: MonthTotal) => `${t.month} (${plural(t.events, "event")}, ${plural(t.words, "word")})`;

/** The default pair of periods for months with events (two or more), and why each was chosen. */
function defaultSpecs(counted: Array<{ month: string; events: number }>): { specs: string[]; whys: [string, string] } {
  const months = counted as MonthTotal[];
  const enough = months.filter((t) => t.words >= MIN_WORDS);
  const short = months.filter((t) => t.words < MIN_WORDS);
  const skipped = (inside: (t: MonthTotal) => boolean) => {
    const left = short.filter(inside);
    return left.length ? `; left out as shorter than ${MIN_WORDS} words: ${left.map(described).join(", ")}` : "";
  };
  if (enough.length >= 2) {
    const [a, b] = [enough[0], enough[enough.length - 1]];
    return {
      specs: [a.month, b.month],
      whys: [
        `the earliest month with at least ${MIN_WORDS} words of reports: ${described(a)}${skipped((t) => t.month < a.month)}`,
        `the latest month with at least ${MIN_WORDS} words of reports: ${described(b)}${skipped((t) => t.month > b.month)}`,
      ],
    };
  }
  // Pool months from each end until each side has enough.
  let k = 0, wa = months[0].words;
  while (wa < MIN_WORDS && k + 1 < months.length) wa += months[++k].words;
  let j = months.length - 1, wb = months[j].words;
  while (wb < MIN_WORDS && j - 1 >= 0) wb += months[--j].words;
  const span = (x: number, y: number) => (x === y ? months[x].month : `${months[x].month}..${months[y].month}`);
  if (k < j) {
    return {
      specs: [span(0, k), span(j, months.length - 1)],
      whys: [
        `the earliest months pooled until they hold ${MIN_WORDS} words of reports (no two single months do): ${months.slice(0, k + 1).map(described).join(", ")}`,
        `the latest months pooled until they hold ${MIN_WORDS} words of reports: ${months.slice(j).map(described).join(", ")}`,
      ],
    };
  }
  const [a, b] = [months[0], months[months.length - 1]];
  return {
    specs: [a.month, b.month],
    whys: [
      `the earliest month with events, though short: the corpus holds too few words (${plural(months.reduce((n, t) => n + t.words, 0), "word")}) for two periods of ${MIN_WORDS}: ${described(a)}`,
      `the latest month with events, though short: ${described(b)}`,
    ],
  };
}

/** Read YYYY, YYYY-MM, YYYY-MM-DD or "X..Y" as an inclusive span of days. `what` names the flag in errors. */
export function parseSpan(spec: string, what = "period"): { from: string; to: string } {
  const parts = spec.split("..");
  if (parts.length > 2) throw new PeriodError(`${what} "${spec}": a range is FROM..TO`);
  const ends = parts.map((p) => oneSpan(p.trim(), spec, what));
  const span = { from: ends[0].from, to: ends[ends.length - 1].to };
  if (span.from > span.to) throw new PeriodError(`${what} "${spec}": ${parts[0]} is after ${parts[1]}`);
  return span;
}

function oneSpan(s: string, spec: string, what: string): { from: string; to: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  const bad = () => new PeriodError(`${what} "${spec}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (or FROM..TO)`);
  if (!m) throw bad();
  const y = Number(m[1]);
  if (m[3]) {
    const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) throw bad();
    return { from: s, to: s };
  }
  if (m[2]) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) throw bad();
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { from: `${s}-01`, to: `${s}-${String(last).padStart(2, "0")}` };
  }
  return { from: `${s}-01-01`, to: `${s}-12-31` };
}
