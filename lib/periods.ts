// Stage 2c: events → the two periods a shift compares. By default the earliest and the latest month that hold
// events; a user names others ("2025-02,2025-09", "2025-01..2025-03,2025") or narrows the window with from/to.
// Events belong to a period by their event date, whatever the unit counted later, so an article whose own header
// date is wrong still counts with the briefing it reports. Undated events belong to no period.
import type { EventRow } from "./events.js";

/** A span of days, inclusive, and the events dated inside it. */
export interface Period {
  label: string;
  from: string;
  to: string;
  events: string[];
}

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
  const months = monthsWithEvents(dated);
  const monthList = months.length ? `months with events${window}: ${months.map((m) => `${m.month} (${m.events})`).join(", ")}` : `no dated events${window}`;

  let specs: string[];
  if (periods === undefined) {
    if (months.length < 2)
      throw new PeriodError(months.length
        ? `only one month holds dated events${window}, so there is nothing to compare (${monthList})`
        : `no dated events${window}, so there is nothing to compare`);
    specs = [months[0].month, months[months.length - 1].month];
  } else {
    specs = (Array.isArray(periods) ? periods : periods.split(",")).map((s) => s.trim());
    if (specs.length !== 2 || specs.some((s) => !s)) throw new PeriodError(`give two periods, A,B (e.g. 2025-02,2025-09), not "${Array.isArray(periods) ? periods.join(",") : periods}"`);
  }
  const chosen = specs.map((spec) => {
    const span = parseSpan(spec, "period");
    const inside = dated.filter((e) => e.date! >= span.from && e.date! <= span.to).map((e) => e.event);
    if (!inside.length) throw new PeriodError(`period ${spec} holds no events; ${monthList}`);
    return { label: spec, from: span.from, to: span.to, events: inside };
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
  const n = new Map<string, number>();
  for (const e of events) if (e.date) n.set(e.date.slice(0, 7), (n.get(e.date.slice(0, 7)) ?? 0) + 1);
  return Array.from(n, ([month, events]) => ({ month, events })).sort((x, y) => (x.month < y.month ? -1 : 1));
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
