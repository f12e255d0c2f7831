// Axes that read at 5 articles and at 22,250: the shared pieces of the plot builders.
//
// Decisions:
// - One axis entry per item (article, briefing) only while there are at most PER_ITEM_MAX = 40 of them: 40 columns
//   of a 1,280 px report are 25 px each, about the least a rotated date label needs. Beyond, the builders aggregate
//   by period (or outlet), so a chart's data is bounded by the number of periods × themes/outlets, not by the corpus.
// - The period is the finest of day, week, month, quarter and year whose axis (periods with data, plus one entry per
//   run of empty ones) has at most 40 entries: 2,225 BBC articles dated over 2025 give 365 days, 53 weeks, 12 months
//   → months; ten years of monthly briefings give 120 months → 40 quarters.
// - A run of empty periods is one axis entry, "2019-03 … 2024-11", drawn as a grey band marked "no articles": the
//   952 empty months between a 1945 date and 2025 are one column, not 952.
// - Labels are dates and outlets, never file ids (ids stay in the hover).
import type { Article } from "./types.js";

export const PER_ITEM_MAX = 40;

export type TimeUnit = "day" | "week" | "month" | "quarter" | "year";
export const TIME_UNITS: TimeUnit[] = ["day", "week", "month", "quarter", "year"];

/** The unit in words, for titles ("month"), and in the plural ("months"). */
export const unitName = (u: TimeUnit, n = 1) => (n === 1 ? u : `${u}s`);

const DAY = 86400000;
const dayIndex = (date: string) => Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY);
const isoDay = (index: number) => new Date(index * DAY).toISOString().slice(0, 10);

/** The period a YYYY-MM-DD date falls in: "2025-03-04", the Monday of its week, "2025-03", "2025-Q1", "2025". */
export function periodOf(date: string, unit: TimeUnit): string {
  return keyAt(indexOf(date, unit, true), unit);
}

/** A period key as a count of periods since 1970 (for days and weeks) or year 0. */
function indexOf(key: string, unit: TimeUnit, fromDate = false): number {
  if (unit === "day") return dayIndex(key);
  // 1970-01-01 was a Thursday: +3 puts Mondays on multiples of 7.
  if (unit === "week") return Math.floor((dayIndex(key) + 3) / 7);
  const y = Number(key.slice(0, 4));
  if (unit === "year") return y;
  if (unit === "month") return y * 12 + Number(key.slice(5, 7)) - 1;
  const q = fromDate ? Math.floor((Number(key.slice(5, 7)) - 1) / 3) : Number(key.slice(6, 7)) - 1;
  return y * 4 + q;
}

function keyAt(index: number, unit: TimeUnit): string {
  if (unit === "day") return isoDay(index);
  if (unit === "week") return isoDay(index * 7 - 3);
  if (unit === "year") return String(index).padStart(4, "0");
  const per = unit === "month" ? 12 : 4;
  const y = String(Math.floor(index / per)).padStart(4, "0");
  const n = (index % per) + 1;
  return unit === "month" ? `${y}-${String(n).padStart(2, "0")}` : `${y}-Q${n}`;
}

/** First and last day of a period. */
export function periodSpan(key: string, unit: TimeUnit): { from: string; to: string } {
  if (unit === "day") return { from: key, to: key };
  if (unit === "week") return { from: key, to: isoDay(dayIndex(key) + 6) };
  const i = indexOf(key, unit);
  const next = keyAt(i + 1, unit);
  const first = unit === "year" ? `${key}-01-01` : unit === "month" ? `${key}-01` : `${key.slice(0, 4)}-${String(3 * (i % 4) + 1).padStart(2, "0")}-01`;
  const after = unit === "year" ? `${next}-01-01` : unit === "month" ? `${next}-01` : `${next.slice(0, 4)}-${String(3 * ((i + 1) % 4) + 1).padStart(2, "0")}-01`;
  return { from: first, to: isoDay(dayIndex(after) - 1) };
}

/** How a period reads on an axis: the date, "wk 2025-03-03", "2025-03", "2025-Q1", "2025". */
export const periodLabel = (key: string, unit: TimeUnit) => (unit === "week" ? `wk ${key}` : key);

/** One entry of a period axis: a period with data, or a run of empty periods (`gap`). */
export interface AxisEntry {
  label: string;
  /** The period's key; for a gap the key of its first period. */
  key: string;
  gap: boolean;
  /** Periods the entry stands for (1 unless a gap of several). */
  periods: number;
  from: string;
  to: string;
}

/** The gap label for a run of empty periods, first to last. */
export const gapLabel = (first: string, last: string) => (first === last ? first : `${first} … ${last}`);

/**
 * The axis over `keys` (periods with data, any order, repeats allowed): each period with data in order, and one
 * gap entry for each run of empty periods between them.
 */
export function periodAxis(keys: string[], unit: TimeUnit): AxisEntry[] {
  const idx = Array.from(new Set(keys.map((k) => indexOf(k, unit)))).sort((a, b) => a - b);
  const out: AxisEntry[] = [];
  for (let i = 0; i < idx.length; i++) {
    if (i > 0 && idx[i] - idx[i - 1] > 1) {
      const a = keyAt(idx[i - 1] + 1, unit);
      const b = keyAt(idx[i] - 1, unit);
      out.push({ label: gapLabel(periodLabel(a, unit), periodLabel(b, unit)), key: a, gap: true, periods: idx[i] - idx[i - 1] - 1, from: periodSpan(a, unit).from, to: periodSpan(b, unit).to });
    }
    const k = keyAt(idx[i], unit);
    out.push({ label: periodLabel(k, unit), key: k, gap: false, periods: 1, ...periodSpan(k, unit) });
  }
  return out;
}

/** Entries of the axis over these dates' periods (periods with data + gap runs), without building it. */
function axisLength(dates: string[], unit: TimeUnit): number {
  const idx = Array.from(new Set(dates.map((d) => indexOf(d, unit, true)))).sort((a, b) => a - b);
  let n = idx.length;
  for (let i = 1; i < idx.length; i++) if (idx[i] - idx[i - 1] > 1) n++;
  return n;
}

/**
 * The finest unit among `units` whose axis over `dates` (YYYY-MM-DD) has at most `max` entries; the coarsest when
 * none does. Default: day to year, 40 entries.
 */
export function chooseUnit(dates: string[], max = PER_ITEM_MAX, units: TimeUnit[] = TIME_UNITS): TimeUnit {
  for (const u of units) if (axisLength(dates, u) <= max) return u;
  return units[units.length - 1];
}

/**
 * Grey bands behind the gap entries of a category axis (at their index), each marked "no articles" (or `text`).
 * @return layout.shapes and layout.annotations to spread into a layout.
 */
export function gapMarks(entries: Array<{ gap: boolean }>, text = "no articles", axis: "x" | "y" = "x"): { shapes: unknown[]; annotations: unknown[] } {
  const shapes: unknown[] = [];
  const annotations: unknown[] = [];
  entries.forEach((e, i) => {
    if (!e.gap) return;
    if (axis === "x") {
      shapes.push({ type: "rect", xref: "x", yref: "paper", x0: i - 0.5, x1: i + 0.5, y0: 0, y1: 1, fillcolor: "#e6e6e6", opacity: 0.6, line: { width: 0 }, layer: "below" });
      annotations.push({ xref: "x", yref: "paper", x: i, y: 0.5, text, textangle: -90, showarrow: false, font: { size: 11, color: "#777" } });
    } else {
      shapes.push({ type: "rect", yref: "y", xref: "paper", y0: i - 0.5, y1: i + 0.5, x0: 0, x1: 1, fillcolor: "#e6e6e6", opacity: 0.6, line: { width: 0 }, layer: "below" });
      annotations.push({ yref: "y", xref: "paper", y: i, x: 0.5, text, showarrow: false, font: { size: 11, color: "#777" } });
    }
  });
  return { shapes, annotations };
}

/**
 * A category axis over `labels` in order, thinned when dense: labels turned when there are more than 12, and at
 * most 30 tick labels drawn (plotly skips the rest; every entry is still there on hover).
 */
export function categoryAxis(labels: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "category",
    categoryorder: "array",
    categoryarray: labels,
    automargin: true,
    ...(labels.length > 12 ? { tickangle: -45 } : {}),
    ...(labels.length > 30 ? { nticks: 30 } : {}),
    ...extra,
  };
}

/** The `n` names with the largest counts (ties by name), in that order. */
export function topNames(counts: Map<string, number>, n: number): string[] {
  return Array.from(counts.entries()).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n).map(([k]) => k);
}

/** Cut a label to `max` characters with an ellipsis. */
export const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1).trimEnd() + "…" : s);

/** A number with thousands separators ("2,225"). */
export const num = (n: number) => n.toLocaleString("en-US");

/**
 * How each article reads on an axis: "2025-02-25 · The Frontier Post" (its date and outlet, or the start of its title
 * when it names no outlet), "undated" when it has no date, made unique with " (2)", " (3)"… — never its file id.
 */
export function articleLabels(articles: Array<Pick<Article, "date" | "outlet" | "title">>): string[] {
  const taken = new Map<string, number>();
  return articles.map((a) => {
    const base = `${a.date ?? "undated"} · ${a.outlet ? cut(a.outlet, 28) : cut(a.title || "untitled", 28)}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Date order, undated last, then the given tie-break. */
export function byDate<T extends { date?: string | null }>(tie: (a: T, b: T) => number = () => 0): (a: T, b: T) => number {
  return (a, b) => {
    const da = a.date ?? null;
    const db = b.date ?? null;
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return tie(a, b);
  };
}

/**
 * Breaks for a date axis over `dates`: each stretch with no date longer than a year and than half the whole span
 * is cut out of the axis (plotly rangebreaks) and marked by a dotted line labelled "no <what> 2019-01-21 … 2024-12-31", so a 1945
 * date does not squeeze 2025's points into one pixel. Shorter stretches stay: they are part of the rhythm.
 */
export function dateBreaks(dates: string[], what = "articles"): { rangebreaks: unknown[]; shapes: unknown[]; annotations: unknown[] } {
  const days = Array.from(new Set(dates)).sort().map(dayIndex);
  const out = { rangebreaks: [] as unknown[], shapes: [] as unknown[], annotations: [] as unknown[] };
  if (days.length < 2) return out;
  const span = days[days.length - 1] - days[0];
  for (let i = 1; i < days.length; i++) {
    const gap = days[i] - days[i - 1];
    if (gap <= 365 || gap <= span / 2) continue;
    const pad = Math.max(7, Math.round(span / 200));
    const a = isoDay(days[i - 1] + pad);
    const b = isoDay(days[i] - pad);
    out.rangebreaks.push({ bounds: [a, b] });
    out.shapes.push({ type: "line", xref: "x", yref: "paper", x0: b, x1: b, y0: 0, y1: 1, line: { color: "#999", width: 2, dash: "dot" } });
    out.annotations.push({ xref: "x", yref: "paper", x: b, y: 1, yanchor: "bottom", text: `no ${what} ${isoDay(days[i - 1] + 1)} … ${isoDay(days[i] - 1)}`, showarrow: false, font: { size: 10, color: "#777" } });
  }
  return out;
}

/**
 * A chart title with the note on how it aggregated on a second, smaller line (a long one-line title runs under
 * plotly's toolbar and off the chart), and the top margin that leaves room for it.
 */
export function titled(main: string, note = ""): { title: { text: string }; top: number } {
  return note ? { title: { text: `${main}<br><sub>${note}</sub>` }, top: 80 } : { title: { text: main }, top: 50 };
}
